package org.clinicflow.booking.review;

import org.clinicflow.booking.appointment.AppointmentNotKept;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a review request back on reception's to-book list when the appointment that answered it is cancelled or
 * missed, in the transaction of that change. followup-service reopens its own copy from the appointment's event.
 */
@Component
class ReviewReopening {

    private final ReviewRequestRepository requests;

    ReviewReopening(ReviewRequestRepository requests) {
        this.requests = requests;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(AppointmentNotKept notKept) {
        requests.findByAppointmentId(notKept.appointmentId()).ifPresent(request -> request.reopen(
                notKept.noShow() ? ReviewRequest.Reopened.NO_SHOW : ReviewRequest.Reopened.CANCELLED, notKept.at()));
    }
}
