package org.clinicflow.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

/**
 * The gateway's own settings ({@code clinicflow.gateway.*}).
 *
 * @param webOrigins     the origins of the clinic's web front end: the only ones CORS lets call the API from a browser
 * @param trustedProxies a regular expression of the addresses of proxies in front of the gateway (a load balancer)
 *                       whose {@code X-Forwarded-For} is believed; empty to believe none
 * @param perUser        the limit per signed-in user (the token's subject)
 * @param perAddress     the limit per client address, which also covers callers without a token
 * @param selfReferrals  the limit per client address on submitting a self-referral (the public form and its API),
 *                       on top of the others: a person refers themselves once, a script a thousand times
 * @param maxRequestSize the largest request body the gateway passes on (by its {@code Content-Length})
 * @param redisNamespace the prefix of every key the gateway keeps in Redis (sessions and rate limits): gateways with the
 *                       same one share them
 * @param revalidation   how long the gateway answers an anonymous reader's revalidation of a public page itself,
 *                       from the tag the service last gave for it (see the gateway's {@code revalidation} package)
 */
@ConfigurationProperties("clinicflow.gateway")
public record GatewayProperties(@DefaultValue("http://localhost:8080") List<String> webOrigins,
                                @DefaultValue("") String trustedProxies,
                                @DefaultValue Limit perUser,
                                @DefaultValue Limit perAddress,
                                @DefaultValue Limit selfReferrals,
                                @DefaultValue("clinicflow:gateway") String redisNamespace,
                                @DefaultValue("5s") Duration revalidation,
                                @DefaultValue("1MB") DataSize maxRequestSize) {

    /**
     * A token bucket: up to {@code capacity} requests at once, refilled evenly to {@code capacity} per
     * {@code period} (whole seconds; the buckets are counted in Redis by its clock's seconds).
     */
    public record Limit(@DefaultValue("300") int capacity, @DefaultValue("1m") Duration period) {
    }
}
