package org.clinicflow.booking.availability;


import java.time.Duration;
import java.util.Set;

/** The kinds of appointment the clinic offers, with how long each takes in the diary. */
public enum AppointmentType {
    /** The free first consultation behind "seen within 48 hours, no referral necessary". */
    FREE_CONSULTATION(Duration.ofMinutes(15), SessionKind.CLINIC, Set.of("SURGEON", "SPECIALIST")),
    FULL_CONSULTATION(Duration.ofMinutes(30), SessionKind.CLINIC, Set.of("SURGEON", "SPECIALIST")),
    /** The six-week review with the treating surgeon after kyphoplasty or vertebroplasty. */
    POST_PROCEDURE_REVIEW(Duration.ofMinutes(20), SessionKind.CLINIC, Set.of("SURGEON")),
    /** A theatre slot. */
    PROCEDURE(Duration.ofMinutes(60), SessionKind.THEATRE, Set.of("SURGEON"));

    private final Duration duration;
    private final SessionKind sessionKind;
    private final Set<String> professions;

    AppointmentType(Duration duration, SessionKind sessionKind, Set<String> professions) {
        this.duration = duration;
        this.sessionKind = sessionKind;
        this.professions = professions;
    }

    public Duration duration() {
        return duration;
    }

    /** Consultations and reviews happen in clinic sessions, procedures in theatre sessions. */
    public SessionKind sessionKind() {
        return sessionKind;
    }

    /** Whether a clinician of this profession (SURGEON, SPECIALIST) takes this type. */
    public boolean takenBy(String profession) {
        return professions.contains(profession);
    }
}
