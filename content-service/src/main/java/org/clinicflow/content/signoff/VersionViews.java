package org.clinicflow.content.signoff;

import org.clinicflow.platform.time.ClinicZone;
import org.clinicflow.content.treatment.KeyFacts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the editorial API shows of versions. Times are clinic time with their offset; people are Keycloak ids. */
final class VersionViews {

    private VersionViews() {
    }

    record SectionView(String key, String heading, String markdown, String html) {
    }

    /** Who wrote, submitted, reviewed and published this version, and when; null where it has not happened. */
    record SignOffRecord(String writtenBy, OffsetDateTime writtenAt, String lastEditedBy, OffsetDateTime lastEditedAt,
                         String submittedBy, OffsetDateTime submittedAt, String reviewedBy,
                         OffsetDateTime reviewedAt, String reviewComment, String publishedBy,
                         OffsetDateTime publishedAt, LocalDate reviewDue, OffsetDateTime supersededAt) {

        static SignOffRecord of(TreatmentVersion v) {
            return new SignOffRecord(v.writtenBy(), clinicTime(v.writtenAt()), v.lastEditedBy(),
                    clinicTime(v.lastEditedAt()), v.submittedBy(), clinicTime(v.submittedAt()), v.reviewedBy(),
                    clinicTime(v.reviewedAt()), v.reviewComment(), v.publishedBy(), clinicTime(v.publishedAt()),
                    v.reviewDue(), clinicTime(v.supersededAt()));
        }
    }

    record ActivityView(VersionActivity.Action action, String by, OffsetDateTime at, String comment) {
    }

    record VersionView(String slug, int number, VersionStatus status, boolean demo, String contentHash, String title,
                       String summary, KeyFacts keyFacts, List<SectionView> sections, SignOffRecord signOff,
                       List<ActivityView> activity) {

        static VersionView of(TreatmentVersion v) {
            var sections = v.sections().entrySet().stream()
                    .map(e -> new SectionView(e.getKey().key(), e.getKey().heading(), e.getValue().markdown(),
                            e.getValue().html()))
                    .toList();
            var activity = v.activity().stream()
                    .map(a -> new ActivityView(a.action(), a.actor(), clinicTime(a.at()), a.comment()))
                    .toList();
            return new VersionView(v.treatmentSlug(), v.number(), v.status(), v.demo(), v.contentHash(), v.title(),
                    v.summary(), v.keyFacts(), sections, SignOffRecord.of(v), activity);
        }
    }

    /** A line of a treatment's history, or of the drafts list. */
    record VersionSummary(String slug, int number, VersionStatus status, boolean demo, String contentHash,
                          String title, SignOffRecord signOff) {

        static VersionSummary of(TreatmentVersion v) {
            return new VersionSummary(v.treatmentSlug(), v.number(), v.status(), v.demo(), v.contentHash(),
                    v.title(), SignOffRecord.of(v));
        }
    }

    static OffsetDateTime clinicTime(Instant instant) {
        return instant == null ? null : instant.atZone(ClinicZone.ZONE).toOffsetDateTime();
    }
}
