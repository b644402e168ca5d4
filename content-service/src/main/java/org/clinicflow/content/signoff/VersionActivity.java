package org.clinicflow.content.signoff;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.Instant;

/** One step in a version's life, appended and never changed: the audit trail of who did what to which words. */
@Embeddable
class VersionActivity {

    public enum Action { WROTE, EDITED, SUBMITTED, APPROVED, RETURNED, PUBLISHED, SUPERSEDED, DISCARDED }

    @Enumerated(EnumType.STRING)
    private Action action;
    /** Keycloak subject id of whoever acted, never a name. */
    private String actor;
    @Column(name = "acted_at")
    private Instant at;
    /** The reviewer's comment on a return; otherwise null. */
    private String comment;

    protected VersionActivity() {
    }

    VersionActivity(Action action, String actor, Instant at, String comment) {
        this.action = action;
        this.actor = actor;
        this.at = at;
        this.comment = comment;
    }

    public Action action() {
        return action;
    }

    public String actor() {
        return actor;
    }

    public Instant at() {
        return at;
    }

    public String comment() {
        return comment;
    }
}
