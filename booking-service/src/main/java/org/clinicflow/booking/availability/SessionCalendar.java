package org.clinicflow.booking.availability;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Which sessions run on which dates: the weekly templates, minus cancelled days (leave, bank holidays), plus one-off
 * extra sessions. Computed from the rules rather than stored as generated slots (ADR 0006), so a new template or a
 * day of leave changes availability at once, with nothing to regenerate.
 */
@Component
public class SessionCalendar {

    private final SessionTemplateRepository templates;
    private final SessionExceptionRepository exceptions;

    SessionCalendar(SessionTemplateRepository templates, SessionExceptionRepository exceptions) {
        this.templates = templates;
        this.exceptions = exceptions;
    }

    /** Every session from {@code from} to {@code to} inclusive, ordered by start. */
    @Transactional(readOnly = true)
    public List<ClinicSession> sessions(LocalDate from, LocalDate to) {
        var allTemplates = templates.findAll();
        var changes = exceptions.findByOnDateBetween(from, to);
        var sessions = new ArrayList<ClinicSession>();
        for (var date = from; !date.isAfter(to); date = date.plusDays(1)) {
            for (var template : allTemplates) {
                var day = date;
                if (template.runsOn(day) && changes.stream().noneMatch(c -> c.cancels(template.clinicianId(), day))) {
                    sessions.add(template.on(day));
                }
            }
        }
        for (var change : changes) {
            if (change.isExtra()) {
                sessions.add(change.asSession());
            }
        }
        sessions.sort(Comparator.comparing(ClinicSession::start));
        return sessions;
    }

    /** The clinician's sessions on that date, ordered by start. */
    public List<ClinicSession> sessionsOf(UUID clinicianId, LocalDate date) {
        return sessions(date, date).stream().filter(s -> s.clinicianId().equals(clinicianId)).toList();
    }
}
