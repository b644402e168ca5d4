package org.clinicflow.content.signoff;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface TreatmentVersionRepository extends JpaRepository<TreatmentVersion, UUID> {

    Optional<TreatmentVersion> findByTreatmentSlugAndNumber(String treatmentSlug, int number);

    Optional<TreatmentVersion> findByTreatmentSlugAndStatus(String treatmentSlug, VersionStatus status);

    Optional<TreatmentVersion> findByTreatmentSlugAndStatusIn(String treatmentSlug, Collection<VersionStatus> statuses);

    List<TreatmentVersion> findByTreatmentSlugOrderByNumberDesc(String treatmentSlug);

    List<TreatmentVersion> findByStatusInOrderByTreatmentSlug(Collection<VersionStatus> statuses);

    @Query("select coalesce(max(v.number), 0) from TreatmentVersion v where v.treatmentSlug = :slug")
    int highestNumber(String slug);

    /** The cheap question behind a conditional read: which content is published now? */
    @Query("select v.contentHash from TreatmentVersion v where v.treatmentSlug = :slug and v.status = :status")
    Optional<String> hashOf(String slug, VersionStatus status);

    @Query("""
            select new org.clinicflow.content.signoff.PublishedSummary(v.treatmentSlug, v.title, v.summary, v.number,
                v.contentHash, v.demo, v.publishedAt, v.reviewDue)
            from TreatmentVersion v where v.status = org.clinicflow.content.signoff.VersionStatus.PUBLISHED
            order by v.title""")
    List<PublishedSummary> published();

    /** Published versions whose review date has come: the editors' worklist. */
    @Query("""
            select new org.clinicflow.content.signoff.PublishedSummary(v.treatmentSlug, v.title, v.summary, v.number,
                v.contentHash, v.demo, v.publishedAt, v.reviewDue)
            from TreatmentVersion v where v.status = org.clinicflow.content.signoff.VersionStatus.PUBLISHED
                and v.reviewDue <= :date
            order by v.reviewDue, v.title""")
    List<PublishedSummary> reviewDueBy(LocalDate date);
}
