package org.clinicflow.content.signoff;

import org.clinicflow.content.treatment.Treatment;
import org.clinicflow.content.treatment.TreatmentContent;
import org.clinicflow.content.treatment.TreatmentRepository;
import org.clinicflow.platform.outbox.Outbox;
import org.clinicflow.platform.security.ClinicUser;
import org.clinicflow.platform.web.ConflictException;
import org.clinicflow.platform.web.InvalidFieldException;
import org.clinicflow.platform.web.NotFoundException;
import org.clinicflow.platform.web.Versions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;

/**
 * The editorial workflow: write, submit, approve or return, publish. Every step checks that the caller saw the
 * current state ({@code expectedLock}, from If-Match) and commits with its audit record; publishing commits together
 * with its event in the outbox, so readers and followup-service never disagree about what is published.
 */
@Service
class SignOff {

    /** How long published content may stand before the clinic must look at it again, unless the publisher says. */
    static final Period DEFAULT_REVIEW_PERIOD = Period.ofYears(1);
    private static final Period LONGEST_REVIEW_PERIOD = Period.ofYears(3);
    private static final EnumSet<VersionStatus> OPEN = EnumSet.of(VersionStatus.DRAFT, VersionStatus.IN_REVIEW,
            VersionStatus.RETURNED, VersionStatus.APPROVED);

    private final TreatmentRepository treatments;
    private final TreatmentVersionRepository versions;
    private final Outbox outbox;
    private final Clock clock;
    private final ApplicationEventPublisher localEvents;

    SignOff(TreatmentRepository treatments, TreatmentVersionRepository versions, Outbox outbox, Clock clock,
            ApplicationEventPublisher localEvents) {
        this.treatments = treatments;
        this.versions = versions;
        this.outbox = outbox;
        this.clock = clock;
        this.localEvents = localEvents;
    }

    /** A new treatment and its first draft, version 1. */
    @Transactional
    TreatmentVersion createTreatment(String slug, TreatmentContent content, ClinicUser author) {
        if (treatments.existsById(slug)) {
            throw new ConflictException("Treatment " + slug + " already exists");
        }
        var now = clock.instant();
        treatments.saveAndFlush(Treatment.create(slug, author.userId(), now));
        return versions.saveAndFlush(TreatmentVersion.draft(slug, 1, content, author.userId(), now));
    }

    /** The next version number as a draft; refused while another version of the treatment is still open. */
    @Transactional
    TreatmentVersion startDraft(String slug, TreatmentContent content, ClinicUser author) {
        requireTreatment(slug);
        versions.findByTreatmentSlugAndStatusIn(slug, OPEN).ifPresent(open -> {
            throw new VersionRefused(VersionRefused.Rule.ONE_OPEN_VERSION, "Version " + open.number() + " of " + slug + " is still " + open.status()
                    + ": finish or edit that one");
        });
        // Two racing drafts both pick the same number; the unique (slug, number) and one-open-version indexes make
        // the loser's flush fail, which the problem handler answers with 409.
        var draft = TreatmentVersion.draft(slug, versions.highestNumber(slug) + 1, content, author.userId(),
                clock.instant());
        return versions.saveAndFlush(draft);
    }

    @Transactional
    TreatmentVersion edit(String slug, int number, long expectedLock, TreatmentContent content, ClinicUser editor) {
        var version = current(slug, number, expectedLock);
        version.edit(content, editor.userId(), clock.instant());
        return versions.saveAndFlush(version);
    }

    @Transactional
    TreatmentVersion submit(String slug, int number, long expectedLock, ClinicUser by) {
        var version = current(slug, number, expectedLock);
        version.content().firstMissingForReview().ifPresent(field -> {
            throw new InvalidFieldException(field, "must be given before the version goes to review");
        });
        version.submit(by.userId(), clock.instant());
        return versions.saveAndFlush(version);
    }

    @Transactional
    TreatmentVersion approve(String slug, int number, long expectedLock, ClinicUser surgeon) {
        var version = current(slug, number, expectedLock);
        requireIndependentReviewer(version, surgeon);
        version.approve(surgeon.userId(), clock.instant());
        return versions.saveAndFlush(version);
    }

    @Transactional
    TreatmentVersion returnToAuthor(String slug, int number, long expectedLock, String comment, ClinicUser surgeon) {
        var version = current(slug, number, expectedLock);
        requireIndependentReviewer(version, surgeon);
        version.returnToAuthor(surgeon.userId(), comment, clock.instant());
        return versions.saveAndFlush(version);
    }

    /**
     * Publishes an approved version in place of the published one, and records the event for followup-service in
     * the same transaction.
     *
     * @param reviewDue null for the default, a year from today
     */
    @Transactional
    TreatmentVersion publish(String slug, int number, long expectedLock, LocalDate reviewDue, ClinicUser by) {
        var version = current(slug, number, expectedLock);
        var today = LocalDate.now(clock);
        var due = reviewDue != null ? reviewDue : today.plus(DEFAULT_REVIEW_PERIOD);
        if (!due.isAfter(today) || due.isAfter(today.plus(LONGEST_REVIEW_PERIOD))) {
            throw new InvalidFieldException("reviewDue", "must be after today and at most three years ahead");
        }
        var now = clock.instant();
        versions.findByTreatmentSlugAndStatus(slug, VersionStatus.PUBLISHED).ifPresent(previous -> {
            previous.supersede(by.userId(), now);
            // Written before the new one is marked published: at most one published version per treatment is a
            // unique index, checked row by row.
            versions.saveAndFlush(previous);
        });
        version.publish(by.userId(), now, due);
        versions.saveAndFlush(version);
        outbox.append(TreatmentEvents.TOPIC, TreatmentEvents.published(version, clock));
        localEvents.publishEvent(new VersionPublished(slug, version.number()));
        return version;
    }

    /** Drops an unpublished version so that a fresh draft can start; the version itself stays on record. */
    @Transactional
    TreatmentVersion discard(String slug, int number, long expectedLock, String reason, ClinicUser by) {
        var version = current(slug, number, expectedLock);
        version.discard(by.userId(), reason, clock.instant());
        return versions.saveAndFlush(version);
    }

    /** The sign-off means a second pair of eyes: nobody approves or returns words they wrote or edited. */
    private static void requireIndependentReviewer(TreatmentVersion version, ClinicUser surgeon) {
        if (version.isAuthor(surgeon.userId())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "You wrote or edited version " + version.number()
                    + "; another surgeon must review it");
        }
    }

    private TreatmentVersion current(String slug, int number, long expectedLock) {
        var version = versions.findByTreatmentSlugAndNumber(slug, number)
                .orElseThrow(() -> new NotFoundException("Version", slug + "/" + number));
        if (version.lockVersion() != expectedLock) {
            throw Versions.stale();
        }
        return version;
    }

    private void requireTreatment(String slug) {
        if (!treatments.existsById(slug)) {
            throw new NotFoundException("Treatment", slug);
        }
    }
}
