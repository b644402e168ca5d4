package org.clinicflow.followup.reminder;

import io.swagger.v3.oas.annotations.Operation;
import org.clinicflow.platform.security.ClinicUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/followup/reminders")
class ReminderController {

    private static final ZoneId CLINIC_ZONE = ZoneId.of("Europe/London");

    private final ReminderRepository reminders;

    ReminderController(ReminderRepository reminders) {
        this.reminders = reminders;
    }

    record ReminderView(UUID id, UUID appointmentId, ReminderKind kind, OffsetDateTime dueAt,
                        OffsetDateTime appointmentStartsAt, Reminder.Status status) {

        static ReminderView of(Reminder reminder) {
            return new ReminderView(reminder.id(), reminder.appointmentId(), reminder.kind(),
                    reminder.dueAt().atZone(CLINIC_ZONE).toOffsetDateTime(),
                    reminder.appointmentStartsAt().atZone(CLINIC_ZONE).toOffsetDateTime(), reminder.status());
        }
    }

    /** Only ever the caller's own: the patient id comes from the token, never from the request. */
    @Operation(summary = "The calling patient's reminders")
    @GetMapping("/mine")
    @PreAuthorize("hasRole('patient')")
    @Transactional(readOnly = true)
    List<ReminderView> mine(Authentication authentication) {
        return ClinicUser.of(authentication).patientId()
                .map(patientId -> reminders.findByPatientIdOrderByDueAt(patientId).stream()
                        .map(ReminderView::of).toList())
                .orElse(List.of());
    }
}
