package org.clinicflow.followup.reminder;

import io.swagger.v3.oas.annotations.Operation;
import org.clinicflow.followup.notification.Purpose;
import org.clinicflow.followup.reminder.MessageTemplates.TemplateChange;
import org.clinicflow.platform.audit.AuditAction;
import org.clinicflow.platform.audit.Audited;
import org.clinicflow.platform.security.ClinicUser;
import org.clinicflow.platform.time.ClinicZone;
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

import java.time.OffsetDateTime;
import java.util.List;

/** The words of appointment messages: reception and clinic admins read them, a clinic admin changes them. */
@RestController
@RequestMapping("/api/followup/message-templates")
class MessageTemplateController {

    private final MessageTemplates templates;

    MessageTemplateController(MessageTemplates templates) {
        this.templates = templates;
    }

    record TemplateView(Purpose purpose, int version, String title, String body, String changedBy,
                        OffsetDateTime changedAt, String reason) {

        static TemplateView of(MessageTemplate t) {
            return new TemplateView(t.purpose(), t.version(), t.title(), t.body(), t.changedBy(), at(t), t.reason());
        }
    }

    record VersionView(int version, String title, String body, String changedBy, OffsetDateTime changedAt,
                       String reason) {

        static VersionView of(MessageTemplate t) {
            return new VersionView(t.version(), t.title(), t.body(), t.changedBy(), at(t), t.reason());
        }
    }

    /** @param history every earlier version, newest first */
    record TemplateWithHistoryView(Purpose purpose, int version, String title, String body, String changedBy,
                                   OffsetDateTime changedAt, String reason, List<VersionView> history) {
    }

    @Operation(summary = "The current words of every appointment message (clinic admin, reception)")
    @GetMapping
    @PreAuthorize("hasAnyRole('clinic-admin', 'receptionist')")
    List<TemplateView> all() {
        return templates.allCurrent().stream().map(TemplateView::of).toList();
    }

    @Operation(summary = "The current words of one appointment message, its version as ETag, and every earlier "
            + "version (clinic admin, reception)")
    @GetMapping("/{purpose}")
    @PreAuthorize("hasAnyRole('clinic-admin', 'receptionist')")
    ResponseEntity<TemplateWithHistoryView> one(@PathVariable String purpose) {
        var found = templates.history(purpose);
        var t = found.current();
        return ResponseEntity.ok().header(HttpHeaders.ETAG, Versions.etag(t.version()))
                .body(new TemplateWithHistoryView(t.purpose(), t.version(), t.title(), t.body(), t.changedBy(), at(t),
                        t.reason(), found.earlier().stream().map(VersionView::of).toList()));
    }

    @Operation(summary = "New words for an appointment message, a new version that also words the messages not yet "
            + "sent (clinic admin; If-Match required)")
    @PutMapping("/{purpose}")
    @PreAuthorize("hasRole('clinic-admin')")
    @Audited(action = AuditAction.CHANGE, record = "message-template", id = "#purpose")
    ResponseEntity<TemplateView> change(@PathVariable String purpose, @RequestBody TemplateChange change,
                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        Authentication authentication) {
        var changed = templates.change(purpose, ifMatch, change, ClinicUser.of(authentication).userId());
        return ResponseEntity.ok().header(HttpHeaders.ETAG, Versions.etag(changed.version()))
                .body(TemplateView.of(changed));
    }

    private static OffsetDateTime at(MessageTemplate t) {
        return t.changedAt().atZone(ClinicZone.ZONE).toOffsetDateTime();
    }
}
