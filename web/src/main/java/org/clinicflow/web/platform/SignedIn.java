package org.clinicflow.web.platform;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Optional;
import java.util.UUID;

/**
 * Who is using the page, from the relayed token: a name to greet, their roles and, for a surgeon, which clinician
 * they are. The roles only shape the page (navigation, which buttons show); every service still checks them itself.
 */
public record SignedIn(String userName, String displayName, boolean receptionist, boolean surgeon, boolean admin,
                       boolean editor, Optional<UUID> clinicianId, boolean patient) {

    public static Optional<SignedIn> current() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
                ? Optional.of(of(token)) : Optional.empty();
    }

    /** @throws IllegalStateException on a page that needs a user: the security chain lets no one else reach it */
    public static SignedIn required() {
        return current().orElseThrow(() -> new IllegalStateException("No signed-in user"));
    }

    static SignedIn of(JwtAuthenticationToken token) {
        var jwt = token.getToken();
        var userName = jwt.getClaimAsString("preferred_username");
        var name = jwt.getClaimAsString("name");
        return new SignedIn(userName, name == null || name.isBlank() ? userName : name,
                has(token, "receptionist"), has(token, "surgeon"), has(token, "clinic-admin"),
                has(token, "content-editor"), uuid(jwt.getClaimAsString("clinician_id")), has(token, "patient"));
    }

    /** Reception and clinic admins work the desk: book, move, cancel, check in. */
    public boolean desk() {
        return receptionist || admin;
    }

    private static boolean has(Authentication authentication, String role) {
        return authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
