package org.bakusoku.relay.pi4j;

/**
 * What the controller drives when GPIO cannot work (unsupported board, missing gpiochip, no permission):
 * every relay is refused with the reason, which the log and the console's problem list show. Never a
 * silent mock on a Raspberry Pi.
 */
final class UnavailableLines implements OutputLines {

    private final String reason;

    /** @param reason why GPIO is unavailable and how to fix it */
    UnavailableLines(String reason) {
        this.reason = reason;
    }

    @Override
    public Line open(String id, String name, int bcmPin, boolean safeHigh) {
        throw new IllegalStateException("GPIO unavailable: " + reason);
    }

    @Override
    public String description() {
        return "unavailable: " + reason;
    }

    @Override
    public void close() {
        // nothing was opened
    }
}
