package org.clinicflow.platform.web;

import java.util.UUID;

/**
 * A record that exists but that the caller may not reach, such as another patient's appointment. The caller is
 * answered 404 like for a record that does not exist, so they learn nothing; the audit trail records it as refused,
 * against the patient it belongs to.
 */
public class HiddenRecordException extends NotFoundException {

    private final UUID patientId;

    /** @param patientId the patient whose record it is, or null when it belongs to none */
    public HiddenRecordException(String what, Object id, UUID patientId) {
        super(what, id);
        this.patientId = patientId;
    }

    public UUID patientId() {
        return patientId;
    }
}
