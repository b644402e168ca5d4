package org.clinicflow.booking.enquiry;

import org.clinicflow.booking.appointment.Appointment;
import org.clinicflow.booking.appointment.AppointmentBooking;
import org.clinicflow.booking.availability.AppointmentType;
import org.clinicflow.booking.availability.AvailabilitySearch;
import org.clinicflow.booking.patient.PatientRegistration;
import org.clinicflow.platform.security.ClinicUser;
import org.clinicflow.platform.web.ConflictException;
import org.clinicflow.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The public side of the 48-hour promise: a person refers themselves on the web, is screened for red flags, and, if
 * none, may pick one of the earliest free consultations. Nobody is signed in: the referral's own access key is what
 * lets its sender, and no one else, see its slots and book one.
 */
@Service
class SelfReferrals {

    /** Who "recorded" a self-referral and who booked its consultation, in the enquiry and the appointment history. */
    static final String SUBMITTED_BY = "self-referral";
    private static final String SUBMITTER_NAME = "The patient, online";

    private final SelfReferralRepository referrals;
    private final EnquiryRepository enquiries;
    private final PatientRegistration registration;
    private final AvailabilitySearch availability;
    private final AppointmentBooking booking;
    private final JdbcClient jdbc;
    private final Clock clock;

    SelfReferrals(SelfReferralRepository referrals, EnquiryRepository enquiries, PatientRegistration registration,
                  AvailabilitySearch availability, AppointmentBooking booking, JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.referrals = referrals;
        this.enquiries = enquiries;
        this.registration = registration;
        this.availability = availability;
        this.booking = booking;
        this.clock = clock;
    }

    record Submission(UUID submissionKey, PatientRegistration.NewPatient person, String reason,
                      Set<RedFlag> redFlags) {
    }

    /** @param fresh false when the same form had been submitted before: its first referral, unchanged */
    record Submitted(SelfReferral referral, Enquiry enquiry, boolean fresh) {
    }

    /** Registers the person and opens their enquiry: its 48-hour clock starts now, whatever the screening found. */
    @Transactional
    Submitted submit(Submission submission) {
        // The same form sent twice at once (a double click): the second waits here for the first, then finds it.
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", submission.submissionKey().toString()).query((rs, row) -> row).list();
        var earlier = previously(submission.submissionKey());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        var patientId = registration.register(submission.person(), SUBMITTED_BY).id();
        var enquiry = enquiries.saveAndFlush(Enquiry.selfReferral(patientId, clock.instant(),
                submission.redFlags()));
        var referral = referrals.saveAndFlush(new SelfReferral(enquiry, submission.submissionKey(),
                submission.reason().strip()));
        return new Submitted(referral, enquiry, true);
    }

    @Transactional(readOnly = true)
    Optional<Submitted> previously(UUID submissionKey) {
        return referrals.findBySubmissionKey(submissionKey)
                .map(referral -> new Submitted(referral, enquiryOf(referral), false));
    }

    /** The referral, if the key opens it; otherwise "not found", so that a wrong key learns nothing. */
    @Transactional(readOnly = true)
    Submitted open(UUID id, String key) {
        return referrals.findById(id).filter(referral -> referral.opensWith(key))
                .map(referral -> new Submitted(referral, enquiryOf(referral), false))
                .orElseThrow(() -> new NotFoundException("Self-referral", id));
    }

    /** The earliest free consultations; none for an urgent referral, which the clinic calls back instead. */
    @Transactional(readOnly = true)
    List<AvailabilitySearch.Slot> earliestSlots(Submitted referral, int limit) {
        if (referral.enquiry().awaitingUrgentCallBack() || referral.enquiry().appointmentId() != null) {
            return List.of();
        }
        return availability.earliestWithinRules(AppointmentType.FREE_CONSULTATION, clock.instant(), Optional.empty(),
                limit, null);
    }

    @Transactional
    Appointment book(Submitted referral, UUID clinicianId, java.time.Instant startsAt) {
        if (referral.enquiry().awaitingUrgentCallBack()) {
            throw new ConflictException("Your answers mean the clinic needs to speak to you before booking");
        }
        var patientId = referral.referral().patientId();
        var submitter = new ClinicUser(SUBMITTED_BY, SUBMITTER_NAME, Set.of(), Optional.of(patientId),
                Optional.empty());
        return booking.bookOnline(clinicianId, AppointmentType.FREE_CONSULTATION, startsAt, patientId,
                referral.enquiry().id(), submitter);
    }

    private Enquiry enquiryOf(SelfReferral referral) {
        return enquiries.findById(referral.enquiryId()).orElseThrow();
    }
}
