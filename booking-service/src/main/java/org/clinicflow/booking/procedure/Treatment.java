package org.clinicflow.booking.procedure;

/** The cement augmentation procedures the clinic performs on painful vertebral compression fractures. */
enum Treatment {
    /** A balloon restores height first, then cement fills the cavity: the clinic's preferred procedure. */
    BALLOON_KYPHOPLASTY,
    /** Cement injected directly, without a balloon. */
    VERTEBROPLASTY
}
