package org.clinicflow.followup.contact;

import io.swagger.v3.oas.annotations.Operation;
import org.clinicflow.platform.audit.AuditAction;
import org.clinicflow.platform.audit.AuditScope;
import org.clinicflow.platform.audit.Audited;
import org.clinicflow.platform.web.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/**
 * The link in an email's {@code List-Unsubscribe} header and footer. A mail client's one click POSTs to it (RFC 8058);
 * a GET, which link checkers and previews make, only shows a button that does the same, so nobody is opted out by a
 * scanner. Opting back in is on the patient's own page, signed in.
 */
@RestController
class OptOutController {

    private final OptOutLinks links;
    private final PatientContacts contacts;
    private final Clock clock;

    OptOutController(OptOutLinks links, PatientContacts contacts, Clock clock) {
        this.links = links;
        this.contacts = contacts;
        this.clock = clock;
    }

    @Operation(summary = "One-click opt-out of email (RFC 8058), from a link the patient was sent")
    @PostMapping(OptOutLinks.PATH + "{token}")
    @Audited(action = AuditAction.CHANGE, record = "contact-preferences")
    OptedOut optOut(@PathVariable String token) {
        var patientId = links.patientOf(token)
                .orElseThrow(() -> new NotFoundException("Opt-out link", "(not one the clinic sent)"));
        AuditScope.patients(List.of(patientId));
        if (!contacts.optOutOfEmail(patientId, clock.instant())) {
            throw new NotFoundException("Opt-out link", "(not one the clinic sent)");
        }
        return new OptedOut("EMAIL", "You will not get any more emails from the clinic. You can turn them back on "
                + "from your account, or by asking reception.");
    }

    record OptedOut(String channel, String message) {
    }

    @Operation(summary = "A page with the button that opts out of email")
    @GetMapping(value = OptOutLinks.PATH + "{token}", produces = MediaType.TEXT_HTML_VALUE)
    @Audited(action = AuditAction.READ, record = "contact-preferences")
    String confirm(@PathVariable String token) {
        var patientId = links.patientOf(token)
                .orElseThrow(() -> new NotFoundException("Opt-out link", "(not one the clinic sent)"));
        AuditScope.patients(List.of(patientId));
        return """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Stop emails from the clinic</title></head>
                <body style="font-family: Arial, sans-serif; font-size: 1.2rem; max-width: 40rem; margin: 2rem auto">
                <h1>Stop emails from the clinic</h1>
                <p>Press the button to stop getting emails from us. We can still text you if you agreed to texts.</p>
                <form method="post"><button type="submit" style="font-size: 1.2rem; padding: .5rem 1rem">
                Stop emails</button></form></body></html>
                """;
    }
}
