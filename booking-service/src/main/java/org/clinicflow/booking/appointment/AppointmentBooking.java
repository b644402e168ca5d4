package org.clinicflow.booking.appointment;

import org.clinicflow.booking.availability.AppointmentType;
import org.clinicflow.booking.availability.AvailabilitySearch;
import org.clinicflow.booking.clinician.Clinician;
import org.clinicflow.booking.clinician.ClinicianRepository;
import org.clinicflow.booking.patient.PatientRepository;
import org.clinicflow.booking.site.SiteRepository;
import org.clinicflow.platform.audit.AuditScope;
import org.clinicflow.platform.outbox.Outbox;
import org.clinicflow.platform.security.ClinicUser;
import org.clinicflow.platform.web.ConflictException;
import org.clinicflow.platform.web.HiddenRecordException;
import org.clinicflow.platform.web.InvalidFieldException;
import org.clinicflow.platform.web.NotFoundException;
import org.clinicflow.platform.web.Versions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Everything that changes an appointment. Each change, its line of history and its event commit together or not at
 * all; a change that loses a race to the database's exclusion constraint rolls back whole (409), leaving the
 * appointment as it was.
 */
@Service
@EnableConfigurationProperties(HoldProperties.class)
public class AppointmentBooking {

    private static final Logger log = LoggerFactory.getLogger(AppointmentBooking.class);

    private final AppointmentRepository appointments;
    private final AppointmentChangeRepository history;
    private final PatientRepository patients;
    private final ClinicianRepository clinicians;
    private final SiteRepository sites;
    private final AvailabilitySearch availability;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration holdDuration;
    private final BookingRules rules;
    private final RuleOverrides overrides;
    private final ApplicationEventPublisher events;
    private final BookingMetrics metrics;

    AppointmentBooking(AppointmentRepository appointments, AppointmentChangeRepository history,
                       PatientRepository patients, ClinicianRepository clinicians, SiteRepository sites,
                       AvailabilitySearch availability, Outbox outbox, Clock clock,
                       HoldProperties holds,
                       BookingRules rules, RuleOverrides overrides, ApplicationEventPublisher events,
                       BookingMetrics metrics) {
        this.metrics = metrics;
        this.rules = rules;
        this.overrides = overrides;
        this.events = events;
        this.appointments = appointments;
        this.history = history;
        this.patients = patients;
        this.clinicians = clinicians;
        this.sites = sites;
        this.availability = availability;
        this.outbox = outbox;
        this.clock = clock;
        this.holdDuration = holds.holdDuration();
    }

    /** A time with a clinician for a type of appointment; the site follows from the clinician's session. */
    record Slot(UUID clinicianId, AppointmentType appointmentType, Instant startsAt) {
    }

    /** What a booking answers, if anything: a first contact (the 48-hour clock) or a requested review. */
    record Answering(UUID enquiryId, UUID reviewRequestId) {
        static final Answering NOTHING = new Answering(null, null);
    }

    @Transactional
    Appointment hold(Slot slot, ClinicUser by) {
        var now = clock.instant();
        var siteId = claimable(slot, now, null, "startsAt");
        var appointment = Appointment.hold(slot.clinicianId(), siteId, slot.appointmentType(), slot.startsAt(),
                by.userId(), now, now.plus(holdDuration));
        return appointments.saveAndFlush(appointment);
    }

    /**
     * Books a held slot for the patient. Only the hold's own slot can be booked through it. A hold itself is not held
     * by the booking rules (it books nothing); the booking made from it is.
     *
     * @param overrideReason staff's reason for going past the rules the booking breaks; null when none is given
     */
    @Transactional
    Appointment bookHeld(UUID holdId, UUID patientId, String reason, Answering answering, ClinicUser by,
                         String overrideReason) {
        requirePatient(patientId);
        var why = overrideReason(overrideReason);
        var appointment = appointments.findById(holdId)
                .filter(a -> a.status() == AppointmentStatus.HELD)
                .orElseThrow(() -> new InvalidFieldException("holdId", "does not match a current hold"));
        var now = clock.instant();
        var overridden = BookingRules.heldUnlessOverridden(rules.brokenByNewTime(appointment.appointmentType(),
                appointment.clinicianId(), appointment.startsAt(), appointment.id(), now), why);
        appointment.confirm(patientId, reason, now);
        appointments.saveAndFlush(appointment);
        link(answering, appointment);
        overrides.record(appointment, AppointmentChange.Action.BOOKED, overridden, why, by, now);
        return recordBooked(appointment, AppointmentChange.Action.BOOKED, reason, answering, by,
                BookingMetrics.BookedThrough.DESK);
    }

    /** Staff's booking straight away; the booking rules hold it unless {@code overrideReason} is given. */
    @Transactional
    Appointment book(Slot slot, UUID patientId, String reason, Answering answering, ClinicUser by,
                     String overrideReason) {
        var why = overrideReason(overrideReason);
        return book(slot, patientId, reason, answering, by, broken -> BookingRules.heldUnlessOverridden(broken, why),
                why, BookingMetrics.BookedThrough.DESK);
    }

    /**
     * A consultation the patient picked for themselves online, answering their own first contact: the same rules as
     * reception's booking, with the person themselves as the one who booked, and no way past them.
     */
    @Transactional
    public Appointment bookOnline(UUID clinicianId, AppointmentType type, Instant startsAt, UUID patientId,
                                  UUID enquiryId, ClinicUser by) {
        return book(new Slot(clinicianId, type, startsAt), patientId, null, new Answering(enquiryId, null), by,
                broken -> {
                    rules.refuseForPatient(type, broken);
                    return List.of();
                }, null, BookingMetrics.BookedThrough.SELF_REFERRAL);
    }

    /**
     * @param held    what to do with the rules the new time breaks: refuse, or answer the ones to record as overridden
     * @param through who booked it, for the count of bookings by channel
     */
    private Appointment book(Slot slot, UUID patientId, String reason, Answering answering, ClinicUser by,
                             Function<List<BookingRules.Broken>, List<BookingRules.Broken>> held,
                             String overrideReason, BookingMetrics.BookedThrough through) {
        requirePatient(patientId);
        var now = clock.instant();
        var siteId = claimable(slot, now, null, "startsAt");
        var overridden = held.apply(rules.brokenByNewTime(slot.appointmentType(), slot.clinicianId(),
                slot.startsAt(), null, now));
        var appointment = Appointment.book(patientId, slot.clinicianId(), siteId, slot.appointmentType(),
                slot.startsAt(), reason, by.userId(), now, false);
        // Flush now so that the exclusion constraint decides a race inside this transaction, before the event is kept.
        appointments.saveAndFlush(appointment);
        link(answering, appointment);
        overrides.record(appointment, AppointmentChange.Action.BOOKED, overridden, overrideReason, by, now);
        return recordBooked(appointment, AppointmentChange.Action.BOOKED, reason, answering, by, through);
    }

    /** One appointment, for a feature that must show what it booked (a self-referral's confirmation page). */
    @Transactional(readOnly = true)
    public Optional<Appointment> find(UUID id) {
        return appointments.findById(id);
    }

    /**
     * A deliberate double booking, for clinic-admin only, with a reason: the one way past the no-overlap rule, and
     * it says so in the appointment's history.
     */
    @Transactional
    Appointment overbook(Slot slot, UUID patientId, String reason, ClinicUser by) {
        requirePatient(patientId);
        if (reason == null || reason.isBlank()) {
            throw new InvalidFieldException("reason", "is required for an overbook");
        }
        var now = clock.instant();
        var clinician = activeClinician(slot.clinicianId());
        requireFuture(slot.startsAt(), now, "startsAt");
        var session = availability.sessionFor(clinician.id(), slot.appointmentType(), slot.startsAt(),
                slot.startsAt().plus(slot.appointmentType().duration()));
        var appointment = Appointment.book(patientId, clinician.id(), session.map(s -> s.siteId()).orElse(null),
                slot.appointmentType(), slot.startsAt(), reason, by.userId(), now, true);
        appointments.saveAndFlush(appointment);
        return recordBooked(appointment, AppointmentChange.Action.OVERBOOKED, reason, Answering.NOTHING, by,
                BookingMetrics.BookedThrough.DESK);
    }

    /**
     * Moves a booking in one step: the same row changes its time, so the old time frees only if the database accepts
     * the new one. If it does not, nothing changes. The booking rules hold the move (the cutoff of the appointment as
     * it is, and the notice, buffer and maximum at the new time) unless staff give an {@code overrideReason}.
     */
    @Transactional
    Appointment reschedule(UUID id, String ifMatch, Instant newStart, String why, ClinicUser by,
                           String overrideReason) {
        var reason = overrideReason(overrideReason);
        var appointment = current(id, ifMatch);
        var now = clock.instant();
        var siteId = claimable(new Slot(appointment.clinicianId(), appointment.appointmentType(), newStart), now,
                appointment.id(), "startsAt");
        var broken = new ArrayList<BookingRules.Broken>();
        rules.brokenByChange(appointment, now).ifPresent(broken::add);
        broken.addAll(rules.brokenByNewTime(appointment.appointmentType(), appointment.clinicianId(), newStart,
                appointment.id(), now));
        var overridden = BookingRules.heldUnlessOverridden(broken, reason);
        var moved = move(appointment, siteId, newStart, why, by, now);
        overrides.record(moved, AppointmentChange.Action.RESCHEDULED, overridden, reason, by, now);
        return moved;
    }

    private Appointment move(Appointment appointment, UUID siteId, Instant newStart, String why, ClinicUser by,
                             Instant now) {
        var id = appointment.id();
        var previous = appointment.startsAt();
        var previousEnd = appointment.endsAt();
        appointment.rescheduleTo(newStart, siteId);
        appointments.saveAndFlush(appointment);
        history.save(new AppointmentChange(id, now, by, AppointmentChange.Action.RESCHEDULED, why,
                previous, newStart, appointment.status(), appointment.status()));
        outbox.append(AppointmentEvents.TOPIC,
                AppointmentEvents.rescheduled(appointment, setting(appointment), previous, clock));
        freed(appointment, previous, previousEnd, now, false);
        return appointment;
    }

    /**
     * A waiting patient took an offered earlier time: their appointment moves to it, held by the patient's rules at
     * the new time (notice, buffer, maximum) but not by the cutoff of the one they leave, since the clinic offered the
     * move. The time it leaves frees in turn for the next on the list.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Appointment moveFromWaitingList(UUID id, Instant newStart, ClinicUser patient) {
        var now = clock.instant();
        var own = own(id, patient);
        rules.requireNotice(own.appointmentType(), newStart, now);
        var appointment = current(id, "*");
        var siteId = claimable(new Slot(appointment.clinicianId(), appointment.appointmentType(), newStart), now,
                appointment.id(), "startsAt");
        rules.refuseForPatient(appointment.appointmentType(), rules.brokenByNewTime(appointment.appointmentType(),
                appointment.clinicianId(), newStart, appointment.id(), now));
        return move(appointment, siteId, newStart, "Moved to an earlier time offered from the waiting list", patient,
                now);
    }

    /** Whether this appointment could move to the time within the patient's rules: worth offering it, or not. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean withinPatientRules(UUID id, Instant newStart) {
        var now = clock.instant();
        return appointments.findById(id).map(a -> rules.brokenByNewTime(a.appointmentType(), a.clinicianId(),
                newStart, a.id(), now).isEmpty()).orElse(false);
    }

    /** Staff's cancellation, with a reason; inside the type's cutoff only with an {@code overrideReason} too. */
    @Transactional
    Appointment cancel(UUID id, String ifMatch, String why, ClinicUser by, String overrideReason) {
        if (why == null || why.isBlank()) {
            throw new InvalidFieldException("reason", "is required to cancel");
        }
        var reason = overrideReason(overrideReason);
        var now = clock.instant();
        var overridden = new ArrayList<BookingRules.Broken>();
        var cancelled = changeStatus(id, ifMatch, by, why, AppointmentChange.Action.CANCELLED,
                AppointmentEvents.CANCELLED_V1, appointment -> {
                    overridden.addAll(BookingRules.heldUnlessOverridden(
                            rules.brokenByChange(appointment, now).stream().toList(), reason));
                    appointment.cancel(why);
                });
        overrides.record(cancelled, AppointmentChange.Action.CANCELLED, overridden, reason, by, now);
        freed(cancelled, cancelled.startsAt(), cancelled.endsAt(), now, true);
        return cancelled;
    }

    /** Only a time still to come is worth offering to anyone. */
    private void freed(Appointment appointment, Instant startsAt, Instant endsAt, Instant now, boolean cancelled) {
        if (startsAt.isAfter(now)) {
            events.publishEvent(new TimeFreed(appointment.id(), appointment.clinicianId(), startsAt, endsAt,
                    cancelled));
        }
    }

    /**
     * A patient's own cancellation, online: only their own appointment (anyone else's is "not found"), and only until
     * the type's cutoff before it. No override: inside the cutoff the patient calls the clinic.
     */
    @Transactional
    Appointment cancelOwn(UUID id, String ifMatch, String why, ClinicUser patient) {
        rules.requireChangeable(own(id, patient), clock.instant());
        var reason = why == null || why.isBlank() ? "Cancelled by the patient online" : why;
        var cancelled = changeStatus(id, ifMatch, patient, reason, AppointmentChange.Action.CANCELLED,
                AppointmentEvents.CANCELLED_V1, appointment -> appointment.cancel(reason));
        freed(cancelled, cancelled.startsAt(), cancelled.endsAt(), clock.instant(), true);
        return cancelled;
    }

    /** A patient's own move to another free time with the same clinician, within the rules of its type. */
    @Transactional
    Appointment rescheduleOwn(UUID id, String ifMatch, Instant newStart, ClinicUser patient) {
        var now = clock.instant();
        var own = own(id, patient);
        rules.requireChangeable(own, now);
        rules.requireNotice(own.appointmentType(), newStart, now);
        var appointment = current(id, ifMatch);
        var siteId = claimable(new Slot(appointment.clinicianId(), appointment.appointmentType(), newStart), now,
                appointment.id(), "startsAt");
        rules.refuseForPatient(appointment.appointmentType(), rules.brokenByNewTime(appointment.appointmentType(),
                appointment.clinicianId(), newStart, appointment.id(), now));
        return move(appointment, siteId, newStart, "Moved by the patient online", patient, now);
    }

    /** The caller's own appointment; another patient's answers as if it did not exist, and is audited as refused. */
    Appointment own(UUID id, ClinicUser patient) {
        var appointment = appointments.findById(id).filter(a -> a.status() != AppointmentStatus.HELD)
                .orElseThrow(() -> new NotFoundException("Appointment", id));
        AuditScope.patient(appointment.patientId());
        if (appointment.patientId() == null || !patient.patientId().equals(Optional.of(appointment.patientId()))) {
            throw new HiddenRecordException("Appointment", id, appointment.patientId());
        }
        return appointment;
    }

    @Transactional
    Appointment checkIn(UUID id, String ifMatch, ClinicUser by) {
        return changeStatus(id, ifMatch, by, null, AppointmentChange.Action.CHECKED_IN,
                AppointmentEvents.CHECKED_IN_V1, appointment -> appointment.checkIn(clock.instant()));
    }

    @Transactional
    Appointment markNoShow(UUID id, String ifMatch, String why, ClinicUser by) {
        return changeStatus(id, ifMatch, by, why, AppointmentChange.Action.NO_SHOW, AppointmentEvents.NO_SHOW_V1,
                appointment -> appointment.markNoShow(why, clock.instant()));
    }

    @Transactional
    Appointment complete(UUID id, String ifMatch, ClinicUser by) {
        return changeStatus(id, ifMatch, by, null, AppointmentChange.Action.COMPLETED, AppointmentEvents.COMPLETED_V1,
                Appointment::complete);
    }

    /**
     * The theatre side of completion: a procedure was performed on this appointment, so it is complete. Called by
     * procedure recording in its own transaction; an appointment already completed stays as it is.
     *
     * @return the appointment, for the procedure's event
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Appointment completeForProcedure(UUID id, ClinicUser by) {
        var appointment = appointments.findById(id)
                .filter(a -> a.status() != AppointmentStatus.HELD)
                .orElseThrow(() -> new NotFoundException("Appointment", id));
        // Whose it is comes before what state it is in: only the surgeon whose theatre list holds it may learn its
        // type or status. Anyone else is answered as if it did not exist.
        if (!by.clinicianId().equals(Optional.of(appointment.clinicianId()))) {
            throw new HiddenRecordException("Appointment", id, appointment.patientId());
        }
        if (appointment.appointmentType() != AppointmentType.PROCEDURE) {
            throw new ConflictException("A procedure can only be recorded on a procedure appointment");
        }
        if (appointment.status() == AppointmentStatus.COMPLETED) {
            return appointment;
        }
        if (appointment.status() != AppointmentStatus.CHECKED_IN) {
            throw new ConflictException("The patient must be checked in before a procedure is recorded; this "
                    + "appointment is " + appointment.status());
        }
        appointment.complete();
        appointments.saveAndFlush(appointment);
        history.save(new AppointmentChange(id, clock.instant(), by, AppointmentChange.Action.COMPLETED,
                "Procedure recorded", null, null, AppointmentStatus.CHECKED_IN, appointment.status()));
        outbox.append(AppointmentEvents.TOPIC,
                AppointmentEvents.statusChanged(AppointmentEvents.COMPLETED_V1, appointment, clock));
        return appointment;
    }

    /** Frees the time of holds nobody confirmed. Claims also clear lapsed holds first, so this is only tidiness. */
    @Scheduled(fixedDelayString = "${clinicflow.booking.hold-sweep-interval:PT1M}")
    @Transactional
    public void sweepLapsedHolds() {
        appointments.deleteLapsedHolds(clock.instant());
    }

    private Appointment changeStatus(UUID id, String ifMatch, ClinicUser by, String why,
                                     AppointmentChange.Action action, String eventType,
                                     Consumer<Appointment> change) {
        var appointment = current(id, ifMatch);
        var before = appointment.status();
        change.accept(appointment);
        appointments.saveAndFlush(appointment);
        history.save(new AppointmentChange(id, clock.instant(), by, action, why, null, null, before,
                appointment.status()));
        outbox.append(AppointmentEvents.TOPIC, AppointmentEvents.CANCELLED_V1.equals(eventType)
                ? AppointmentEvents.cancelled(appointment, setting(appointment), clock)
                : AppointmentEvents.statusChanged(eventType, appointment, clock));
        if (appointment.status() == AppointmentStatus.CANCELLED || appointment.status() == AppointmentStatus.NO_SHOW) {
            // In this transaction: what the appointment answered (a review request) reopens with it or not at all.
            events.publishEvent(new AppointmentNotKept(appointment.id(), appointment.patientId(), appointment.status(),
                    clock.instant()));
        }
        return appointment;
    }

    /**
     * An enquiry's clock stops when a booking answers it; a review request leaves reception's to-book list. Both are
     * checked here, in the booking's transaction, so a mismatch books nothing.
     */
    private void link(Answering answering, Appointment appointment) {
        if (answering.enquiryId() != null || answering.reviewRequestId() != null) {
            events.publishEvent(new AppointmentAnswers(appointment.id(), appointment.patientId(),
                    appointment.clinicianId(), appointment.appointmentType(), appointment.startsAt(),
                    answering.enquiryId(), answering.reviewRequestId(), clock.instant()));
        }
    }

    private Appointment recordBooked(Appointment appointment, AppointmentChange.Action action, String reason,
                                     Answering answering, ClinicUser by, BookingMetrics.BookedThrough through) {
        history.save(new AppointmentChange(appointment.id(), clock.instant(), by, action, reason, null,
                appointment.startsAt(), null, appointment.status()));
        outbox.append(AppointmentEvents.TOPIC,
                AppointmentEvents.booked(appointment, setting(appointment), answering.reviewRequestId(), clock));
        metrics.booked(through);
        // Ids and kinds only. With the trace id every line carries, support finds the booking's whole trace from here.
        log.info("Appointment {} booked ({}, {}, through {})", appointment.id(), appointment.appointmentType(),
                action, through);
        return appointment;
    }

    /**
     * Where and with whom, as the clinic names them now: the patient's messages are worded from the event, and a
     * site renamed later does not change what the patient was told.
     */
    private AppointmentEvents.Setting setting(Appointment appointment) {
        var clinician = clinicians.findById(appointment.clinicianId()).map(Clinician::displayName).orElse(null);
        var site = appointment.siteId() == null ? null : sites.findById(appointment.siteId()).orElse(null);
        return new AppointmentEvents.Setting(clinician, site == null ? null : site.name(),
                site == null ? null : site.address());
    }

    private Appointment current(UUID id, String ifMatch) {
        var appointment = appointments.findById(id)
                .filter(a -> a.status() != AppointmentStatus.HELD)
                .orElseThrow(() -> new NotFoundException("Appointment", id));
        // Known from here on, so that even a change refused below is on the patient's audit trail.
        AuditScope.patient(appointment.patientId());
        Versions.requireMatch(ifMatch, appointment.version());
        return appointment;
    }

    /**
     * Checks that the slot can be claimed (by a hold, a booking or a move) and returns the site of its session.
     * Lapsed holds are cleared first: they would otherwise still count against the slot in the database.
     */
    private UUID claimable(Slot slot, Instant now, UUID movingAppointment, String field) {
        var clinician = activeClinician(slot.clinicianId());
        if (!slot.appointmentType().takenBy(clinician.profession())) {
            throw new InvalidFieldException("appointmentType", "is not taken by this clinician");
        }
        requireFuture(slot.startsAt(), now, field);
        var end = slot.startsAt().plus(slot.appointmentType().duration());
        var session = availability.sessionFor(clinician.id(), slot.appointmentType(), slot.startsAt(), end)
                .orElseThrow(() -> new InvalidFieldException(field,
                        "is not within a session of this clinician for this type of appointment"));
        appointments.deleteLapsedHoldsInTheWay(clinician.id(), slot.startsAt(), end, now);
        if (appointments.clinicianBusy(clinician.id(), slot.startsAt(), end,
                movingAppointment == null ? new UUID(0, 0) : movingAppointment, now)) {
            throw new ConflictException("The clinician already has an appointment at that time");
        }
        return session.siteId();
    }

    private Clinician activeClinician(UUID clinicianId) {
        return clinicians.findById(clinicianId).filter(Clinician::active)
                .orElseThrow(() -> new InvalidFieldException("clinicianId", "does not match an active clinician"));
    }

    private void requirePatient(UUID patientId) {
        if (patientId == null) {
            throw new InvalidFieldException("patientId", "is required");
        }
        if (!patients.existsById(patientId)) {
            throw new InvalidFieldException("patientId", "does not match a registered patient");
        }
    }

    /**
     * Staff's reason for going past a booking rule: none (null or blank), or 5 to 500 characters. Checked before
     * anything else, so a reason too short is named even when no rule turns out to be broken.
     */
    private static String overrideReason(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        var stripped = reason.strip();
        if (stripped.length() < 5 || stripped.length() > 500) {
            throw new InvalidFieldException(BookingRules.OVERRIDE_FIELD, "must be between 5 and 500 characters");
        }
        return stripped;
    }

    private static void requireFuture(Instant start, Instant now, String field) {
        if (!start.isAfter(now)) {
            throw new InvalidFieldException(field, "must be in the future");
        }
    }
}
