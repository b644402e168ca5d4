package org.clinicflow.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The caller behind a request, as the token tells it.
 *
 * @param userId      Keycloak's subject id; what audit records and "booked by" fields hold, never a name
 * @param name        the person's name as their colleagues know it (staff names are not patient data), shown where
 *                    a record says who changed it
 * @param patientId   set only for a patient's token: the one patient record this caller may reach
 * @param clinicianId set only for a clinician's token: whose lists are "my lists"
 */
public record ClinicUser(String userId, String name, Set<String> roles, Optional<UUID> patientId, Optional<UUID> clinicianId) {

    public static ClinicUser of(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            throw new IllegalStateException("Expected a bearer token authentication");
        }
        var roles = token.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_")).map(authority -> authority.substring(5))
                .collect(Collectors.toUnmodifiableSet());
        var name = java.util.stream.Stream.of("name", "preferred_username")
                .map(claim -> token.getToken().getClaimAsString(claim))
                .filter(value -> value != null && !value.isBlank()).findFirst().orElse("Unnamed user");
        return new ClinicUser(token.getToken().getSubject(), name, roles,
                uuidClaim(token, "patient_id"), uuidClaim(token, "clinician_id"));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Reception, surgeons and clinic admins: the people who may see patients other than themselves. */
    public boolean isClinicStaff() {
        return hasRole(ClinicRole.RECEPTIONIST) || hasRole(ClinicRole.SURGEON) || hasRole(ClinicRole.CLINIC_ADMIN);
    }

    private static Optional<UUID> uuidClaim(JwtAuthenticationToken token, String claim) {
        String value = token.getToken().getClaimAsString(claim);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            // A malformed claim must not grant anything: treat it as absent.
            return Optional.empty();
        }
    }
}
