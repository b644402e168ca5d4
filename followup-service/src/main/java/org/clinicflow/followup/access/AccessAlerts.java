package org.clinicflow.followup.access;

import org.clinicflow.platform.audit.AuditScope;
import org.clinicflow.platform.security.ClinicUser;
import org.clinicflow.platform.time.ClinicZone;
import org.clinicflow.platform.web.ConflictException;
import org.clinicflow.platform.web.NotFoundException;
import org.clinicflow.platform.web.Versions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The owner of {@code access_alert}. An alert is raised once per enquiry and kind: the unique constraint decides,
 * so the same warning delivered twice, or raised again under a new event id, leaves one alert and (for a breach) one
 * email (ADR 17). An alert stays on reception's worklist until someone acknowledges it.
 */
@Component
class AccessAlerts {

    private final JdbcClient jdbc;
    private final Clock clock;

    AccessAlerts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @param patientId null while the caller is not yet registered */
    record Warning(UUID enquiryId, UUID patientId, AccessAlertKind kind, Instant firstContactAt, Instant deadline,
                   Instant raisedAt, UUID eventId) {
    }

    /**
     * @param acknowledgedBy the user id (Keycloak subject) who acknowledged it, never a name; null while open
     * @param emailStatus    breaches only: PENDING, SENT or FAILED; null for an at-risk alert
     */
    record AlertView(UUID id, UUID enquiryId, UUID patientId, AccessAlertKind kind, OffsetDateTime firstContactAt,
                     OffsetDateTime deadline, OffsetDateTime raisedAt, OffsetDateTime acknowledgedAt,
                     String acknowledgedBy, String emailStatus, long version) {
    }

    /** @return whether this warning raised a new alert (false: it had been raised already) */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean raise(Warning warning) {
        var now = clock.instant();
        var breach = warning.kind() == AccessAlertKind.BREACHED;
        return jdbc.sql("""
                        insert into access_alert (id, enquiry_id, patient_id, kind, first_contact_at, deadline,
                            raised_at, source_event_id, created_at, email_status, email_next_attempt_at)
                        values (:id, :enquiry, :patient, :kind, :firstContact, :deadline, :raised, :event, :now,
                            :emailStatus, :emailDue)
                        on conflict (enquiry_id, kind) do nothing
                        """)
                .param("id", UUID.randomUUID()).param("enquiry", warning.enquiryId())
                .param("patient", warning.patientId()).param("kind", warning.kind().name())
                .param("firstContact", utc(warning.firstContactAt())).param("deadline", utc(warning.deadline()))
                .param("raised", utc(warning.raisedAt())).param("event", warning.eventId()).param("now", utc(now))
                .param("emailStatus", breach ? "PENDING" : null).param("emailDue", breach ? utc(now) : null)
                .update() == 1;
    }

    @Transactional(readOnly = true)
    AlertView find(UUID id) {
        return jdbc.sql("select * from access_alert where id = :id").param("id", id).query(AccessAlerts::map)
                .optional().orElseThrow(() -> new NotFoundException("Access alert", id));
    }

    @Transactional(readOnly = true)
    List<AlertView> open(int limit) {
        return jdbc.sql("""
                        select * from access_alert where acknowledged_at is null
                        order by deadline, kind desc, id limit :limit
                        """)
                .param("limit", limit).query(AccessAlerts::map).list();
    }

    /** Someone at the clinic has seen the alert and is acting on it; it leaves the worklist, the record stays. */
    @Transactional(propagation = Propagation.MANDATORY)
    AlertView acknowledge(UUID id, String ifMatch, ClinicUser by) {
        var alert = jdbc.sql("select * from access_alert where id = :id for update").param("id", id)
                .query(AccessAlerts::map).optional()
                .orElseThrow(() -> new NotFoundException("Access alert", id));
        AuditScope.patient(alert.patientId());
        Versions.requireMatch(ifMatch, alert.version());
        if (alert.acknowledgedAt() != null) {
            throw new ConflictException("This alert was acknowledged already");
        }
        jdbc.sql("""
                        update access_alert set acknowledged_at = :now, acknowledged_by = :by, version = version + 1
                        where id = :id
                        """)
                .param("id", id).param("now", utc(clock.instant())).param("by", by.userId()).update();
        return find(id);
    }

    static AlertView map(ResultSet rs, int row) throws SQLException {
        return new AlertView(rs.getObject("id", UUID.class), rs.getObject("enquiry_id", UUID.class),
                rs.getObject("patient_id", UUID.class), AccessAlertKind.valueOf(rs.getString("kind")),
                local(rs.getObject("first_contact_at", OffsetDateTime.class)),
                local(rs.getObject("deadline", OffsetDateTime.class)),
                local(rs.getObject("raised_at", OffsetDateTime.class)),
                local(rs.getObject("acknowledged_at", OffsetDateTime.class)), rs.getString("acknowledged_by"),
                rs.getString("email_status"), rs.getLong("version"));
    }

    private static OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(ClinicZone.ZONE).toOffsetDateTime();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
