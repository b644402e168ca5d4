package org.clinicflow.followup.notification;

import org.clinicflow.platform.time.ClinicZone;
import io.swagger.v3.oas.annotations.Operation;
import org.clinicflow.platform.audit.AuditAction;
import org.clinicflow.platform.audit.AuditScope;
import org.clinicflow.platform.audit.Audited;
import org.clinicflow.platform.web.ConflictException;
import org.clinicflow.platform.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/followup/notifications")
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    /**
     * What the patient was or will be sent, and how delivery stands.
     *
     * @param text           the words as sent; null until sent
     * @param contentVersion the published content version quoted, or null
     * @param delivery       what the provider says became of a text it accepted; null when it never says (email)
     * @param deliveredAt    when it reached the phone, once the provider says so
     */
    record NotificationView(UUID id, Purpose purpose, String title, UUID appointmentId, OffsetDateTime dueAt,
                            NotificationStatus status, Channel channel, OffsetDateTime sentAt, String text,
                            String contentSlug, Integer contentVersion, Delivery delivery,
                            OffsetDateTime deliveredAt) {

        static NotificationView of(Notification n, String text) {
            return new NotificationView(n.id(), n.purpose(), n.title(), n.appointmentId(), show(n.dueAt()),
                    n.status(), n.channel(), show(n.sentAt()), text, n.contentSlug(), n.contentVersion(),
                    n.delivery(), show(n.deliveredAt()));
        }
    }

    /** Only ever the caller's own: the patient id comes from the token, never from the request. */
    @Operation(summary = "The calling patient's notifications and their delivery status")
    @GetMapping("/mine")
    @PreAuthorize("hasRole('patient')")
    @Audited(action = AuditAction.READ, record = "notification")
    List<NotificationView> mine(Authentication authentication) {
        var patientId = AuditScope.callingPatient(authentication);
        return patientId
                .map(patient -> notifications.ofPatient(patient).stream()
                        .map(n -> NotificationView.of(n, notifications.sentText(n.id())))
                        .toList())
                .orElse(List.of());
    }

    /** The clinic retries a message the worklist shows as failed, once it has fixed the cause. */
    @Operation(summary = "Send a failed message again (reception, clinic admin)")
    @PostMapping("/{id}/retry")
    @PreAuthorize("hasAnyRole('receptionist', 'clinic-admin')")
    @Audited(action = AuditAction.CHANGE, record = "notification", id = "#id")
    ResponseEntity<Void> retry(@PathVariable UUID id) {
        notifications.patientOf(id).ifPresent(AuditScope::patient);
        if (!notifications.retry(id)) {
            var exists = notifications.exists(id);
            if (!exists) {
                throw new NotFoundException("Notification", id);
            }
            throw new ConflictException("Notification " + id + " has not failed; only failed messages are retried");
        }
        return ResponseEntity.accepted().build();
    }

    private static OffsetDateTime show(Instant instant) {
        return instant == null ? null : instant.atZone(ClinicZone.ZONE).toOffsetDateTime();
    }
}
