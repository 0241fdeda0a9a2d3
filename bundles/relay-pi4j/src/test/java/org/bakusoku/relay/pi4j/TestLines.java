package org.bakusoku.relay.pi4j;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Pi4J mock lines with the levels a test can read, and faults it can inject: a line stuck at a level (it
 * reads back that level whatever was written) or a line whose writes fail.
 */
final class TestLines implements OutputLines {

    private final Pi4jOutputLines mock = Pi4jOutputLines.mock("mock (test)");
    private final Map<Integer, Line> opened = new HashMap<>();
    private final Map<Integer, Boolean> stuck = new HashMap<>();
    private final Set<Integer> failingWrites = new HashSet<>();

    /** @return the level of the mock line at a BCM pin: true = high */
    boolean high(int bcmPin) {
        Line line = opened.get(bcmPin);
        if (line == null) {
            throw new AssertionError("no line open on BCM " + bcmPin);
        }
        return line.readBack();
    }

    /** @return true if a line is open (not released) on the pin */
    boolean isOpen(int bcmPin) {
        return mock.context().registry().allByType(com.pi4j.io.gpio.digital.DigitalOutput.class).values().stream()
                .anyMatch(output -> output.config().address() == bcmPin);
    }

    void stick(int bcmPin, boolean high) {
        stuck.put(bcmPin, high);
    }

    void failWrites(int bcmPin) {
        failingWrites.add(bcmPin);
    }

    @Override
    public Line open(String id, String name, int bcmPin, boolean safeHigh) {
        Line line = mock.open(id, name, bcmPin, safeHigh);
        opened.put(bcmPin, line);
        return new Line() {
            @Override
            public void write(boolean high) {
                if (failingWrites.contains(bcmPin)) {
                    throw new IllegalStateException("EIO from gpiochip");
                }
                line.write(high);
            }

            @Override
            public boolean readBack() {
                return stuck.getOrDefault(bcmPin, line.readBack());
            }

            @Override
            public void release() {
                line.release();
            }
        };
    }

    @Override
    public String description() {
        return mock.description();
    }

    @Override
    public void close() {
        mock.close();
    }
}
