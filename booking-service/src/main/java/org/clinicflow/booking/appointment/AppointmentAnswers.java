package org.clinicflow.booking.appointment;

import org.clinicflow.booking.availability.AppointmentType;

import java.time.Instant;
import java.util.UUID;

/**
 * A new booking answers something another feature keeps: a first contact (its 48-hour clock) or a review request.
 * Published inside the booking's transaction; the feature that keeps it checks that the booking may answer it and ties
 * the two together, or refuses, which rolls the booking back. The appointment feature so needs to know neither.
 *
 * @param enquiryId       the enquiry it answers, or null
 * @param reviewRequestId the review request it answers, or null
 */
public record AppointmentAnswers(UUID appointmentId, UUID patientId, UUID clinicianId, AppointmentType type,
                                 Instant startsAt, UUID enquiryId, UUID reviewRequestId, Instant at) {
}
