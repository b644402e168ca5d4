package org.clinicflow.booking.waitlist;

import org.clinicflow.booking.appointment.Appointment;
import org.clinicflow.booking.appointment.AppointmentBooking;
import org.clinicflow.booking.appointment.AppointmentStatus;
import org.clinicflow.booking.appointment.BookingRules;
import org.clinicflow.booking.appointment.TimeFreed;
import org.clinicflow.booking.availability.AppointmentType;
import org.clinicflow.booking.availability.AvailabilitySearch;
import org.clinicflow.booking.enquiry.EnquiryBookings;
import org.clinicflow.platform.audit.AuditScope;
import org.clinicflow.platform.outbox.Outbox;
import org.clinicflow.platform.security.ClinicUser;
import org.clinicflow.platform.web.ConflictException;
import org.clinicflow.platform.web.HiddenRecordException;
import org.clinicflow.platform.web.NotFoundException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The waiting list and its offers. A freed time is offered to a few of the patients waiting at once; whoever accepts
 * first is moved to it, and the others are told it has gone. The database has the last word on "first": a freed time
 * row is locked while an acceptance is decided, and a unique index allows one accepted offer per freed time.
 */
@Service
@EnableConfigurationProperties(WaitlistProperties.class)
class Waitlist {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Who takes an offer: the patient it was sent to, through the link, without signing in. */
    private static final String OFFER_LINK = "waitlist-offer";

    private final JdbcClient jdbc;
    private final AppointmentBooking appointments;
    private final AvailabilitySearch availability;
    private final BookingRules rules;
    private final EnquiryBookings enquiries;
    private final Outbox outbox;
    private final Clock clock;
    private final WaitlistProperties properties;

    Waitlist(JdbcClient jdbc, AppointmentBooking appointments, AvailabilitySearch availability, BookingRules rules,
             EnquiryBookings enquiries, Outbox outbox, Clock clock, WaitlistProperties properties) {
        this.jdbc = jdbc;
        this.appointments = appointments;
        this.availability = availability;
        this.rules = rules;
        this.enquiries = enquiries;
        this.outbox = outbox;
        this.clock = clock;
        this.properties = properties;
    }

    enum EntryStatus { WAITING, MOVED, LEFT }

    enum OfferStatus { OPEN, ACCEPTED, DECLINED, GONE, EXPIRED }

    record Entry(UUID id, UUID patientId, UUID appointmentId, Instant deadline, Instant joinedAt, String joinedBy,
                 EntryStatus status) {
    }

    /**
     * A freed time as recorded.
     *
     * @param freedBy the appointment that left it: moved elsewhere by reception, it is not offered its own old time
     */
    record Freed(UUID id, UUID clinicianId, Instant startsAt, Instant endsAt, UUID freedBy, Instant takenAt) {
    }

    /** A waiting patient whom a freed time might suit, with the appointment they would move from. */
    record Candidate(UUID entryId, UUID patientId, UUID appointmentId, AppointmentType type,
                     Instant currentStartsAt) {
    }

    /** An offer with what it offers and what the patient holds now. */
    record Offer(UUID id, UUID entryId, UUID patientId, UUID appointmentId, AppointmentType type, UUID clinicianId,
                 Instant startsAt, Instant currentStartsAt, Instant offeredAt, Instant expiresAt, OfferStatus status,
                 Instant answeredAt, UUID freedTimeId, String accessKey) {

        Instant endsAt() {
            return startsAt.plus(type.duration());
        }

        boolean opensWith(String key) {
            return key != null && MessageDigest.isEqual(accessKey.getBytes(StandardCharsets.UTF_8),
                    key.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The patient's request for an earlier time than this appointment; asking again changes nothing. */
    @Transactional
    Entry join(UUID appointmentId, ClinicUser by) {
        var appointment = appointment(appointmentId, by);
        if (appointment.status() != AppointmentStatus.BOOKED || !appointment.startsAt().isAfter(clock.instant())) {
            throw new ConflictException("Only a booked appointment still to come can wait for an earlier time");
        }
        if (appointment.appointmentType() == AppointmentType.PROCEDURE) {
            // A theatre date is planned with the surgeon and the list, not taken from whoever cancels.
            throw new ConflictException("A procedure's date is planned with the surgeon: it cannot wait for a "
                    + "freed time");
        }
        var waiting = waitingFor(appointmentId);
        if (waiting.isPresent()) {
            return waiting.get();
        }
        var deadline = enquiries.deadlineAnsweredBy(appointmentId).orElse(null);
        // The same request twice at once: the unique index keeps one, which is the answer to both.
        jdbc.sql("""
                        insert into waitlist_entry (id, patient_id, appointment_id, deadline, joined_at, joined_by,
                                                    status)
                        values (:id, :patient, :appointment, :deadline, :now, :by, 'WAITING')
                        on conflict (appointment_id) where status = 'WAITING' do nothing""")
                .param("id", UUID.randomUUID()).param("patient", appointment.patientId())
                .param("appointment", appointmentId).param("deadline", timestamp(deadline))
                .param("now", Timestamp.from(clock.instant())).param("by", by.userId()).update();
        return waitingFor(appointmentId).orElseThrow();
    }

    /** Off the list: offers still open to this patient are declined, so their times go on to the next in line. */
    @Transactional
    void leave(UUID appointmentId, ClinicUser by) {
        appointment(appointmentId, by);
        close(appointmentId, clock.instant());
    }

    private void close(UUID appointmentId, Instant now) {
        var left = jdbc.sql("""
                        update waitlist_entry set status = 'LEFT', closed_at = :now
                        where appointment_id = :appointment and status = 'WAITING'
                        returning id""")
                .param("now", Timestamp.from(now)).param("appointment", appointmentId).query(UUID.class).optional();
        if (left.isEmpty()) {
            return;
        }
        var freedTimes = jdbc.sql("""
                        update waitlist_offer set status = 'DECLINED', answered_at = :now
                        where entry_id = :entry and status = 'OPEN'
                        returning freed_time_id""")
                .param("now", Timestamp.from(now)).param("entry", left.get()).query(UUID.class).set();
        freedTimes.forEach(freed -> offerNext(freed, now));
    }

    @Transactional(readOnly = true)
    Optional<Entry> waiting(UUID appointmentId, ClinicUser by) {
        appointment(appointmentId, by);
        return waitingFor(appointmentId);
    }

    /** Everyone waiting, the most pressing deadline first, for reception. */
    @Transactional(readOnly = true)
    List<Entry> everyoneWaiting() {
        return jdbc.sql(ENTRIES + " where status = 'WAITING' order by deadline nulls last, joined_at")
                .query(Waitlist::entry).list();
    }

    /** The offers made to these entries, newest first: what was offered, to whom, when, and what came of it. */
    @Transactional(readOnly = true)
    List<Offer> offersTo(Set<UUID> entryIds) {
        if (entryIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(OFFERS + " where o.entry_id in (:entries) order by o.offered_at desc")
                .param("entries", entryIds).query(Waitlist::offer).list();
    }

    /**
     * A time came free: it is recorded, and offered to the first patients it suits. This runs inside the transaction
     * that freed it, so the offers and their messages (through the outbox) exist exactly when the cancellation does.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(TimeFreed freed) {
        var now = clock.instant();
        if (freed.cancelled()) {
            close(freed.appointmentId(), now);
        }
        var id = UUID.randomUUID();
        jdbc.sql("""
                        insert into freed_time (id, clinician_id, starts_at, ends_at, freed_at, freed_by_appointment)
                        values (:id, :clinician, :starts, :ends, :now, :appointment)""")
                .param("id", id).param("clinician", freed.clinicianId())
                .param("starts", Timestamp.from(freed.startsAt())).param("ends", Timestamp.from(freed.endsAt()))
                .param("now", Timestamp.from(now)).param("appointment", freed.appointmentId()).update();
        offerNext(id, now);
    }

    /**
     * Offers a freed time to the next patients it suits who have not been offered it yet, unless it is taken or
     * offers of it are still open. The row lock keeps two sweeps (or two instances) from offering it twice.
     *
     * @return how many offers were made
     */
    private int offerNext(UUID freedTimeId, Instant now) {
        var freed = jdbc.sql(FREED + " for update").param("id", freedTimeId).query(Waitlist::freed).single();
        boolean open = jdbc.sql("select exists (select 1 from waitlist_offer where freed_time_id = :id"
                + " and status = 'OPEN')").param("id", freedTimeId).query(Boolean.class).single();
        if (freed.takenAt() != null || open || !freed.startsAt().isAfter(now)) {
            return 0;
        }
        var made = 0;
        for (var candidate : candidates(freed)) {
            if (made == properties.offersAtOnce()) {
                break;
            }
            var type = candidate.type();
            var length = type.duration();
            // The time must hold the whole appointment, inside a session that takes its type, with the notice a
            // patient's own booking needs; an offer never outlives that notice.
            var lastChance = freed.startsAt().minus(rules.of(type).minimumNotice());
            var expires = min(now.plus(properties.offerLifespan()), lastChance);
            if (freed.startsAt().plus(length).isAfter(freed.endsAt()) || !expires.isAfter(now)
                    || availability.sessionFor(freed.clinicianId(), type, freed.startsAt(),
                    freed.startsAt().plus(length)).isEmpty()
                    || !appointments.withinPatientRules(candidate.appointmentId(), freed.startsAt())) {
                continue;
            }
            var offerId = UUID.randomUUID();
            var key = newKey();
            jdbc.sql("""
                            insert into waitlist_offer (id, freed_time_id, entry_id, access_key, offered_at, expires_at,
                                                        status)
                            values (:id, :freed, :entry, :key, :now, :expires, 'OPEN')""")
                    .param("id", offerId).param("freed", freed.id()).param("entry", candidate.entryId())
                    .param("key", key).param("now", Timestamp.from(now)).param("expires", Timestamp.from(expires))
                    .update();
            outbox.append(WaitlistEvents.TOPIC, WaitlistEvents.offerMade(offerId, key, candidate, freed, expires, now));
            made++;
        }
        return made;
    }

    /**
     * Patients waiting for an earlier time with this clinician than the freed one, and not yet offered it: the
     * earliest 48-hour deadline first (a first contact whose promise is most at stake), then whoever asked first.
     */
    private List<Candidate> candidates(Freed freed) {
        return jdbc.sql("""
                        select e.id as entry_id, e.patient_id, a.id as appointment_id, a.appointment_type,
                               a.starts_at as current_starts_at
                        from waitlist_entry e join appointment a on a.id = e.appointment_id
                        where e.status = 'WAITING' and a.status = 'BOOKED' and a.clinician_id = :clinician
                          and a.starts_at > :starts and a.id <> :freedBy
                          and not exists (select 1 from waitlist_offer o
                                          where o.freed_time_id = :freed and o.entry_id = e.id)
                        order by e.deadline nulls last, e.joined_at""")
                .param("clinician", freed.clinicianId()).param("starts", Timestamp.from(freed.startsAt()))
                .param("freed", freed.id()).param("freedBy", freed.freedBy())
                .query((rs, row) -> new Candidate(rs.getObject("entry_id", UUID.class),
                        rs.getObject("patient_id", UUID.class), rs.getObject("appointment_id", UUID.class),
                        AppointmentType.valueOf(rs.getString("appointment_type")),
                        rs.getTimestamp("current_starts_at").toInstant()))
                .list();
    }

    /** The offer behind a link; a wrong key finds nothing, as if there were no such offer. */
    @Transactional(readOnly = true)
    Offer open(UUID offerId, String key) {
        var offer = jdbc.sql(OFFERS + " where o.id = :id").param("id", offerId).query(Waitlist::offer).optional()
                .filter(o -> o.opensWith(key))
                .orElseThrow(() -> new NotFoundException("Offer", offerId));
        AuditScope.patient(offer.patientId());
        return offer;
    }

    /**
     * The patient takes the offered time. Acceptances of one freed time queue on its row lock; the first moves its
     * patient's appointment there, and every other offer of that time is closed as gone. An answer that comes too late
     * (the offer lapsed, or another patient took the time) is recorded and returned, not thrown, so that it commits.
     */
    @Transactional
    Offer accept(UUID offerId, String key) {
        var offer = lockedOffer(offerId, key);
        if (offer.status() != OfferStatus.OPEN) {
            return offer;
        }
        var now = clock.instant();
        var freed = jdbc.sql(FREED).param("id", offer.freedTimeId()).query(Waitlist::freed).single();
        var lastChance = offer.startsAt().minus(rules.of(offer.type()).minimumNotice());
        if (!now.isBefore(offer.expiresAt()) || !now.isBefore(lastChance)) {
            return answer(offer, OfferStatus.EXPIRED, now);
        }
        var stillWaiting = jdbc.sql("select exists (select 1 from waitlist_entry where id = :id"
                + " and status = 'WAITING')").param("id", offer.entryId()).query(Boolean.class).single();
        // Reception may have moved the appointment meanwhile, to a time this offer would no longer improve on; or the
        // clinician's day may have filled up to the booking rules' maximum since the offer was made.
        if (freed.takenAt() != null || !stillWaiting || !offer.startsAt().isBefore(offer.currentStartsAt())
                || !appointments.withinPatientRules(offer.appointmentId(), offer.startsAt())) {
            return answer(offer, OfferStatus.GONE, now);
        }
        answer(offer, OfferStatus.ACCEPTED, now);
        jdbc.sql("update waitlist_offer set status = 'GONE', answered_at = :now"
                        + " where freed_time_id = :freed and status = 'OPEN'")
                .param("now", Timestamp.from(now)).param("freed", freed.id()).update();
        jdbc.sql("update freed_time set taken_at = :now where id = :id")
                .param("now", Timestamp.from(now)).param("id", freed.id()).update();
        jdbc.sql("update waitlist_entry set status = 'MOVED', closed_at = :now where id = :id")
                .param("now", Timestamp.from(now)).param("id", offer.entryId()).update();
        // Last, so that the time this appointment leaves is offered to the next patients with this one closed.
        appointments.moveFromWaitingList(offer.appointmentId(), offer.startsAt(), patient(offer));
        return reread(offerId);
    }

    /** The patient would rather keep their time: they stay on the list, and the time goes to the next in line. */
    @Transactional
    Offer decline(UUID offerId, String key) {
        var offer = lockedOffer(offerId, key);
        if (offer.status() != OfferStatus.OPEN) {
            return offer;
        }
        var now = clock.instant();
        answer(offer, OfferStatus.DECLINED, now);
        offerNext(offer.freedTimeId(), now);
        return reread(offerId);
    }

    /**
     * Offers lapse by themselves: closed here once their time is up, after which the freed time goes to the next
     * patients waiting whom it suits, for as long as it is still worth offering.
     */
    @Scheduled(fixedDelayString = "${clinicflow.booking.waitlist.sweep-interval:PT1M}")
    @Transactional
    public void closeLapsedOffers() {
        var now = clock.instant();
        var lapsed = jdbc.sql("""
                        update waitlist_offer set status = 'EXPIRED', answered_at = :now
                        where status = 'OPEN' and expires_at <= :now
                        returning freed_time_id""")
                .param("now", Timestamp.from(now)).query(UUID.class).set();
        lapsed.forEach(freed -> offerNext(freed, now));
    }

    /**
     * The offer, read again under lock once its freed time is locked. Always the freed time first, then its offers:
     * every answer to one freed time takes its locks in that order, so two answers queue instead of deadlocking.
     */
    private Offer lockedOffer(UUID offerId, String key) {
        var offer = open(offerId, key);
        jdbc.sql("select id from freed_time where id = :id for update").param("id", offer.freedTimeId())
                .query(UUID.class).single();
        return jdbc.sql(OFFERS + " where o.id = :id for update of o").param("id", offerId)
                .query(Waitlist::offer).single();
    }

    private Offer answer(Offer offer, OfferStatus status, Instant now) {
        jdbc.sql("update waitlist_offer set status = :status, answered_at = :now where id = :id")
                .param("status", status.name()).param("now", Timestamp.from(now)).param("id", offer.id()).update();
        return reread(offer.id());
    }

    private Offer reread(UUID offerId) {
        return jdbc.sql(OFFERS + " where o.id = :id").param("id", offerId).query(Waitlist::offer).single();
    }

    /** The patient, as the one who moved their own appointment by taking the offer sent to them. */
    private static ClinicUser patient(Offer offer) {
        return new ClinicUser(OFFER_LINK, "The patient, from an offer", Set.of(), Optional.of(offer.patientId()),
                Optional.empty());
    }

    /**
     * The appointment, if the caller may ask about it: staff any, a patient only their own (anyone else's is "not
     * found", and audited as refused).
     */
    private Appointment appointment(UUID appointmentId, ClinicUser by) {
        var appointment = appointments.find(appointmentId)
                .filter(a -> a.status() != AppointmentStatus.HELD && a.patientId() != null)
                .orElseThrow(() -> new NotFoundException("Appointment", appointmentId));
        AuditScope.patient(appointment.patientId());
        if (!by.isClinicStaff() && !by.patientId().equals(Optional.of(appointment.patientId()))) {
            throw new HiddenRecordException("Appointment", appointmentId, appointment.patientId());
        }
        return appointment;
    }

    private Optional<Entry> waitingFor(UUID appointmentId) {
        return jdbc.sql(ENTRIES + " where appointment_id = :appointment and status = 'WAITING'")
                .param("appointment", appointmentId).query(Waitlist::entry).optional();
    }

    private static final String FREED = "select id, clinician_id, starts_at, ends_at, freed_by_appointment, taken_at"
            + " from freed_time where id = :id";

    private static final String ENTRIES = "select id, patient_id, appointment_id, deadline, joined_at, joined_by,"
            + " status from waitlist_entry";

    private static final String OFFERS = """
            select o.id, o.entry_id, e.patient_id, e.appointment_id, a.appointment_type, f.clinician_id,
                   f.starts_at, a.starts_at as current_starts_at, o.offered_at, o.expires_at, o.status,
                   o.answered_at, o.freed_time_id, o.access_key
            from waitlist_offer o
            join waitlist_entry e on e.id = o.entry_id
            join appointment a on a.id = e.appointment_id
            join freed_time f on f.id = o.freed_time_id""";

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                rs.getObject("appointment_id", UUID.class), instant(rs, "deadline"), instant(rs, "joined_at"),
                rs.getString("joined_by"), EntryStatus.valueOf(rs.getString("status")));
    }

    private static Freed freed(ResultSet rs, int row) throws SQLException {
        return new Freed(rs.getObject("id", UUID.class), rs.getObject("clinician_id", UUID.class),
                instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getObject("freed_by_appointment", UUID.class),
                instant(rs, "taken_at"));
    }

    private static Offer offer(ResultSet rs, int row) throws SQLException {
        return new Offer(rs.getObject("id", UUID.class), rs.getObject("entry_id", UUID.class),
                rs.getObject("patient_id", UUID.class), rs.getObject("appointment_id", UUID.class),
                AppointmentType.valueOf(rs.getString("appointment_type")), rs.getObject("clinician_id", UUID.class),
                instant(rs, "starts_at"), instant(rs, "current_starts_at"), instant(rs, "offered_at"),
                instant(rs, "expires_at"), OfferStatus.valueOf(rs.getString("status")), instant(rs, "answered_at"),
                rs.getObject("freed_time_id", UUID.class), rs.getString("access_key"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String newKey() {
        var key = new byte[24];
        RANDOM.nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }
}
