package org.bakusoku.relay;

/**
 * A relay or rule configuration that was refused; the previous good one (if any) stays in use.
 *
 * @param pid     ConfigAdmin PID of the refused configuration, e.g. {@code "org.bakusoku.relay~siren"}
 * @param name    what it configures, e.g. {@code "relay siren"}
 * @param message why it was refused and what to change, e.g. {@code "bcm.pin must be 0..27, got 40"}
 * @param atMs    when it was refused, epoch milliseconds (UTC)
 */
public record ConfigProblem(String pid, String name, String message, long atMs) {
}
