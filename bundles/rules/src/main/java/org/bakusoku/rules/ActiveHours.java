package org.bakusoku.rules;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * A daily time window in which a rule acts, e.g. {@code 22:00-06:00} (wrapping midnight). Start inclusive,
 * end exclusive; equal start and end means all day.
 *
 * @param from first minute of the window, local time
 * @param to   first minute after the window, local time
 */
public record ActiveHours(LocalTime from, LocalTime to) {

    /**
     * @param text {@code "HH:MM-HH:MM"}, 24-hour local time
     * @return the window
     * @throws IllegalArgumentException naming the bad value
     */
    public static ActiveHours parse(String text) {
        String[] parts = text.strip().split("-");
        try {
            if (parts.length == 2) {
                return new ActiveHours(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new IllegalArgumentException("active.hours must be 'HH:MM-HH:MM' (24-hour local time, e.g. 22:00-06:00),"
                + " got '" + text + "'");
    }

    /**
     * @param time a local time of day
     * @return true if inside the window
     */
    public boolean contains(LocalTime time) {
        if (from.equals(to)) {
            return true;
        }
        return from.isBefore(to) ? !time.isBefore(from) && time.isBefore(to) : !time.isBefore(from) || time.isBefore(to);
    }

    @Override
    public String toString() {
        return from + "-" + to;
    }
}
