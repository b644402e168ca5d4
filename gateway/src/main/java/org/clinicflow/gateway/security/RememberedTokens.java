package org.clinicflow.gateway.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks each bearer token in full (signature, issuer, audience, expiry) the first time the gateway sees it, then
 * remembers the result for a short while, never past the token's expiry. A client sends the same access token on
 * every request for minutes, and parsing it and verifying its RSA signature was a quarter of what the gateway
 * allocated per authenticated request under load.
 * <p>
 * What this may cost: a token signed with a key that Keycloak withdraws is still let through the gateway for up to
 * {@link #REMEMBER_FOR}. The gateway's check is the early one only: every service verifies every token itself, with
 * its own keys, before it does anything.
 */
final class RememberedTokens implements ReactiveJwtDecoder {

    static final Duration REMEMBER_FOR = Duration.ofSeconds(60);
    /** Far more than the clinic's staff and patients signed in at once; when full, the oldest knowledge goes. */
    static final int CAPACITY = 2_000;

    private final ReactiveJwtDecoder checker;
    private final Clock clock;
    private final Map<String, Remembered> tokens = new ConcurrentHashMap<>();

    RememberedTokens(ReactiveJwtDecoder checker, Clock clock) {
        this.checker = checker;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        var now = clock.instant();
        var remembered = tokens.get(token);
        if (remembered != null && now.isBefore(remembered.until())) {
            return Mono.just(remembered.jwt());
        }
        // Only a token that passed every check is remembered; a refused one is checked again each time it comes.
        return checker.decode(token).doOnNext(jwt -> remember(token, jwt, now));
    }

    private void remember(String token, Jwt jwt, Instant now) {
        var until = now.plus(REMEMBER_FOR);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        if (tokens.size() >= CAPACITY) {
            tokens.values().removeIf(r -> !now.isBefore(r.until()));
            if (tokens.size() >= CAPACITY) {
                tokens.clear();
            }
        }
        tokens.put(token, new Remembered(jwt, until));
    }

    int size() {
        return tokens.size();
    }

    private record Remembered(Jwt jwt, Instant until) {
    }
}
