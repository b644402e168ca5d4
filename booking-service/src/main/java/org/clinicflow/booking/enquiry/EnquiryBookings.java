package org.clinicflow.booking.enquiry;

import org.clinicflow.booking.appointment.AppointmentAnswers;
import org.clinicflow.platform.web.ConflictException;
import org.clinicflow.platform.web.InvalidFieldException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Ties an appointment to the enquiry it answers, in the booking's own transaction ({@link AppointmentAnswers}). */
@Component
public class EnquiryBookings {

    private final EnquiryRepository enquiries;
    private final JdbcClient jdbc;

    EnquiryBookings(EnquiryRepository enquiries, JdbcClient jdbc) {
        this.enquiries = enquiries;
        this.jdbc = jdbc;
    }

    /** A booking that answers an enquiry, in the booking's transaction: tied to it, or refused with it. */
    @EventListener(condition = "#booking.enquiryId() != null")
    @Transactional(propagation = Propagation.MANDATORY)
    void on(AppointmentAnswers booking) {
        link(booking.enquiryId(), booking.appointmentId(), booking.patientId(), booking.at());
    }

    /**
     * An enquiry with red flags takes no booking until the clinic has called back. An enquiry answered by a live
     * appointment cannot take a second one; one whose booking was cancelled can.
     */
    private void link(UUID enquiryId, UUID appointmentId, UUID patientId, Instant now) {
        var enquiry = enquiries.findById(enquiryId)
                .orElseThrow(() -> new InvalidFieldException("enquiryId", "does not match an enquiry"));
        if (enquiry.patientId() != null && !enquiry.patientId().equals(patientId)) {
            throw new InvalidFieldException("enquiryId", "belongs to another patient");
        }
        if (enquiry.awaitingUrgentCallBack()) {
            // A red flag is never booked into the routine flow: someone from the clinic calls the person first.
            throw new ConflictException("This enquiry has red flags: call the patient back before booking");
        }
        // Whether its appointment still counts is the promise's own definition (the view enquiry_promise).
        boolean alreadyBooked = jdbc.sql("select booked from enquiry_promise where enquiry_id = :id")
                .param("id", enquiryId).query(Boolean.class).single();
        if (alreadyBooked) {
            throw new ConflictException("This enquiry already has an appointment");
        }
        enquiry.booked(appointmentId, patientId, now);
    }

    /** The 48-hour deadline of the first contact this appointment answers, if it answers one. */
    @Transactional(readOnly = true)
    public Optional<Instant> deadlineAnsweredBy(UUID appointmentId) {
        return jdbc.sql("select deadline from enquiry where appointment_id = :id order by deadline limit 1")
                .param("id", appointmentId).query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant);
    }
}
