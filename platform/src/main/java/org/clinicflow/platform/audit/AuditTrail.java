package org.clinicflow.platform.audit;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * The service's audit records, in its own database. Writing joins whatever transaction is active, which is how an
 * allowed change and its audit record commit together; the table itself refuses updates and deletes.
 */
public class AuditTrail {

    private final JdbcClient jdbc;

    public AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void write(AuditEntry entry) {
        jdbc.sql("""
                        insert into audit_record (user_id, user_roles, action, record_type, record_id, patient_ids,
                                                  outcome, http_status, operation, client_address, correlation_id)
                        values (:user, cast(:roles as text[]), :action, :type, :recordId, cast(:patients as uuid[]),
                                :outcome, :status, :operation, :address, :correlation)
                        """)
                .param("user", entry.userId())
                .param("roles", arrayLiteral(entry.userRoles().stream().sorted().toList()))
                .param("action", entry.action().name())
                .param("type", entry.recordType())
                .param("recordId", entry.recordId())
                .param("patients", arrayLiteral(entry.patientIds().stream().map(UUID::toString).toList()))
                .param("outcome", entry.outcome().name())
                .param("status", entry.httpStatus())
                .param("operation", entry.operation())
                .param("address", entry.clientAddress())
                .param("correlation", entry.correlationId())
                .update();
    }

    /**
     * Newest first. Every criterion is optional; together they narrow the result.
     *
     * @param from inclusive; @param to exclusive
     */
    public Page find(UUID patientId, String userId, OffsetDateTime from, OffsetDateTime to, int page, int size) {
        var where = """
                where (cast(:patient as uuid) is null or patient_ids @> array[cast(:patient as uuid)])
                  and (cast(:user as text) is null or user_id = :user)
                  and (cast(:from as timestamptz) is null or recorded_at >= :from)
                  and (cast(:to as timestamptz) is null or recorded_at < :to)
                """;
        var total = bind(jdbc.sql("select count(*) from audit_record " + where), patientId, userId, from, to)
                .query(Long.class).single();
        var items = bind(jdbc.sql("select * from audit_record " + where
                        + " order by recorded_at desc, id desc limit :limit offset :offset"),
                patientId, userId, from, to)
                .param("limit", size).param("offset", (long) page * size)
                .query((rs, row) -> read(rs)).list();
        return new Page(items, page, size, total);
    }

    /** A page of audit records and how many match in all. */
    public record Page(List<AuditEntry> items, int page, int size, long totalItems) {
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, UUID patientId, String userId,
                                                 OffsetDateTime from, OffsetDateTime to) {
        return statement.param("patient", patientId)
                .param("user", userId)
                .param("from", from)
                .param("to", to);
    }

    private static AuditEntry read(ResultSet rs) throws SQLException {
        int status = rs.getInt("http_status");
        Integer httpStatus = rs.wasNull() ? null : status;
        return new AuditEntry(rs.getLong("id"),
                rs.getTimestamp("recorded_at").toInstant().atOffset(ZoneOffset.UTC),
                rs.getString("user_id"),
                new LinkedHashSet<>(Arrays.asList(strings(rs.getArray("user_roles")))),
                AuditAction.valueOf(rs.getString("action")),
                rs.getString("record_type"),
                rs.getString("record_id"),
                Arrays.stream(strings(rs.getArray("patient_ids"))).map(UUID::fromString).toList(),
                AuditOutcome.valueOf(rs.getString("outcome")),
                httpStatus,
                rs.getString("operation"),
                rs.getString("client_address"),
                rs.getString("correlation_id"));
    }

    private static String[] strings(Array array) throws SQLException {
        if (array == null) {
            return new String[0];
        }
        var values = (Object[]) array.getArray();
        return Arrays.stream(values).map(String::valueOf).toArray(String[]::new);
    }

    /**
     * A PostgreSQL array literal. Roles and UUIDs hold no quotes, commas or braces; quoting each element anyway keeps
     * an unexpected role name from being read as more than one element.
     */
    private static String arrayLiteral(List<String> values) {
        var quoted = values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList();
        return "{" + String.join(",", quoted) + "}";
    }
}
