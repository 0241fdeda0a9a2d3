package org.bakusoku.cpu.impl;

import java.io.IOException;

/**
 * The privileged writes: boot partition files, the governor when sysfs is not writable, and the reboot.
 * {@link DirectActions} does them itself (running as root, or in tests on a temp tree);
 * {@link HelperActions} asks the image's small root helper, so that the appliance never runs as root.
 */
interface SystemActions {

    /**
     * Replaces a boot partition file atomically, after copying the old one to the backup folder.
     *
     * @param boot    the partition
     * @param name    {@code config.txt} or {@code tryboot.txt}
     * @param content the new bytes
     * @throws IOException if it cannot be written; the old file is then unchanged
     */
    void writeBootFile(BootPartition boot, String name, byte[] content) throws IOException;

    /**
     * Deletes a boot partition file after copying it to the backup folder; nothing happens if it is absent.
     *
     * @param boot the partition
     * @param name {@code tryboot.txt}
     * @throws IOException if it cannot be deleted
     */
    void deleteBootFile(BootPartition boot, String name) throws IOException;

    /**
     * @param boot the partition
     * @throws IOException if files on it cannot be written (read-only mount, no permission, no helper)
     */
    void checkBootWritable(BootPartition boot) throws IOException;

    /**
     * Asks the system to reboot; returns once the request is accepted (the JVM is stopped later).
     *
     * @param tryboot true to set the firmware's one-shot tryboot flag ({@code reboot '0 tryboot'}: Raspberry
     *                Pi documentation, "Fail-safe OS updates (tryboot)")
     * @throws IOException if the request was refused
     */
    void reboot(boolean tryboot) throws IOException;

    /**
     * Sets the governor of every cpufreq policy with privileges (only when a direct sysfs write was denied).
     *
     * @param governor a governor the kernel lists as available
     * @throws IOException if it could not be set
     */
    void setGovernor(String governor) throws IOException;
}
