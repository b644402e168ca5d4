package org.clinicflow.followup.notification;

import org.clinicflow.platform.correlation.TraceParent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The store of messages owed to patients. Other features plan and cancel messages only through here, inside their own
 * transaction, so a message exists exactly when the fact that caused it was recorded.
 */
@Component
public class Notifications {

    static final String COLUMNS = """
            id, patient_id, purpose, appointment_id, pathway_id, step_code, title, body, content_slug,
            content_section, appointment_starts_at, appointment_ends_at, preferred_channel, due_at, status,
            next_attempt_at, attempts, channel, fallen_back, last_error, sent_at, content_version, content_hash,
            calendar_sequence, calendar_summary, calendar_location, provider_id, delivery, delivered_at, trace_parent
            """;

    private static final TypeReference<Map<String, String>> PLACEHOLDERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final NotificationTransitions transitions;
    private final Clock clock;
    private final JsonMapper json;

    Notifications(JdbcClient jdbc, NotificationTransitions transitions, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.transitions = transitions;
        this.clock = clock;
        this.json = json;
    }

    /** An appointment message not yet sent, with what it was worded from. */
    public record WaitingMessage(UUID id, NewNotification.WordedFrom wordedFrom) {
    }

    /** @return the new message's id, which is also its idempotency key */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID schedule(NewNotification n) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                        insert into notification (id, patient_id, purpose, appointment_id, pathway_id, step_code, title,
                            body, content_slug, content_section, appointment_starts_at, appointment_ends_at,
                            preferred_channel, due_at, status, next_attempt_at, source_event_id, created_at,
                            calendar_sequence, calendar_summary, calendar_location, appointment_type, template_version,
                            wording, trace_parent)
                        values (:id, :patient, :purpose, :appointment, :pathway, :step, :title, :body, :slug, :section,
                            :startsAt, :endsAt, :preferred, :due, :scheduled, :due, :source, :now,
                            :sequence, :summary, :location, :type, :templateVersion, cast(:wording as jsonb),
                            :traceParent)
                        """)
                .param("scheduled", NotificationStatus.SCHEDULED.name())
                .param("id", id).param("patient", n.patientId()).param("purpose", n.purpose().name())
                .param("appointment", n.appointmentId()).param("pathway", n.pathwayId()).param("step", n.stepCode())
                .param("title", n.title()).param("body", n.body()).param("slug", n.contentSlug())
                .param("section", n.contentSection()).param("startsAt", utc(n.appointmentStartsAt()))
                .param("endsAt", utc(n.appointmentEndsAt())).param("preferred", n.preferredChannel().name())
                .param("due", utc(n.dueAt())).param("source", n.sourceEventId()).param("now", utc(clock.instant()))
                .param("sequence", n.calendar() == null ? null : n.calendar().sequence())
                .param("summary", n.calendar() == null ? null : n.calendar().summary())
                .param("location", n.calendar() == null ? null : n.calendar().location())
                .param("type", n.appointmentType())
                .param("templateVersion", n.wordedFrom() == null ? null : n.wordedFrom().templateVersion())
                .param("wording", n.wordedFrom() == null ? null : json.writeValueAsString(n.wordedFrom().values()))
                // Sent later by the dispatcher, on another thread: kept so that the send continues this trace.
                .param("traceParent", TraceParent.current().orElse(null))
                .update();
        return id;
    }

    /**
     * The messages of {@code purpose} not yet handed to a channel (SCHEDULED or HELD) that were worded from a
     * template, locked until the caller's transaction ends: a dispatcher skips them meanwhile, and takes them after
     * with whatever words the caller gave them. One being sent right now is not among them; it goes as it was.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<WaitingMessage> waitingWordedFrom(Purpose purpose) {
        return jdbc.sql("""
                        select id, template_version, wording::text as wording from notification
                        where purpose = :purpose and status in (:waiting) and appointment_id is not null
                            and template_version is not null
                        order by id
                        for update
                        """)
                .param("purpose", purpose.name()).param("waiting", NotificationTransitions.WAITING)
                .query((rs, row) -> new WaitingMessage(rs.getObject("id", UUID.class),
                        new NewNotification.WordedFrom(rs.getInt("template_version"),
                                json.readValue(rs.getString("wording"), PLACEHOLDERS))))
                .list();
    }

    /**
     * Gives a message not yet sent new words, from a newer template version and the same facts.
     *
     * @return false when it has been handed to a channel meanwhile (it goes with the words it had)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean reword(UUID id, NewNotification.Wording words, int templateVersion) {
        return jdbc.sql("""
                        update notification set title = :title, body = :body, template_version = :version
                        where id = :id and status in (:waiting)
                        """)
                .param("title", words.title()).param("body", words.body()).param("version", templateVersion)
                .param("id", id).param("waiting", NotificationTransitions.WAITING).update() == 1;
    }

    /**
     * Moves the reminders of one kind for one appointment type that are not yet handed to a channel to a new lead
     * before their appointment and a new first channel (see {@link NotificationTransitions#replan}).
     *
     * @return how many were re-planned
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int replan(String appointmentType, Purpose purpose, int leadHours, Channel channel) {
        return transitions.replan(appointmentType, purpose, leadHours, channel);
    }

    /**
     * Cancels the appointment's messages not yet handed to a channel. One a dispatcher is sending right now finishes:
     * it cannot be called back, and it was true when it left.
     *
     * @return how many were cancelled
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int cancelPendingFor(UUID appointmentId) {
        return transitions.cancelPendingFor(appointmentId);
    }

    public List<Notification> ofPatient(UUID patientId) {
        return jdbc.sql("select " + COLUMNS + " from notification where patient_id = :patient order by due_at, id")
                .param("patient", patientId).query(Notifications::map).list();
    }

    boolean exists(UUID id) {
        return jdbc.sql("select count(*) from notification where id = :id").param("id", id).query(Long.class)
                .single() == 1;
    }

    /** Whose message it is, for the audit trail of a change made to it. */
    Optional<UUID> patientOf(UUID id) {
        return jdbc.sql("select patient_id from notification where id = :id").param("id", id)
                .query(UUID.class).optional();
    }

    String sentText(UUID id) {
        return jdbc.sql("select sent_text from notification where id = :id").param("id", id)
                .query(String.class).optional().orElse(null);
    }

    /**
     * Puts a FAILED message back in the queue with a fresh budget on every channel, for when the clinic has fixed what
     * stopped it (new contact details, consent given). Keeps its id, and so its idempotency key.
     *
     * @return false when there is no such FAILED message
     */
    @Transactional
    public boolean retry(UUID id) {
        return transitions.requeue(id);
    }

    static Notification map(ResultSet rs, int row) throws SQLException {
        return new Notification(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                Purpose.valueOf(rs.getString("purpose")), rs.getObject("appointment_id", UUID.class),
                rs.getObject("pathway_id", UUID.class), rs.getString("step_code"), rs.getString("title"),
                rs.getString("body"), rs.getString("content_slug"), rs.getString("content_section"),
                instant(rs, "appointment_starts_at"), instant(rs, "appointment_ends_at"),
                Channel.valueOf(rs.getString("preferred_channel")), instant(rs, "due_at"),
                NotificationStatus.valueOf(rs.getString("status")), instant(rs, "next_attempt_at"),
                rs.getInt("attempts"), rs.getString("channel") == null ? null : Channel.valueOf(rs.getString("channel")),
                rs.getBoolean("fallen_back"), rs.getString("last_error"), instant(rs, "sent_at"),
                (Integer) rs.getObject("content_version"), rs.getString("content_hash"),
                (Integer) rs.getObject("calendar_sequence"), rs.getString("calendar_summary"),
                rs.getString("calendar_location"), rs.getObject("provider_id", UUID.class),
                rs.getString("delivery") == null ? null : Delivery.valueOf(rs.getString("delivery")),
                instant(rs, "delivered_at"), false, rs.getString("trace_parent"));
    }

    /** As {@link #map}, for a row just claimed with its {@code tried_before}. */
    static Notification mapClaimed(ResultSet rs, int row) throws SQLException {
        var n = map(rs, row);
        return new Notification(n.id(), n.patientId(), n.purpose(), n.appointmentId(), n.pathwayId(), n.stepCode(),
                n.title(), n.body(), n.contentSlug(), n.contentSection(), n.appointmentStartsAt(),
                n.appointmentEndsAt(), n.preferredChannel(), n.dueAt(), n.status(), n.nextAttemptAt(), n.attempts(),
                n.channel(), n.fallenBack(), n.lastError(), n.sentAt(), n.contentVersion(), n.contentHash(),
                n.calendarSequence(), n.calendarSummary(), n.calendarLocation(), n.providerId(), n.delivery(),
                n.deliveredAt(), rs.getBoolean("tried_before"), n.traceParent());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
