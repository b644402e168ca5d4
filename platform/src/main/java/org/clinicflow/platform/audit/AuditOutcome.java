package org.clinicflow.platform.audit;

/**
 * How a request ended. REFUSED is an authorisation decision (a role that may not, or a record that is not the caller's,
 * even when the caller was answered 404); FAILED is any other error, such as a bad field or a lost race.
 */
public enum AuditOutcome {
    ALLOWED, REFUSED, FAILED
}
