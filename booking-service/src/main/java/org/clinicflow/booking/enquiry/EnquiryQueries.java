package org.clinicflow.booking.enquiry;

import org.clinicflow.booking.availability.AppointmentType;
import org.clinicflow.booking.availability.AvailabilitySearch;
import org.clinicflow.booking.time.ClinicTime;
import org.clinicflow.booking.web.PageOf;
import org.clinicflow.platform.audit.AuditScope;
import org.clinicflow.platform.web.InvalidFieldException;
import org.clinicflow.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What reception reads about first contacts: one enquiry and where its promise stands, the worklist of those still
 * waiting for a booking, the slots that would keep the promise, and the weekly access report. How the promise stands
 * always comes from the view {@code enquiry_promise}, its one definition.
 */
@Component
@Transactional(readOnly = true)
class EnquiryQueries {

    /** Older unbooked enquiries are in the access report, not the worklist. */
    static final Duration WORKLIST_REACH = Duration.ofDays(14);
    /**
     * On reception's worklist: no live booking, first contact since {@code :since} (now less the reach), and not
     * settled without an appointment. Over {@code enquiry e} joined to {@code enquiry_promise p}.
     */
    static final String AWAITING_BOOKING =
            "not p.booked and e.first_contact_at >= :since and not e.no_appointment_needed";

    /**
     * The enquiry and how the promise stands: booked within target when its appointment starts by the deadline; seen
     * within target when that appointment was also attended (checked in or completed).
     */
    record EnquiryView(UUID id, UUID patientId, Enquiry.Channel channel, String referrer,
                       OffsetDateTime firstContactAt, OffsetDateTime deadline, UUID appointmentId,
                       OffsetDateTime appointmentStartsAt, boolean booked, boolean bookedWithinTarget,
                       boolean seen, boolean seenWithinTarget, OffsetDateTime atRiskAt, OffsetDateTime breachedAt,
                       boolean urgent, List<RedFlag> redFlags, String selfReferralReason, OffsetDateTime calledBackAt,
                       String callBackNote) {
    }

    record SlotOffer(UUID clinicianId, UUID siteId, OffsetDateTime startsAt, OffsetDateTime endsAt,
                     boolean withinTarget) {
    }

    record WeekOfAccess(LocalDate weekStarting, long enquiries, long seen, long seenWithinTarget,
                        Double shareSeenWithinTarget, Double medianHoursToAppointment) {
    }

    private final EnquiryRepository enquiries;
    private final AvailabilitySearch availability;
    private final JdbcClient jdbc;
    private final Clock clock;

    EnquiryQueries(EnquiryRepository enquiries, AvailabilitySearch availability, JdbcClient jdbc, Clock clock) {
        this.enquiries = enquiries;
        this.availability = availability;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Reception's worklist: enquiries of the last fortnight with no live booking (never booked, or the booking was
     * cancelled), red flags waiting for a call back first, then the nearest deadline first. One the clinic settled on
     * a call back without an appointment leaves.
     */
    PageOf<EnquiryView> awaitingBooking(int page, int size) {
        var since = Timestamp.from(clock.instant().minus(WORKLIST_REACH));
        var waiting = " where " + AWAITING_BOOKING;
        long total = jdbc.sql("select count(*) from enquiry e join enquiry_promise p on p.enquiry_id = e.id"
                        + waiting)
                .param("since", since).query(Long.class).single();
        var items = jdbc.sql(ENQUIRY_WITH_APPOINTMENT + waiting
                        + " order by urgent desc, e.deadline, e.id limit :size offset :skip")
                .param("since", since).param("size", size).param("skip", (long) page * size)
                .query(EnquiryQueries::view).list();
        return new PageOf<>(items, page, size, total);
    }

    /** The earliest free consultations, each marked whether it keeps the enquiry's promise. */
    List<SlotOffer> earliestSlots(UUID id, AppointmentType appointmentType, int limit) {
        var enquiry = enquiries.findById(id).orElseThrow(() -> new NotFoundException("Enquiry", id));
        AuditScope.patient(enquiry.patientId());
        // Within the booking rules, as the desk's search: a time offered for an enquiry books as offered.
        return availability.earliestWithinRules(appointmentType, clock.instant(), Optional.empty(), limit, null)
                .stream()
                .map(slot -> new SlotOffer(slot.clinicianId(), slot.siteId(), ClinicTime.show(slot.startsAt()),
                        ClinicTime.show(slot.endsAt()), enquiry.withinTarget(slot.startsAt())))
                .toList();
    }

    List<WeekOfAccess> weeksOfAccess(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            throw new InvalidFieldException("to", "must be after from");
        }
        return jdbc.sql("""
                        select (date_trunc('week', e.first_contact_at at time zone 'Europe/London'))::date as week,
                               count(*) as enquiries,
                               count(*) filter (where p.seen) as seen,
                               count(*) filter (where p.seen_within_target) as seen_within_target,
                               percentile_cont(0.5) within group (
                                   order by extract(epoch from p.appointment_starts_at - e.first_contact_at) / 3600.0)
                                   filter (where p.booked) as median_hours
                        from enquiry e join enquiry_promise p on p.enquiry_id = e.id
                        where e.first_contact_at >= :from and e.first_contact_at < :to
                        group by 1 order by 1
                        """)
                .param("from", Timestamp.from(ClinicTime.at(from, LocalTime.MIDNIGHT)))
                .param("to", Timestamp.from(ClinicTime.at(to, LocalTime.MIDNIGHT)))
                .query((rs, row) -> {
                    long total = rs.getLong("enquiries");
                    long withinTarget = rs.getLong("seen_within_target");
                    double median = rs.getDouble("median_hours");
                    return new WeekOfAccess(rs.getObject("week", LocalDate.class), total, rs.getLong("seen"),
                            withinTarget, total == 0 ? null : (double) withinTarget / total,
                            rs.wasNull() ? null : median);
                })
                .list();
    }

    /**
     * An enquiry with its appointment and, for a self-referral, the person's own words. {@code urgent}: red flags the
     * clinic has not yet called back about, what reception must do before anything else (the entity's
     * {@code awaitingUrgentCallBack}, as SQL, so that the list can be ordered by it).
     */
    private static final String ENQUIRY_WITH_APPOINTMENT = """
            select e.*, p.appointment_starts_at, p.booked, p.booked_within_target, p.seen, p.seen_within_target,
                   r.reason as self_referral_reason,
                   (cardinality(e.red_flags) > 0 and e.called_back_at is null) as urgent
            from enquiry e join enquiry_promise p on p.enquiry_id = e.id
                           left join self_referral r on r.enquiry_id = e.id
            """;

    EnquiryView view(UUID id) {
        return jdbc.sql(ENQUIRY_WITH_APPOINTMENT + " where e.id = :id")
                .param("id", id)
                .query(EnquiryQueries::view)
                .optional()
                .orElseThrow(() -> new NotFoundException("Enquiry", id));
    }

    private static EnquiryView view(ResultSet rs, int row) throws SQLException {
        // How the promise stands comes from the view enquiry_promise, its one definition.
        var startsAt = rs.getTimestamp("appointment_starts_at");
        var deadline = rs.getTimestamp("deadline").toInstant();
        boolean booked = rs.getBoolean("booked");
        var redFlags = (String[]) rs.getArray("red_flags").getArray();
        return new EnquiryView(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                Enquiry.Channel.valueOf(rs.getString("channel")), rs.getString("referrer"),
                show(rs.getTimestamp("first_contact_at")), ClinicTime.show(deadline),
                booked ? rs.getObject("appointment_id", UUID.class) : null,
                booked ? show(startsAt) : null, booked, rs.getBoolean("booked_within_target"),
                rs.getBoolean("seen"), rs.getBoolean("seen_within_target"),
                show(rs.getTimestamp("at_risk_at")), show(rs.getTimestamp("breached_at")),
                rs.getBoolean("urgent"),
                java.util.Arrays.stream(redFlags).map(RedFlag::valueOf).sorted().toList(),
                rs.getString("self_referral_reason"), show(rs.getTimestamp("called_back_at")),
                rs.getString("call_back_note"));
    }

    private static OffsetDateTime show(Timestamp timestamp) {
        return timestamp == null ? null : ClinicTime.show(timestamp.toInstant());
    }

}
