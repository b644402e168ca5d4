package org.clinicflow.followup.reminder;

import org.clinicflow.followup.notification.Notifications;
import org.clinicflow.followup.notification.Purpose;
import org.clinicflow.platform.web.InvalidFieldException;
import org.clinicflow.platform.web.NotFoundException;
import org.clinicflow.platform.web.Versions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * The words of appointment messages as data: the current version of each purpose words what is planned, and a clinic
 * admin's change, in the same transaction, words again every message of that purpose not yet sent, so the next one
 * the patient receives reads the new words. Each message records the version it was worded from.
 */
@Service
class MessageTemplates {

    /** The appointment messages worded from templates, in the order they are listed: an appointment's life, then its reminders. */
    static final List<Purpose> PURPOSES = List.of(Purpose.CONFIRMATION, Purpose.MOVED, Purpose.CANCELLED,
            Purpose.TWO_DAYS_BEFORE, Purpose.TWO_HOURS_BEFORE);

    private static final Logger log = LoggerFactory.getLogger(MessageTemplates.class);
    private static final int REASON_MIN = 5;
    private static final int REASON_MAX = 500;

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final Clock clock;

    MessageTemplates(JdbcClient jdbc, Notifications notifications, Clock clock) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** An admin's new words for a message, and why. */
    record TemplateChange(String title, String body, String reason) {
    }

    /** @param earlier every version before the current one, newest first */
    record TemplateHistory(MessageTemplate current, List<MessageTemplate> earlier) {
    }

    @Transactional(readOnly = true)
    List<MessageTemplate> allCurrent() {
        return jdbc.sql("select distinct on (purpose) * from message_template order by purpose, version desc")
                .query(MessageTemplates::template).list().stream()
                .sorted(Comparator.comparingInt(t -> PURPOSES.indexOf(t.purpose())))
                .toList();
    }

    /**
     * The version that words a message of {@code purpose} planned in the caller's transaction. The purpose's versions
     * are share-locked until that transaction ends, and the current one is read after the lock: a change made
     * meanwhile either waits until the message is stored, and then words it again, or has committed before the read.
     * Without this, a message planned while a change commits could keep the old words for good.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    MessageTemplate forPlanning(Purpose purpose) {
        jdbc.sql("select version from message_template where purpose = :purpose for share")
                .param("purpose", purpose.name()).query(Integer.class).list();
        return current(purpose);
    }

    private MessageTemplate current(Purpose purpose) {
        return latest(purpose).orElseThrow(() -> new IllegalStateException("No template for " + purpose));
    }

    /** @param purpose as the caller wrote it; one that has no template is not found */
    @Transactional(readOnly = true)
    TemplateHistory history(String purpose) {
        var versions = jdbc.sql("select * from message_template where purpose = :purpose order by version desc")
                .param("purpose", known(purpose).name()).query(MessageTemplates::template).list();
        return new TemplateHistory(versions.getFirst(), versions.subList(1, versions.size()));
    }

    /**
     * Makes {@code change} the purpose's next version if {@code ifMatch} names the current one, and words again with it
     * the messages of that purpose not yet sent, from the facts each was planned with.
     *
     * @param by the admin's user id
     */
    @Transactional
    MessageTemplate change(String purpose, String ifMatch, TemplateChange change, String by) {
        var which = known(purpose);
        refuseInvalid(change);
        // Every version's row is locked first, so two admins' changes queue; the current version is then read afresh,
        // and the second admin, whose If-Match names the version the first replaced, is told it is stale.
        jdbc.sql("select version from message_template where purpose = :purpose for update")
                .param("purpose", which.name()).query(Integer.class).list();
        var current = current(which);
        Versions.requireMatch(ifMatch, current.version());
        var next = new MessageTemplate(which, current.version() + 1, change.title().strip(), change.body().strip(), by,
                clock.instant(), change.reason().strip());
        jdbc.sql("""
                        insert into message_template (purpose, version, title, body, changed_by, changed_at, reason)
                        values (:purpose, :version, :title, :body, :by, :at, :reason)
                        """)
                .param("purpose", which.name()).param("version", next.version()).param("title", next.title())
                .param("body", next.body()).param("by", by).param("at", next.changedAt().atOffset(ZoneOffset.UTC))
                .param("reason", next.reason()).update();
        var reworded = 0;
        for (var waiting : notifications.waitingWordedFrom(which)) {
            if (notifications.reword(waiting.id(), next.wording(waiting.wordedFrom().values()), next.version())) {
                reworded++;
            }
        }
        log.info("Template {} is now version {}; {} messages not yet sent reworded", which, next.version(), reworded);
        return next;
    }

    private Optional<MessageTemplate> latest(Purpose purpose) {
        return jdbc.sql("select * from message_template where purpose = :purpose order by version desc limit 1")
                .param("purpose", purpose.name()).query(MessageTemplates::template).optional();
    }

    private static Purpose known(String purpose) {
        return PURPOSES.stream().filter(p -> p.name().equals(purpose)).findFirst()
                .orElseThrow(() -> new NotFoundException("Message template", purpose));
    }

    /** Every field's problems at once, so the admin's form can mark them all. */
    private static void refuseInvalid(TemplateChange change) {
        var problems = new LinkedHashMap<String, String>();
        var title = TemplateText.titleProblems(change.title());
        if (!title.isEmpty()) {
            problems.put("title", String.join("; ", title));
        }
        var body = TemplateText.bodyProblems(change.body());
        if (!body.isEmpty()) {
            problems.put("body", String.join("; ", body));
        }
        var reason = change.reason() == null ? 0 : TemplateText.length(change.reason().strip());
        if (reason < REASON_MIN || reason > REASON_MAX) {
            problems.put("reason", "must say why in " + REASON_MIN + " to " + REASON_MAX + " characters");
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
    }

    private static MessageTemplate template(ResultSet rs, int row) throws SQLException {
        return new MessageTemplate(Purpose.valueOf(rs.getString("purpose")), rs.getInt("version"),
                rs.getString("title"), rs.getString("body"), rs.getString("changed_by"),
                rs.getObject("changed_at", OffsetDateTime.class).toInstant(), rs.getString("reason"));
    }
}
