package org.clinicflow.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KeycloakRealmRolesTest {

    private final KeycloakRealmRoles converter = new KeycloakRealmRoles();

    @Test
    void realmRolesBecomeRoleAuthorities() {
        var jwt = token(Map.of("realm_access", Map.of("roles", List.of("receptionist", "offline_access"))));
        assertThat(converter.convert(jwt)).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_receptionist", "ROLE_offline_access");
    }

    @Test
    void clientRolesAndMalformedClaimsGrantNothing() {
        assertThat(converter.convert(token(Map.of("resource_access",
                Map.of("booking-service", Map.of("roles", List.of("clinic-admin"))))))).isEmpty();
        assertThat(converter.convert(token(Map.of("realm_access", "clinic-admin")))).isEmpty();
        assertThat(converter.convert(token(Map.of("realm_access", Map.of("roles", "clinic-admin"))))).isEmpty();
    }

    private static Jwt token(Map<String, Object> claims) {
        var builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("user-1")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }
}
