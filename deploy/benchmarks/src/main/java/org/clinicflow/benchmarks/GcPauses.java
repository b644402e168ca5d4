package org.clinicflow.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The stop-the-world pauses a JVM wrote to its {@code -Xlog:gc:file=...:uptime,time} log, so that a phase's tail can
 * be set beside the pauses that fell inside it. A pause's line is written as it ends, stamped with the wall clock;
 * it began its length earlier.
 */
record GcPauses(List<Pause> pauses) {

    /** One pause: when it ended, what it was (e.g. "Pause Young (Allocation Failure)") and how long it took. */
    record Pause(Instant end, String kind, double millis) {

        Instant start() {
            return end.minusNanos((long) (millis * 1e6));
        }
    }

    // [2026-12-07T20:51:03.412+0000][61.234s] GC(12) Pause Young (Allocation Failure) 95M->14M(309M) 3.215ms
    private static final Pattern LINE = Pattern.compile(
            "^\\[([^]]+)]\\[[^]]+] GC\\(\\d+\\) (Pause [^(]+\\([^)]*\\)).* ([0-9.]+)ms$");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ",
            Locale.ROOT);

    static GcPauses read(Path log) {
        var pauses = new ArrayList<Pause>();
        try {
            for (var line : Files.readAllLines(log)) {
                var matcher = LINE.matcher(line.strip());
                if (matcher.matches()) {
                    pauses.add(new Pause(OffsetDateTime.parse(matcher.group(1), TIME).toInstant(),
                            matcher.group(2).strip(), Double.parseDouble(matcher.group(3))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + log, e);
        }
        return new GcPauses(List.copyOf(pauses));
    }

    /** The pauses that overlap [from, to]. */
    GcPauses within(Instant from, Instant to) {
        return new GcPauses(pauses.stream()
                .filter(pause -> pause.end().isAfter(from) && pause.start().isBefore(to)).toList());
    }

    /** E.g. "14 pauses, 41.2 ms in all, longest 6.1 ms; none full"; any full collection is named with its length. */
    String describe() {
        double total = pauses.stream().mapToDouble(Pause::millis).sum();
        double longest = pauses.stream().mapToDouble(Pause::millis).max().orElse(0);
        var full = pauses.stream().filter(pause -> pause.kind().startsWith("Pause Full"))
                .map(pause -> "%s %.1f ms".formatted(pause.kind(), pause.millis())).toList();
        return "%d pauses, %.1f ms in all, longest %.1f ms; %s".formatted(pauses.size(), total, longest,
                full.isEmpty() ? "none full" : String.join(", ", full));
    }
}
