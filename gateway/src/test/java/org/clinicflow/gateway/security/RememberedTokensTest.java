package org.clinicflow.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The remembering around the gateway's token check: that it checks less often, and never lets through what the full
 * check would refuse. The full check itself runs against the real Keycloak in TokenAttacksIT and GatewayEdgeIT.
 */
class RememberedTokensTest {

    private static final Instant START = Instant.parse("2026-11-25T09:00:00Z");

    private final AtomicInteger checks = new AtomicInteger();
    /** Stands in for the full check: a token is good if it is in this map, and lives until the time given. */
    private final Map<String, Instant> good = new HashMap<>();
    private Instant now = START;
    private final RememberedTokens tokens = new RememberedTokens(token -> {
        checks.incrementAndGet();
        var expiry = good.get(token);
        if (expiry == null || !now.isBefore(expiry)) {
            return Mono.error(new BadJwtException("refused"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("someone")
                .issuedAt(START).expiresAt(expiry).build());
    }, new MovingClock());

    private void moveTo(Instant when) {
        now = when;
    }

    /** Reads the test's {@link #now}, so a test moves time instead of waiting. */
    private final class MovingClock extends Clock {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aTokenCheckedOnceIsNotCheckedAgainForAWhile() {
        good.put("a", START.plus(Duration.ofMinutes(5)));
        assertThat(tokens.decode("a").block().getSubject()).isEqualTo("someone");
        assertThat(tokens.decode("a").block().getSubject()).isEqualTo("someone");
        assertThat(checks).hasValue(1);

        moveTo(START.plus(RememberedTokens.REMEMBER_FOR));
        tokens.decode("a").block();
        assertThat(checks).as("checked in full again once remembered long enough").hasValue(2);
    }

    @Test
    void aRememberedTokenIsCheckedInFullAgainOnceItHasExpired() {
        good.put("short", START.plus(Duration.ofSeconds(10)));
        tokens.decode("short").block();

        moveTo(START.plus(Duration.ofSeconds(10)));
        assertThatThrownBy(() -> tokens.decode("short").block()).isInstanceOf(BadJwtException.class);
        assertThat(checks).hasValue(2);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);
        good.put("forged", START.plus(Duration.ofMinutes(5)));
        assertThat(tokens.decode("forged").block()).isNotNull();
        assertThat(checks).hasValue(2);
        assertThat(tokens.size()).isEqualTo(1);
    }

    @Test
    void whatIsRememberedStaysBounded() {
        for (int i = 0; i < RememberedTokens.CAPACITY * 2 + 10; i++) {
            good.put("t" + i, START.plus(Duration.ofMinutes(5)));
            tokens.decode("t" + i).block();
        }
        assertThat(tokens.size()).isLessThanOrEqualTo(RememberedTokens.CAPACITY);
    }
}
