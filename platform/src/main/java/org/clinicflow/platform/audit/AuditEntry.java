package org.clinicflow.platform.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One audit record: who (user id and roles, never a name), what (action, record type and id, the patients reached),
 * when, from where (client address, correlation id) and how it ended.
 *
 * @param id          the database's sequence number; null before the record is written
 * @param recordedAt  set by the database when written; null before
 * @param userId      Keycloak subject id, or null for an unauthenticated caller
 * @param recordId    null when the call named no single record
 * @param httpStatus  the status the caller was answered, or null when it is not known here
 * @param operation   HTTP method and path pattern, such as {@code GET /api/booking/appointments/{id}}
 */
public record AuditEntry(Long id, OffsetDateTime recordedAt, String userId, Set<String> userRoles,
                         AuditAction action, String recordType, String recordId, List<UUID> patientIds,
                         AuditOutcome outcome, Integer httpStatus, String operation, String clientAddress,
                         String correlationId) {
}
