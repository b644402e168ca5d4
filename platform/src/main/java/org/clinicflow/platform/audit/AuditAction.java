package org.clinicflow.platform.audit;

/** What a request did, or tried to do, to a record. */
public enum AuditAction {
    READ, CREATE, CHANGE
}
