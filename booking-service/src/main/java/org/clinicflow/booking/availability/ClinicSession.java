package org.clinicflow.booking.availability;

import org.clinicflow.booking.time.ClinicTime;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One session on one date, e.g. Mr Reid's clinic at London Bridge on Monday 30 March 2026, 09:00-13:00. */
public record ClinicSession(UUID clinicianId, UUID siteId, UUID roomId, SessionKind kind, LocalDate date,
                            LocalTime startsAt, LocalTime endsAt) {

    /** A slot's true start and end. */
    public record SlotTime(Instant start, Instant end) {
    }

    public Instant start() {
        return ClinicTime.at(date, startsAt);
    }

    public Instant end() {
        return ClinicTime.at(date, endsAt);
    }

    public boolean covers(Instant from, Instant to) {
        return !from.isBefore(start()) && !to.isAfter(end());
    }

    /**
     * The session's slots of one length, earliest first, by the rule of ADR 6:
     * <ul>
     * <li>slots are laid in wall-clock time from the session's start (09:00, 09:15 …), so that a clock change
     * never moves the grid;</li>
     * <li>a slot whose wall-clock start does not exist that day (the spring gap) is not laid: it is not moved onto
     * the hour after, where it would be a second slot at a time already laid;</li>
     * <li>each slot lasts exactly its length in real time, so in the autumn's repeated hour none lasts an hour more,
     * and none ends before it starts; a wall-clock time that happens twice is laid once, at its first (summer-time)
     * instant;</li>
     * <li>a slot never overlaps the one before it, nor runs past the session's end.</li>
     * </ul>
     */
    public List<SlotTime> slots(Duration length) {
        var slots = new ArrayList<SlotTime>();
        var rules = ClinicTime.ZONE.getRules();
        long wallMinutes = Duration.between(startsAt, endsAt).toMinutes();
        long step = length.toMinutes();
        var sessionEnd = end();
        Instant previousEnd = null;
        for (long offset = 0; offset + step <= wallMinutes; offset += step) {
            var wall = date.atTime(startsAt.plusMinutes(offset));
            if (rules.getValidOffsets(wall).isEmpty()) {
                continue;
            }
            var start = wall.atZone(ClinicTime.ZONE).toInstant();
            var end = start.plus(length);
            if ((previousEnd != null && start.isBefore(previousEnd)) || end.isAfter(sessionEnd)) {
                continue;
            }
            slots.add(new SlotTime(start, end));
            previousEnd = end;
        }
        return slots;
    }
}
