package org.clinicflow.booking.availability;

import org.clinicflow.booking.clinician.Clinician;
import org.clinicflow.booking.clinician.ClinicianRepository;
import org.clinicflow.booking.platform.ClinicTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
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

    AvailabilitySearch(SessionCalendar calendar, ClinicianRepository clinicians, JdbcClient jdbc) {
        this.calendar = calendar;
        this.clinicians = clinicians;
        this.jdbc = jdbc;
    }

    /** A free slot: this clinician, at this site, at this time, for this type. */
    public record Slot(UUID clinicianId, UUID siteId, AppointmentType appointmentType, Instant startsAt,
                       Instant endsAt) {
    }

    /**
     * The earliest free slots of {@code type} starting at or after {@code from}, earliest first.
     *
     * @param clinicianId only this clinician's slots when given
     */
    @Transactional(readOnly = true)
    public List<Slot> earliest(AppointmentType type, Instant from, Optional<UUID> clinicianId, int limit) {
        var eligible = clinicians.findAll().stream()
                .filter(Clinician::active)
                .filter(c -> type.takenBy(c.profession()))
                .filter(c -> clinicianId.map(c.id()::equals).orElse(true))
                .collect(Collectors.toMap(Clinician::id, Function.identity()));
        var found = new ArrayList<Slot>();
        var firstDay = ClinicTime.dateOf(from);
        var lastDay = ClinicTime.dateOf(from.plus(HORIZON));
        Map<UUID, List<Instant[]>> busy = Map.of();
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
                busy = busy(eligible.keySet(), ClinicTime.at(day, LocalTime.MIN), ClinicTime.at(busyUntil,
                        LocalTime.MIN));
            }
            for (var session : sessions) {
                slotsIn(session, type, from, busy.getOrDefault(session.clinicianId(), List.of()), limit, found);
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
    private static void slotsIn(ClinicSession session, AppointmentType type, Instant from, List<Instant[]> busy,
                                int limit, List<Slot> found) {
        int added = 0;
        long sessionMinutes = Duration.between(session.startsAt(), session.endsAt()).toMinutes();
        long slotMinutes = type.duration().toMinutes();
        // Step through wall-clock times, not instants, so that a session on a clock-change day keeps its grid.
        for (long offset = 0; offset + slotMinutes <= sessionMinutes && added < limit; offset += slotMinutes) {
            var time = session.startsAt().plusMinutes(offset);
            var start = ClinicTime.at(session.date(), time);
            var end = ClinicTime.at(session.date(), time.plusMinutes(slotMinutes));
            if (start.isBefore(from)) {
                continue;
            }
            boolean taken = busy.stream().anyMatch(b -> b[0].isBefore(end) && b[1].isAfter(start));
            if (!taken) {
                found.add(new Slot(session.clinicianId(), session.siteId(), type, start, end));
                added++;
            }
        }
    }

    private Map<UUID, List<Instant[]>> busy(Set<UUID> clinicianIds, Instant from, Instant to) {
        var busy = new HashMap<UUID, List<Instant[]>>();
        jdbc.sql("""
                        select clinician_id, starts_at, ends_at from appointment
                        where starts_at < :to and ends_at > :from
                          and (status in ('BOOKED', 'CHECKED_IN') or (status = 'HELD' and hold_expires_at > now()))
                        """)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, row) -> {
                    var clinician = rs.getObject("clinician_id", UUID.class);
                    if (clinicianIds.contains(clinician)) {
                        busy.computeIfAbsent(clinician, id -> new ArrayList<>()).add(new Instant[]{
                                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant()});
                    }
                    return null;
                })
                .list();
        return busy;
    }
}
