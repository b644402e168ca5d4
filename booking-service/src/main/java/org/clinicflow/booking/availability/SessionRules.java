package org.clinicflow.booking.availability;

import org.clinicflow.booking.clinician.Clinician;
import org.clinicflow.booking.clinician.ClinicianDiary;
import org.clinicflow.booking.clinician.ClinicianRepository;
import org.clinicflow.booking.time.ClinicTime;
import org.clinicflow.booking.site.RoomRepository;
import org.clinicflow.booking.site.SiteRepository;
import org.clinicflow.platform.security.ClinicUser;
import org.clinicflow.platform.web.InvalidFieldException;
import org.clinicflow.platform.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Clinic-admin's changes to when clinicians work: new weekly templates, templates that end, days off, bank holidays
 * and one-off extra sessions.
 * <p>
 * Two rules keep the diary whole. No change may put a clinician in two sessions at once (availability would offer
 * the same time twice). And no change may take away the session a live appointment sits in: a patient booked into
 * a clinic that no longer exists would turn up to nobody. Such a change is refused with 409 and the first stranded
 * appointment, so that reception can move the patients first. Each change is checked against the rules as they stand
 * inside its own transaction, and this instance's cached rules are dropped when it commits.
 */
@Service
class SessionRules {

    private static final Logger log = LoggerFactory.getLogger(SessionRules.class);

    private final SessionTemplateRepository templates;
    private final SessionExceptionRepository exceptions;
    private final SessionCalendar calendar;
    private final ClinicianRepository clinicians;
    private final SiteRepository sites;
    private final RoomRepository rooms;
    private final ClinicianDiary diary;
    private final Clock clock;

    SessionRules(SessionTemplateRepository templates, SessionExceptionRepository exceptions, SessionCalendar calendar,
                 ClinicianRepository clinicians, SiteRepository sites, RoomRepository rooms, ClinicianDiary diary,
                 Clock clock) {
        this.templates = templates;
        this.exceptions = exceptions;
        this.calendar = calendar;
        this.clinicians = clinicians;
        this.sites = sites;
        this.rooms = rooms;
        this.diary = diary;
        this.clock = clock;
    }

    /** Where and when a session runs, as asked for; checked here rather than trusted. */
    record Place(UUID siteId, UUID roomId, LocalTime startsAt, LocalTime endsAt, SessionKind kind) {
    }

    @Transactional
    SessionTemplate addTemplate(UUID clinicianId, DayOfWeek day, Place place, LocalDate validFrom,
                                LocalDate validUntil, ClinicUser by) {
        activeClinician(clinicianId, false);
        requirePlace(place);
        if (validFrom.isBefore(today())) {
            throw new InvalidFieldException("validFrom", "must be today or later; past sessions are history");
        }
        if (validUntil != null && validUntil.isBefore(validFrom)) {
            throw new InvalidFieldException("validUntil", "must not be before validFrom");
        }
        var template = new SessionTemplate(UUID.randomUUID(), clinicianId, place.siteId(), place.roomId(), day,
                place.startsAt(), place.endsAt(), place.kind(), validFrom, validUntil, by.userId(), clock.instant());
        if (templates.findByClinicianIdOrderByDayOfWeekAscStartsAtAsc(clinicianId).stream()
                .anyMatch(template::clashesWith)) {
            throw new SessionRefused(SessionRefused.Rule.SESSIONS_DO_NOT_OVERLAP,
                    "This clinician already has a session on " + day + " overlapping "
                    + place.startsAt() + "-" + place.endsAt() + " in that period");
        }
        templates.saveAndFlush(template);
        calendar.forgetRulesAfterCommit();
        log.info("Session template {} added for clinician {}", template.id(), clinicianId);
        return template;
    }

    /** Stops a weekly session after {@code lastDate}; refused while appointments sit in the sessions it removes. */
    @Transactional
    SessionTemplate endTemplate(UUID templateId, LocalDate lastDate, ClinicUser by) {
        var template = templates.findById(templateId)
                .orElseThrow(() -> new NotFoundException("Session template", templateId));
        if (lastDate.isBefore(today().minusDays(1))) {
            throw new InvalidFieldException("lastDate", "must be yesterday or later; past sessions are history");
        }
        var runsUntil = template.validUntil();
        if (runsUntil != null && lastDate.isAfter(runsUntil)) {
            throw new InvalidFieldException("lastDate", "is after the template's own last date, " + runsUntil
                    + "; add a new template to extend it");
        }
        template.endAfter(lastDate, by.userId(), clock.instant());
        templates.saveAndFlush(template);
        requireNoAppointmentStranded(template.clinicianId(), lastDate.plusDays(1), runsUntil);
        calendar.forgetRulesAfterCommit();
        log.info("Session template {} ends after {}", templateId, lastDate);
        return template;
    }

    /**
     * A day a clinician does not work (leave), or, with no clinician, a day nobody does (a bank holiday). Refused
     * while appointments are booked that day, so that none is silently orphaned.
     */
    @Transactional
    SessionException cancelDay(UUID clinicianId, LocalDate onDate, String reason, ClinicUser by) {
        if (clinicianId != null) {
            activeClinician(clinicianId, true);
        }
        requireFutureDate(onDate);
        var day = exceptions.saveAndFlush(SessionException.cancelledDay(clinicianId, onDate, reason, by.userId(),
                clock.instant()));
        requireNoAppointmentStranded(clinicianId, onDate, onDate);
        calendar.forgetRulesAfterCommit();
        log.info("Sessions cancelled on {} for {} (exception {})", onDate,
                clinicianId == null ? "every clinician" : "clinician " + clinicianId, day.id());
        return day;
    }

    @Transactional
    SessionException addExtraSession(UUID clinicianId, LocalDate onDate, Place place, String reason,
                                     ClinicUser by) {
        activeClinician(clinicianId, true);
        requirePlace(place);
        requireFutureDate(onDate);
        var session = new ClinicSession(clinicianId, place.siteId(), place.roomId(), place.kind(), onDate,
                place.startsAt(), place.endsAt());
        var clash = calendar.sessionsAsStored(onDate, onDate).stream()
                .filter(s -> s.clinicianId().equals(clinicianId))
                .filter(s -> s.start().isBefore(session.end()) && session.start().isBefore(s.end()))
                .findFirst();
        if (clash.isPresent()) {
            throw new SessionRefused(SessionRefused.Rule.SESSIONS_DO_NOT_OVERLAP,
                    "This clinician already has a session on " + onDate + " from "
                    + clash.get().startsAt() + " to " + clash.get().endsAt());
        }
        var extra = exceptions.saveAndFlush(SessionException.extraSession(session, reason, by.userId(),
                clock.instant()));
        calendar.forgetRulesAfterCommit();
        log.info("Extra session {} added for clinician {} on {}", extra.id(), clinicianId, onDate);
        return extra;
    }

    /** Undoes a day off or removes an extra session; an extra session with appointments in it stays. */
    @Transactional
    void removeException(UUID id, ClinicUser by) {
        var exception = exceptions.findById(id).orElseThrow(() -> new NotFoundException("Session exception", id));
        if (exception.onDate().isBefore(today())) {
            throw new SessionRefused(SessionRefused.Rule.PAST_STAYS_AS_HISTORY,
                    "That change is in the past and stays as history");
        }
        exceptions.delete(exception);
        exceptions.flush();
        if (exception.isExtra()) {
            requireNoAppointmentStranded(exception.clinicianId(), exception.onDate(), exception.onDate());
        }
        calendar.forgetRulesAfterCommit();
        log.info("Session exception {} removed by {}", id, by.userId());
    }

    private void requireNoAppointmentStranded(UUID clinicianId, LocalDate from, LocalDate toInclusive) {
        var to = toInclusive == null ? ClinicianDiary.OPEN_ENDED : ClinicTime.at(toInclusive.plusDays(1), LocalTime.MIDNIGHT);
        var sessionsByDate = new HashMap<LocalDate, List<ClinicSession>>();
        var stranded = diary.liveAppointments(clinicianId, ClinicTime.at(from, LocalTime.MIDNIGHT), to).stream()
                .filter(entry -> sessionsByDate
                        .computeIfAbsent(ClinicTime.dateOf(entry.startsAt()), d -> calendar.sessionsAsStored(d, d))
                        .stream()
                        .noneMatch(s -> s.clinicianId().equals(entry.clinicianId())
                                && s.covers(entry.startsAt(), entry.endsAt())))
                .toList();
        if (!stranded.isEmpty()) {
            // Every one of them is named, so that the administrator knows which patients to move first.
            throw new SessionRefused(SessionRefused.Rule.NO_APPOINTMENT_STRANDED, stranded.size() + " appointment(s) would be left outside any session, the"
                    + " first " + stranded.getFirst().appointmentId() + " at "
                    + ClinicTime.show(stranded.getFirst().startsAt()) + "; move or cancel them first",
                    Map.of("strandedAppointments", stranded.stream().limit(100)
                            .map(entry -> Map.of("appointmentId", entry.appointmentId(),
                                    "clinicianId", entry.clinicianId(),
                                    "startsAt", ClinicTime.show(entry.startsAt())))
                            .toList()));
        }
    }

    private Clinician activeClinician(UUID clinicianId, boolean inBody) {
        var clinician = clinicians.findById(clinicianId);
        if (clinician.isEmpty() && !inBody) {
            throw new NotFoundException("Clinician", clinicianId);
        }
        return clinician.filter(Clinician::active)
                .orElseThrow(() -> new InvalidFieldException("clinicianId", "does not match an active clinician"));
    }

    private void requirePlace(Place place) {
        if (!place.endsAt().isAfter(place.startsAt())) {
            throw new InvalidFieldException("endsAt", "must be after startsAt");
        }
        if (!sites.existsById(place.siteId())) {
            throw new InvalidFieldException("siteId", "does not match a site");
        }
        if (place.roomId() != null && rooms.findById(place.roomId())
                .filter(room -> room.siteId().equals(place.siteId())).isEmpty()) {
            throw new InvalidFieldException("roomId", "does not match a room at that site");
        }
    }

    private void requireFutureDate(LocalDate onDate) {
        if (onDate.isBefore(today())) {
            throw new InvalidFieldException("onDate", "must be today or later; past sessions are history");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ClinicTime.ZONE));
    }
}
