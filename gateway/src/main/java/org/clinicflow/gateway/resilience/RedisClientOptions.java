package org.clinicflow.gateway.resilience;

import io.lettuce.core.ClientOptions;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * While its connection to Redis is down, Lettuce by default queues each command until it reconnects or the command's
 * time runs out, so every routed request would wait the whole timeout for its rate limits. Refused at once instead,
 * the request goes on unchecked (the rate limits fail open) or a browser session is answered 503 at once (ADR 8).
 */
@Configuration(proxyBeanMethods = false)
class RedisClientOptions {

    @Bean
    LettuceClientOptionsBuilderCustomizer refuseCommandsWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }
}
