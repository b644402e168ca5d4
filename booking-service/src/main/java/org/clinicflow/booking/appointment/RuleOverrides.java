package org.clinicflow.booking.appointment;

import org.clinicflow.platform.audit.AuditAction;
import org.clinicflow.platform.audit.AuditEntry;
import org.clinicflow.platform.audit.AuditOutcome;
import org.clinicflow.platform.audit.AuditTrail;
import org.clinicflow.platform.correlation.CorrelationId;
import org.clinicflow.platform.security.ClinicUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Keeps each booking rule a staff member went past: a row in {@code booking_rule_override} with the reason, and an
 * audit record of its own (who, which rule, which appointment and patient) pointing at that row. Both are written in
 * the transaction of the change they allowed, so an override is never kept for a change that was not.
 * <p>
 * The reason is free text that may mention the patient; like every free text it stays out of the audit record, which
 * names the row that holds it.
 */
@Component
class RuleOverrides {

    static final String AUDIT_RECORD = "booking-rule-override";

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    RuleOverrides(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A rule overridden, as the history of an appointment shows it. */
    record Override(String rule, String action, String reason, String overriddenBy, String overriddenByName,
                    Instant overriddenAt) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void record(Appointment appointment, AppointmentChange.Action action, List<BookingRules.Broken> overridden,
                String reason, ClinicUser by, Instant at) {
        for (var broken : overridden) {
            long id = jdbc.sql("""
                            insert into booking_rule_override (appointment_id, action, rule, reason, overridden_by,
                                                               overridden_by_name, overridden_at)
                            values (:appointment, :action, :rule, :reason, :by, :name, :at) returning id""")
                    .param("appointment", appointment.id()).param("action", action.name())
                    .param("rule", broken.rule().name()).param("reason", reason).param("by", by.userId())
                    .param("name", by.name()).param("at", Timestamp.from(at))
                    .query(Long.class).single();
            audit.write(new AuditEntry(null, null, by.userId(), by.roles(), AuditAction.CREATE, AUDIT_RECORD,
                    String.valueOf(id), appointment.patientId() == null ? List.of() : List.of(appointment.patientId()),
                    AuditOutcome.ALLOWED, null,
                    "override " + broken.rule().name() + " on " + action.name() + " of appointment " + appointment.id(),
                    null, CorrelationId.current().orElse(null)));
        }
    }

    @Transactional(readOnly = true)
    List<Override> of(java.util.UUID appointmentId) {
        return jdbc.sql("""
                        select rule, action, reason, overridden_by, overridden_by_name, overridden_at
                        from booking_rule_override where appointment_id = :id order by id""")
                .param("id", appointmentId)
                .query((rs, row) -> new Override(rs.getString("rule"), rs.getString("action"), rs.getString("reason"),
                        rs.getString("overridden_by"), rs.getString("overridden_by_name"),
                        rs.getTimestamp("overridden_at").toInstant()))
                .list();
    }
}
