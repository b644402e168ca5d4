package org.clinicflow.followup.contact;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.clinicflow.platform.audit.AuditAction;
import org.clinicflow.platform.audit.AuditScope;
import org.clinicflow.platform.audit.Audited;
import org.clinicflow.platform.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.UUID;

/** A patient opts out of (or back into) a channel. Consent itself is recorded by reception in booking-service. */
@RestController
@RequestMapping("/api/followup/contact-preferences")
class ContactPreferencesController {

    private final PatientContacts contacts;
    private final Clock clock;

    ContactPreferencesController(PatientContacts contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    record Preferences(@NotNull Boolean emailOptOut, @NotNull Boolean smsOptOut) {
    }

    /** What channels may reach the patient; no addresses or numbers are returned. */
    record PreferencesView(boolean emailOptOut, boolean smsOptOut, boolean emailUsable, boolean smsUsable) {

        static PreferencesView of(PatientContact contact) {
            return new PreferencesView(contact.emailOptOut(), contact.smsOptOut(), contact.mayEmail(),
                    contact.maySms());
        }
    }

    @Operation(summary = "The calling patient's channel opt-outs")
    @GetMapping("/mine")
    @PreAuthorize("hasRole('patient')")
    @Audited(action = AuditAction.READ, record = "contact-preferences")
    PreferencesView mine(Authentication authentication) {
        var patientId = patientOf(authentication);
        return contacts.find(patientId).map(PreferencesView::of)
                .orElseThrow(() -> new NotFoundException("Contact preferences of patient", patientId));
    }

    @Operation(summary = "Opt the calling patient out of, or back into, email and SMS")
    @PutMapping("/mine")
    @PreAuthorize("hasRole('patient')")
    @Audited(action = AuditAction.CHANGE, record = "contact-preferences")
    PreferencesView change(Authentication authentication, @Valid @RequestBody Preferences preferences) {
        var patientId = patientOf(authentication);
        if (!contacts.optOut(patientId, preferences.emailOptOut(), preferences.smsOptOut(), clock.instant())) {
            throw new NotFoundException("Contact preferences of patient", patientId);
        }
        return mine(authentication);
    }

    private static UUID patientOf(Authentication authentication) {
        return AuditScope.callingPatient(authentication)
                .orElseThrow(() -> new NotFoundException("Patient record of the caller", "(none in token)"));
    }
}
