package org.clinicflow.booking.enquiry;

import org.clinicflow.booking.patient.PatientRepository;
import org.clinicflow.platform.web.InvalidFieldException;
import org.clinicflow.platform.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Reception's changes to first contacts: recording one (which starts its 48-hour clock) and the red-flag call back. */
@Service
class Enquiries {

    private final EnquiryRepository enquiries;
    private final PatientRepository patients;
    private final Clock clock;

    Enquiries(EnquiryRepository enquiries, PatientRepository patients, Clock clock) {
        this.enquiries = enquiries;
        this.patients = patients;
        this.clock = clock;
    }

    /**
     * @param firstContactAt when the patient first got in touch; now when null (a call being taken)
     * @param referrer       noted when given, never required: no referral is needed
     * @return the new enquiry's id
     */
    @Transactional
    UUID record(Enquiry.Channel channel, UUID patientId, Instant firstContactAt, String referrer, String by) {
        var now = clock.instant();
        var firstContact = firstContactAt == null ? now : firstContactAt;
        if (firstContact.isAfter(now)) {
            throw new InvalidFieldException("firstContactAt", "must not be in the future");
        }
        if (patientId != null && !patients.existsById(patientId)) {
            throw new InvalidFieldException("patientId", "does not match a registered patient");
        }
        return enquiries.saveAndFlush(new Enquiry(patientId, firstContact, channel, referrer, by)).id();
    }

    /** @param appointmentNeeded false when the call settled it without a clinic appointment (e.g. sent to A&amp;E) */
    @Transactional
    void calledBack(UUID id, String note, boolean appointmentNeeded, String by) {
        var enquiry = enquiries.findById(id).orElseThrow(() -> new NotFoundException("Enquiry", id));
        enquiry.calledBack(clock.instant(), by, note, appointmentNeeded);
        enquiries.saveAndFlush(enquiry);
    }
}
