package org.clinicflow.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Where a phase's CPU went, in cores: the whole machine's busy time from {@code /proc/stat} and, for each named
 * process, its own user and system time from {@code /proc/<pid>/stat}. On a machine whose two cores the load
 * generator shares with what it measures, a rate means little without this: it tells a service that ran out of CPU
 * from a load generator that did. Linux only; elsewhere {@link #describe} says the figures are unavailable.
 */
final class CpuShares {

    /** Clock ticks per second of {@code /proc} times: USER_HZ, 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private final Map<String, Long> processes;
    private final long startNanos;
    private final long machineBusyTicks;
    private final Map<String, Long> processTicks;

    private CpuShares(Map<String, Long> processes) {
        this.processes = processes;
        this.startNanos = System.nanoTime();
        this.machineBusyTicks = machineBusyTicks();
        this.processTicks = ticksOf(processes);
    }

    /** Starts counting for the named processes (name to pid); the map's order is the order they are reported in. */
    static CpuShares start(Map<String, Long> processes) {
        return new CpuShares(new LinkedHashMap<>(processes));
    }

    /** Cores used since {@link #start}: the machine's, then each process's, e.g. "machine 1.98, booking 1.10". */
    String describe() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long machine = machineBusyTicks();
        var now = ticksOf(processes);
        if (machine < 0 || machineBusyTicks < 0) {
            return "CPU shares not available on this system";
        }
        var text = new StringJoiner(", ", "cores used: ", "");
        long machineUsed = machine - machineBusyTicks;
        text.add("machine %.2f".formatted(cores(machineUsed, seconds)));
        long listed = 0;
        for (var process : now.entrySet()) {
            Long before = processTicks.get(process.getKey());
            if (process.getValue() >= 0 && before != null && before >= 0) {
                listed += process.getValue() - before;
                text.add("%s %.2f".formatted(process.getKey(), cores(process.getValue() - before, seconds)));
            }
        }
        text.add("everything else (PostgreSQL, Keycloak, ...) %.2f".formatted(cores(machineUsed - listed, seconds)));
        return text.toString();
    }

    private static double cores(long ticks, double seconds) {
        return ticks / TICKS_PER_SECOND / seconds;
    }

    private static Map<String, Long> ticksOf(Map<String, Long> processes) {
        var ticks = new LinkedHashMap<String, Long>();
        processes.forEach((name, pid) -> ticks.put(name, processTicks(pid)));
        return ticks;
    }

    /** user + system time of one process, or -1 if it cannot be read. */
    private static long processTicks(long pid) {
        try {
            var stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // The command name in parentheses may hold spaces; the fields counted here come after it.
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** All time of all cores but idle, iowait and what the hypervisor stole, or -1 if it cannot be read. */
    private static long machineBusyTicks() {
        try (var lines = Files.lines(Path.of("/proc/stat"))) {
            var cpu = lines.filter(line -> line.startsWith("cpu ")).findFirst().orElseThrow().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < cpu.length && i <= 7; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(cpu[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
