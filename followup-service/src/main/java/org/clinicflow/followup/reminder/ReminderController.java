package org.clinicflow.followup.reminder;

import org.clinicflow.platform.time.ClinicZone;
import io.swagger.v3.oas.annotations.Operation;
import org.clinicflow.followup.notification.Notification;
import org.clinicflow.followup.notification.NotificationStatus;
import org.clinicflow.followup.notification.Notifications;
import org.clinicflow.platform.audit.AuditAction;
import org.clinicflow.platform.audit.AuditScope;
import org.clinicflow.platform.audit.Audited;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/followup/reminders")
class ReminderController {

    private final Notifications notifications;

    ReminderController(Notifications notifications) {
        this.notifications = notifications;
    }

    record ReminderView(UUID id, UUID appointmentId, ReminderKind kind, OffsetDateTime dueAt,
                        OffsetDateTime appointmentStartsAt, NotificationStatus status) {

        static ReminderView of(Notification n, ReminderKind kind) {
            return new ReminderView(n.id(), n.appointmentId(), kind, n.dueAt().atZone(ClinicZone.ZONE).toOffsetDateTime(),
                    n.appointmentStartsAt().atZone(ClinicZone.ZONE).toOffsetDateTime(), n.status());
        }
    }

    /** Only ever the caller's own: the patient id comes from the token, never from the request. */
    @Operation(summary = "The calling patient's appointment reminders")
    @GetMapping("/mine")
    @PreAuthorize("hasRole('patient')")
    @Audited(action = AuditAction.READ, record = "reminder")
    List<ReminderView> mine(Authentication authentication) {
        var patientId = AuditScope.callingPatient(authentication);
        return patientId
                .map(patient -> notifications.ofPatient(patient).stream()
                        .flatMap(n -> Arrays.stream(ReminderKind.values())
                                .filter(kind -> kind.purpose() == n.purpose())
                                .map(kind -> ReminderView.of(n, kind)))
                        .toList())
                .orElse(List.of());
    }
}
