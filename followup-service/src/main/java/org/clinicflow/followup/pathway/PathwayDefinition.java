package org.clinicflow.followup.pathway;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A version of a treatment's pathway. Versions are never edited: a change makes the next one current, and pathways
 * already started keep the version they started with.
 */
record PathwayDefinition(UUID id, String treatment, int version, String contentSlug, List<PathwayStep> steps,
                         Instant createdAt, String createdBy) {
}
