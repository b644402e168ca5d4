package org.clinicflow.followup.reminder;

import io.swagger.v3.oas.annotations.Operation;
import org.clinicflow.followup.notification.Channel;
import org.clinicflow.followup.reminder.ReminderTimings.TimingChange;
import org.clinicflow.platform.audit.AuditAction;
import org.clinicflow.platform.audit.Audited;
import org.clinicflow.platform.security.ClinicUser;
import org.clinicflow.platform.web.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** When reminders go per appointment type: reception and clinic admins read it, a clinic admin changes it. */
@RestController
@RequestMapping("/api/followup/reminder-timings")
class ReminderTimingController {

    private final ReminderTimings timings;

    ReminderTimingController(ReminderTimings timings) {
        this.timings = timings;
    }

    record TimingView(String appointmentType, ReminderKind purpose, int leadHours, Channel channel, int version) {

        static TimingView of(ReminderTiming t) {
            return new TimingView(t.appointmentType(), t.kind(), t.leadHours(), t.channel(), t.version());
        }
    }

    /** @param replanned how many reminders not yet sent were planned again by the new timing */
    record ChangedTimingView(String appointmentType, ReminderKind purpose, int leadHours, Channel channel, int version,
                             int replanned) {
    }

    @Operation(summary = "When each reminder goes, per appointment type (clinic admin, reception)")
    @GetMapping
    @PreAuthorize("hasAnyRole('clinic-admin', 'receptionist')")
    List<TimingView> all() {
        return timings.all().stream().map(TimingView::of).toList();
    }

    @Operation(summary = "Change when a reminder goes for an appointment type; re-plans the reminders not yet sent "
            + "(clinic admin; If-Match required)")
    @PutMapping("/{appointmentType}/{purpose}")
    @PreAuthorize("hasRole('clinic-admin')")
    @Audited(action = AuditAction.CHANGE, record = "reminder-timing", id = "#appointmentType + '/' + #purpose")
    ResponseEntity<ChangedTimingView> change(@PathVariable String appointmentType, @PathVariable String purpose,
                                             @RequestBody TimingChange change,
                                             @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                             String ifMatch, Authentication authentication) {
        var changed = timings.change(appointmentType, purpose, ifMatch, change,
                ClinicUser.of(authentication).userId());
        var t = changed.timing();
        return ResponseEntity.ok().header(HttpHeaders.ETAG, Versions.etag(t.version()))
                .body(new ChangedTimingView(t.appointmentType(), t.kind(), t.leadHours(), t.channel(), t.version(),
                        changed.replanned()));
    }
}
