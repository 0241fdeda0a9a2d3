package org.bakusoku.cpu.impl;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bakusoku.cpu.CpuException;
import org.bakusoku.cpu.CpuPolicy;

/**
 * The Linux cpufreq policies in sysfs ({@code /sys/devices/system/cpu/cpufreq/policy*}; kernel documentation
 * "CPU Performance Scaling", admin-guide/pm/cpufreq.rst): frequencies in kHz, the governor per policy.
 */
final class Cpufreq {

    /** Folder of the policies. */
    static final String BASE = "/sys/devices/system/cpu/cpufreq";

    private final SysRoot root;

    /** @param root the system files */
    Cpufreq(SysRoot root) {
        this.root = root;
    }

    /** @return the policy folders, {@code policy0} first; empty off-Pi in a container or VM without cpufreq */
    List<Path> policyFolders() {
        return root.list(BASE, "policy*");
    }

    /** @return true when there is at least one policy */
    boolean available() {
        return !policyFolders().isEmpty();
    }

    /** @return every policy, read now; a policy whose files cannot be read shows 0 MHz */
    List<CpuPolicy> policies() {
        List<CpuPolicy> policies = new ArrayList<>();
        for (Path folder : policyFolders()) {
            policies.add(new CpuPolicy(folder.getFileName().toString(), cpus(folder),
                    root.text(folder.resolve("scaling_governor")).orElse(""),
                    mhz(folder, "scaling_cur_freq"), mhz(folder, "scaling_min_freq"), mhz(folder, "scaling_max_freq"),
                    mhz(folder, "cpuinfo_min_freq"), mhz(folder, "cpuinfo_max_freq")));
        }
        return policies;
    }

    /** @return {@code scaling_available_governors} of the first policy; empty without cpufreq */
    List<String> availableGovernors() {
        List<Path> folders = policyFolders();
        if (folders.isEmpty()) {
            return List.of();
        }
        String list = root.text(folders.get(0).resolve("scaling_available_governors")).orElse("");
        return list.isBlank() ? List.of() : List.of(list.split("\\s+"));
    }

    /** @return the governor of the first policy, or null without cpufreq */
    String governor() {
        List<Path> folders = policyFolders();
        return folders.isEmpty() ? null : root.text(folders.get(0).resolve("scaling_governor")).orElse(null);
    }

    /**
     * Writes the governor to every policy and reads it back.
     *
     * @param governor one of {@link #availableGovernors()}
     * @throws CpuException INVALID (with the available ones) for an unknown governor, UNAVAILABLE without
     *                      cpufreq, PERMISSION when sysfs refuses the write, FAILED when the kernel rejects it
     */
    void setGovernor(String governor) throws CpuException {
        List<Path> folders = policyFolders();
        if (folders.isEmpty()) {
            throw new CpuException(CpuException.Kind.UNAVAILABLE, "No cpufreq in sysfs (" + BASE
                    + "/policy*): this machine has no CPU frequency driver, so there is no governor to set.");
        }
        List<String> available = availableGovernors();
        if (governor == null || !available.contains(governor)) {
            throw new CpuException(CpuException.Kind.INVALID, "Unknown governor '" + governor + "'; available: "
                    + String.join(", ", available) + ".", available);
        }
        for (Path folder : folders) {
            Path file = folder.resolve("scaling_governor");
            try {
                root.writeAttribute(file, governor);
            } catch (AccessDeniedException e) {
                throw new CpuException(CpuException.Kind.PERMISSION, "Cannot write " + root.display(file)
                        + ": permission denied. The appliance runs without root: the image's udev rule"
                        + " 70-bakusoku-cpufreq.rules lets group bakusoku write scaling_governor, or set helper.command.");
            } catch (NoSuchFileException e) {
                throw new CpuException(CpuException.Kind.FAILED, root.display(file) + " does not exist.");
            } catch (FileSystemException e) {
                throw new CpuException(readOnly(e) ? CpuException.Kind.PERMISSION : CpuException.Kind.FAILED,
                        "Cannot write " + root.display(file) + ": " + reason(e) + ".");
            } catch (IOException e) {
                throw new CpuException(CpuException.Kind.FAILED, "The kernel refused governor '" + governor + "' for "
                        + folder.getFileName() + ": " + reason(e) + ".");
            }
            String now = root.text(file).orElse("");
            if (!governor.equals(now)) {
                throw new CpuException(CpuException.Kind.FAILED, folder.getFileName() + " still reports governor '"
                        + now + "' after writing '" + governor + "'.");
            }
        }
    }

    private List<Integer> cpus(Path folder) {
        String list = root.text(folder.resolve("affected_cpus")).orElse("");
        if (list.isBlank()) {
            return List.of();
        }
        try {
            return Arrays.stream(list.split("\\s+")).map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            return List.of();
        }
    }

    /** sysfs gives kHz; shown as MHz rounded to the nearest MHz. */
    private int mhz(Path folder, String name) {
        try {
            return (int) Math.round(Long.parseLong(root.text(folder.resolve(name)).orElse("0")) / 1000.0);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static boolean readOnly(FileSystemException e) {
        return e instanceof AccessDeniedException
                || (e.getReason() != null && e.getReason().toLowerCase().contains("read-only"));
    }

    static String reason(IOException e) {
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
