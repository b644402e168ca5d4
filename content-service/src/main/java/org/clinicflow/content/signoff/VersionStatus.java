package org.clinicflow.content.signoff;

/**
 * Where a version stands. At most one version of a treatment is open (draft, in review, returned or approved) and at
 * most one is published; the database enforces both.
 */
public enum VersionStatus {
    /** Being written; editable. */
    DRAFT,
    /** Frozen while a surgeon reviews it. */
    IN_REVIEW,
    /** Sent back by the reviewer with a comment; editable again. */
    RETURNED,
    /** Signed off by a surgeon; exactly this content may be published. */
    APPROVED,
    /** What patients read now. */
    PUBLISHED,
    /** Was published, replaced by a later version; kept so that what a patient was sent can still be read. */
    SUPERSEDED,
    /** Abandoned before publication, with a reason; kept and readable, but never goes further. */
    DISCARDED;

    boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
