package org.clinicflow.booking.review;

import org.clinicflow.booking.appointment.AppointmentAnswers;
import org.clinicflow.booking.availability.AppointmentType;
import org.clinicflow.booking.time.ClinicTime;
import org.clinicflow.platform.web.ConflictException;
import org.clinicflow.platform.web.InvalidFieldException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.UUID;

/** Ties a booked review to the request it answers, in the booking's own transaction ({@link AppointmentAnswers}). */
@Component
class ReviewBookings {

    private final ReviewRequestRepository requests;

    ReviewBookings(ReviewRequestRepository requests) {
        this.requests = requests;
    }

    /** A booking that answers a review request, in the booking's transaction: tied to it, or refused with it. */
    @EventListener(condition = "#booking.reviewRequestId() != null")
    @Transactional(propagation = Propagation.MANDATORY)
    void on(AppointmentAnswers booking) {
        link(booking.reviewRequestId(), booking.appointmentId(), booking.patientId(), booking.clinicianId(),
                booking.type(), booking.startsAt());
    }

    /** The review must be the requested one: same patient, same clinician, the type asked for, inside the window. */
    private void link(UUID requestId, UUID appointmentId, UUID patientId, UUID clinicianId, AppointmentType type,
                      Instant startsAt) {
        var request = requests.findById(requestId)
                .orElseThrow(() -> new InvalidFieldException("reviewRequestId", "does not match a review request"));
        if (request.appointmentId() != null) {
            throw new ConflictException("This review request is already booked");
        }
        if (!request.patientId().equals(patientId) || !request.surgeonId().equals(clinicianId)) {
            throw new InvalidFieldException("reviewRequestId",
                    "asks for a review of another patient or with another surgeon");
        }
        if (type != request.appointmentType()) {
            throw new InvalidFieldException("appointmentType", "must be " + request.appointmentType()
                    + " for this request");
        }
        var date = ClinicTime.dateOf(startsAt);
        if (date.isBefore(request.windowStarts()) || date.isAfter(request.windowEnds())) {
            throw new InvalidFieldException("startsAt", "is outside the review's window " + request.windowStarts()
                    + " to " + request.windowEnds());
        }
        request.bookedAs(appointmentId);
    }
}
