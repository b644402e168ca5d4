package org.clinicflow.booking.availability;

import org.clinicflow.booking.clinician.Clinician;
import org.clinicflow.booking.clinician.ClinicianRepository;
import org.clinicflow.booking.time.ClinicTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds free slots: session time of clinicians who take the appointment type, cut into slots of the type's length from
 * each session's start, minus the time that live appointments and unexpired holds occupy.
 * <p>
 * It reads a week of appointments at a time but expands sessions a day at a time, and stops at the first day that
 * completes the answer: every slot of a later day starts later. The common question ("the earliest free
 * consultation") therefore costs one day of slots and one week of appointments, however far the diary extends.
 */
@Service
public class AvailabilitySearch {

    /** How far ahead a search looks: the clinic books up to eight weeks out. */
    static final Duration HORIZON = Duration.ofDays(56);

    private final SessionCalendar calendar;
    private final ClinicianRepository clinicians;
    private final JdbcClient jdbc;
    private final TimeRules rules;
    private final Clock clock;

    AvailabilitySearch(SessionCalendar calendar, ClinicianRepository clinicians, JdbcClient jdbc, TimeRules rules,
                       Clock clock) {
        this.calendar = calendar;
        this.clinicians = clinicians;
        this.jdbc = jdbc;
        this.rules = rules;
        this.clock = clock;
    }

    /** A free slot: this clinician, at this site, at this time, for this type. */
    public record Slot(UUID clinicianId, UUID siteId, AppointmentType appointmentType, Instant startsAt,
                       Instant endsAt) {
    }

    /**
     * What the type's booking rules ask of a time beyond its being free: a gap of {@code buffer} to the clinician's
     * other appointments, and no more than {@code maximumPerDay} of the type for the clinician on a clinic day.
     * The minimum notice is the caller's {@code from}.
     *
     * @param maximumPerDay null for no limit
     * @param moving        the appointment being moved, which neither blocks nor counts against its own new time;
     *                      null when booking
     */
    public record Limits(Duration buffer, Integer maximumPerDay, UUID moving) {

        public static final Limits NONE = new Limits(Duration.ZERO, null, null);

        public Limits movingAppointment(UUID id) {
            return new Limits(buffer, maximumPerDay, id);
        }
    }

    /** An appointment as the search sees it: whether it occupies its time and whether it counts towards a day. */
    private record Occupied(AppointmentType type, Instant start, Instant end, boolean blocks, boolean counts) {
    }

    /**
     * The earliest free slots of {@code type} starting at or after {@code from}, earliest first.
     *
     * @param clinicianId only this clinician's slots when given
     */
    @Transactional(readOnly = true)
    public List<Slot> earliest(AppointmentType type, Instant from, Optional<UUID> clinicianId, int limit) {
        return earliest(type, from, clinicianId, limit, Limits.NONE);
    }

    /**
     * The earliest times a booking of the type could take without going past a booking rule: no sooner than the
     * minimum notice, clear of the buffer, under the day's maximum. What patients are offered, and the desk too.
     *
     * @param moving the appointment being moved, which is no obstacle to its own new time; null when booking
     */
    @Transactional(readOnly = true)
    public List<Slot> earliestWithinRules(AppointmentType type, Instant from, Optional<UUID> clinicianId, int limit,
                                          UUID moving) {
        var soonest = clock.instant().plus(rules.minimumNotice(type));
        return earliest(type, from.isBefore(soonest) ? soonest : from, clinicianId, limit,
                rules.limits(type).movingAppointment(moving));
    }

    /** As {@link #earliest(AppointmentType, Instant, Optional, int)}, leaving out times the limits rule out. */
    @Transactional(readOnly = true)
    public List<Slot> earliest(AppointmentType type, Instant from, Optional<UUID> clinicianId, int limit,
                               Limits limits) {
        var eligible = clinicians.findAll().stream()
                .filter(Clinician::active)
                .filter(c -> type.takenBy(c.profession()))
                .filter(c -> clinicianId.map(c.id()::equals).orElse(true))
                .collect(Collectors.toMap(Clinician::id, Function.identity()));
        var found = new ArrayList<Slot>();
        var firstDay = ClinicTime.dateOf(from);
        var lastDay = ClinicTime.dateOf(from.plus(HORIZON));
        Map<UUID, List<Occupied>> busy = Map.of();
        var busyUntil = firstDay;
        for (var day = firstDay; !day.isAfter(lastDay) && found.size() < limit; day = day.plusDays(1)) {
            var sessions = calendar.sessions(day, day).stream()
                    .filter(s -> s.kind() == type.sessionKind() && eligible.containsKey(s.clinicianId()))
                    .toList();
            if (sessions.isEmpty()) {
                continue;
            }
            if (!day.isBefore(busyUntil)) {
                busyUntil = day.plusDays(7);
                busy = busy(eligible.keySet(), ClinicTime.at(day, LocalTime.MIN).minus(limits.buffer()),
                        ClinicTime.at(busyUntil, LocalTime.MIN).plus(limits.buffer()), limits.moving());
            }
            var dayStart = ClinicTime.at(day, LocalTime.MIN);
            var dayEnd = ClinicTime.at(day.plusDays(1), LocalTime.MIN);
            for (var session : sessions) {
                var theirs = busy.getOrDefault(session.clinicianId(), List.of());
                if (limits.maximumPerDay() != null && theirs.stream().filter(o -> o.counts() && o.type() == type
                        && o.start().isBefore(dayEnd) && !o.start().isBefore(dayStart)).count()
                        >= limits.maximumPerDay()) {
                    continue;
                }
                slotsIn(session, type, from, theirs, limits.buffer(), limit, found);
            }
        }
        found.sort(Comparator.comparing(Slot::startsAt).thenComparing(Slot::clinicianId));
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : List.copyOf(found);
    }

    /** The clinician's session that takes {@code type} and holds the whole of [start, end), if there is one. */
    @Transactional(readOnly = true)
    public Optional<ClinicSession> sessionFor(UUID clinicianId, AppointmentType type, Instant start, Instant end) {
        return calendar.sessionsOf(clinicianId, ClinicTime.dateOf(start)).stream()
                .filter(s -> s.kind() == type.sessionKind() && s.covers(start, end))
                .findFirst();
    }

    /**
     * Adds the session's first free slots, at most {@code limit} of them: a session's later slots can never be among
     * the earliest {@code limit} overall, and a day of fifty clinicians would otherwise mean thousands of candidates.
     */
    private static void slotsIn(ClinicSession session, AppointmentType type, Instant from, List<Occupied> busy,
                                Duration buffer, int limit, List<Slot> found) {
        int added = 0;
        for (var slot : session.slots(type.duration())) {
            if (added >= limit) {
                break;
            }
            var start = slot.start();
            var end = slot.end();
            if (start.isBefore(from)) {
                continue;
            }
            boolean taken = busy.stream().filter(Occupied::blocks)
                    .anyMatch(b -> b.start().isBefore(end.plus(buffer)) && b.end().isAfter(start.minus(buffer)));
            if (!taken) {
                found.add(new Slot(session.clinicianId(), session.siteId(), type, start, end));
                added++;
            }
        }
    }

    /**
     * The clinicians' appointments that touch [from, to): live ones and unexpired holds occupy their time; every one
     * not cancelled (nor a hold) counts towards its day's maximum.
     */
    private Map<UUID, List<Occupied>> busy(Set<UUID> clinicianIds, Instant from, Instant to, UUID except) {
        var busy = new HashMap<UUID, List<Occupied>>();
        jdbc.sql("""
                        select clinician_id, appointment_type, starts_at, ends_at,
                               status in ('BOOKED', 'CHECKED_IN') or status = 'HELD' as blocks,
                               status <> 'HELD' as counts
                        from appointment
                        where starts_at < :to and ends_at > :from and id <> :except
                          and (status not in ('CANCELLED', 'HELD') or (status = 'HELD' and hold_expires_at > now()))
                        """)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("except", except == null ? new UUID(0, 0) : except)
                .query((rs, row) -> {
                    var clinician = rs.getObject("clinician_id", UUID.class);
                    if (clinicianIds.contains(clinician)) {
                        busy.computeIfAbsent(clinician, id -> new ArrayList<>()).add(new Occupied(
                                AppointmentType.valueOf(rs.getString("appointment_type")),
                                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                                rs.getBoolean("blocks"), rs.getBoolean("counts")));
                    }
                    return null;
                })
                .list();
        return busy;
    }
}
