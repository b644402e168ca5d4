package org.clinicflow.gateway.security;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.stereotype.Component;

/**
 * The port the gateway's actuator listens on, once its server has started. Unlike the services, the gateway forwards
 * every path it does not own to the screens, so a rule by path alone would pass {@code /actuator/prometheus} on the
 * public port on to web; a rule that also names this port keeps it answered 404 there, by the gateway itself.
 */
@Component
class ManagementPort implements ApplicationListener<WebServerInitializedEvent> {

    private static final String MANAGEMENT = "management";

    /** -1 until the management server has started (and for good when it shares the public port). */
    private volatile int port = -1;

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (WebServerApplicationContext.hasServerNamespace(event.getApplicationContext(), MANAGEMENT)) {
            port = event.getWebServer().getPort();
        }
    }

    /** Requests that arrived on the management port. */
    ServerWebExchangeMatcher requests() {
        return exchange -> {
            var local = exchange.getRequest().getLocalAddress();
            return local != null && local.getPort() == port ? ServerWebExchangeMatcher.MatchResult.match()
                    : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
    }
}
