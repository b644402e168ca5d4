package org.clinicflow.followup.pathway;

/** A message to the patient, a task the clinic must close, or an appointment to have booked. */
enum StepKind {
    MESSAGE, TASK, APPOINTMENT
}
