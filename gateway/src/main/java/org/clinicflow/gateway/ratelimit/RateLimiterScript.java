package org.clinicflow.gateway.ratelimit;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Spring Cloud Gateway's own token-bucket script, read once at start-up. The gateway's bean keeps it as a classpath
 * resource and asks on every call whether the file has changed, which opens the jar each time: 3-4% of the gateway's
 * CPU per request in the tail benchmark (docs/benchmarks.md), for a file that cannot change. The same text goes to
 * Redis under the same SHA-1, so the limits themselves are untouched.
 */
@Configuration(proxyBeanMethods = false)
class RateLimiterScript {

    @Bean
    static BeanPostProcessor rateLimiterScriptReadOnce() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (RedisRateLimiter.REDIS_SCRIPT_NAME.equals(name) && bean instanceof RedisScript<?> script) {
                    return RedisScript.of(script.getScriptAsString(), script.getResultType());
                }
                return bean;
            }
        };
    }
}
