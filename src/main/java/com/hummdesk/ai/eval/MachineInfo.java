package com.hummdesk.ai.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the figures were measured on, and the process's memory (Linux /proc; "?" elsewhere). */
final class MachineInfo {
    private MachineInfo() {}

    static String describe() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + memTotalMb() + " MB RAM, JDK "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "), max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB";
    }

    /** CPU time of this whole process (all threads, including the ONNX runtime's), in nanoseconds. */
    static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /** The 1-minute load average (other work on the machine slows wall-clock timings). */
    static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Resident set size of this process in MB. */
    static long rssMb() {
        return procValueKb(Path.of("/proc/self/status"), "VmRSS:") / 1024;
    }

    /** Heap in use after a collection, in MB. */
    static long heapUsedMb() {
        var runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }

    private static long memTotalMb() {
        return procValueKb(Path.of("/proc/meminfo"), "MemTotal:") / 1024;
    }

    private static long procValueKb(Path file, String key) {
        try {
            for (var line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    return Long.parseLong(
                            line.substring(key.length()).replace("kB", "").strip());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
