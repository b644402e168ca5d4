package org.clinicflow.booking.availability;

import org.clinicflow.booking.time.ClinicTime;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Which sessions run on which dates: the weekly templates, minus cancelled days (leave, bank holidays), plus one-off
 * extra sessions. Computed from the rules rather than stored as generated slots (ADR 0006), so a new template or a
 * day of leave changes availability with nothing to regenerate.
 * <p>
 * The rules are read at most every few seconds ({@code clinicflow.booking.session-rules-ttl}): every search and
 * every booking needs them, they change a few times a week, and booking correctness never depends on them being
 * fresh to the second (the exclusion constraints guard the diary itself).
 */
@Component
@EnableConfigurationProperties(SessionRulesProperties.class)
class SessionCalendar {

    private final SessionTemplateRepository templates;
    private final SessionExceptionRepository exceptions;
    private final Clock clock;
    private final Duration rulesTtl;
    private volatile Rules rules;

    SessionCalendar(SessionTemplateRepository templates, SessionExceptionRepository exceptions, Clock clock,
                    SessionRulesProperties properties) {
        this.templates = templates;
        this.exceptions = exceptions;
        this.clock = clock;
        this.rulesTtl = properties.sessionRulesTtl();
    }

    /** The templates, and the exceptions from yesterday to the end of the booking horizon, as read at one moment. */
    private record Rules(List<SessionTemplate> templates, List<SessionException> exceptions, Instant readAt,
                         LocalDate exceptionsFrom, LocalDate exceptionsTo) {

        boolean covers(LocalDate from, LocalDate to) {
            return !from.isBefore(exceptionsFrom) && !to.isAfter(exceptionsTo);
        }
    }

    private Rules rules(LocalDate from, LocalDate to) {
        var current = rules;
        var now = clock.instant();
        if (current != null && current.readAt().plus(rulesTtl).isAfter(now) && current.covers(from, to)) {
            return current;
        }
        var today = LocalDate.now(clock.withZone(ClinicTime.ZONE));
        var exceptionsFrom = from.isBefore(today.minusDays(1)) ? from : today.minusDays(1);
        var horizonEnd = today.plusDays(AvailabilitySearch.HORIZON.toDays() + 7);
        var exceptionsTo = to.isAfter(horizonEnd) ? to : horizonEnd;
        current = new Rules(List.copyOf(templates.findAll()),
                List.copyOf(exceptions.findByOnDateBetween(exceptionsFrom, exceptionsTo)), now, exceptionsFrom,
                exceptionsTo);
        rules = current;
        return current;
    }

    /** Every session from {@code from} to {@code to} inclusive, ordered by start. */
    @Transactional(readOnly = true)
    public List<ClinicSession> sessions(LocalDate from, LocalDate to) {
        var current = rules(from, to);
        return expand(current.templates(), current.exceptions(), from, to);
    }

    /**
     * The sessions as the rules stand in the current transaction, bypassing the cache: what a change to the rules
     * checks itself against before it commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<ClinicSession> sessionsAsStored(LocalDate from, LocalDate to) {
        return expand(templates.findAll(), exceptions.findByOnDateBetween(from, to), from, to);
    }

    /** Drops the cached rules once the current transaction commits, so that this instance sees a change at once. */
    void forgetRulesAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                rules = null;
            }
        });
    }

    private static List<ClinicSession> expand(List<SessionTemplate> allTemplates, List<SessionException> exceptions,
                                              LocalDate from, LocalDate to) {
        var changes = exceptions.stream()
                .filter(c -> !c.onDate().isBefore(from) && !c.onDate().isAfter(to))
                .toList();
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
