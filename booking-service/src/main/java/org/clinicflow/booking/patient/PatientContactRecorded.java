package org.clinicflow.booking.patient;

import java.util.UUID;

/**
 * Published inside the transaction that registers a patient or changes their contact details, for the features that
 * must change in the same commit (a patient's sign-in). Carries no personal data, only whether an email address is
 * on the record now.
 *
 * @param recordedBy the subject id of the member of staff who made the change
 */
public record PatientContactRecorded(UUID patientId, boolean hasEmail, String recordedBy) {
}
