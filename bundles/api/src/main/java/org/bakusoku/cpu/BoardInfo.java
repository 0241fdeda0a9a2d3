package org.bakusoku.cpu;

/**
 * The board the appliance runs on.
 *
 * @param model    the device tree model string, e.g. {@code "Raspberry Pi 4 Model B Rev 1.4"}; null off-Pi
 * @param revision the revision code as hex, e.g. {@code "c03114"}; null when unknown
 * @param family   the overclock family decided from the revision code (or the model when there is none)
 */
public record BoardInfo(String model, String revision, Board family) {
}
