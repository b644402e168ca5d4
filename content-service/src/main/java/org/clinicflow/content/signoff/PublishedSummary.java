package org.clinicflow.content.signoff;

import java.time.Instant;
import java.time.LocalDate;

/** A published version as lists show it, read without its sections. */
public record PublishedSummary(String slug, String title, String summary, int version, String contentHash,
                               boolean demo, Instant publishedAt, LocalDate reviewDue) {
}
