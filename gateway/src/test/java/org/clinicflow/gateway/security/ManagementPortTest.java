package org.clinicflow.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ManagementPortTest {

    @Test
    void onlyRequestsOnTheManagementServersPortMatch() {
        var managementPort = new ManagementPort();
        assertThat(matches(managementPort, 9080)).as("before the management server started").isFalse();

        managementPort.onApplicationEvent(started("server", 8080));
        managementPort.onApplicationEvent(started("management", 9080));

        assertThat(matches(managementPort, 9080)).isTrue();
        assertThat(matches(managementPort, 8080)).as("the public port").isFalse();
    }

    private static boolean matches(ManagementPort managementPort, int localPort) {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/actuator/prometheus")
                .localAddress(new InetSocketAddress("127.0.0.1", localPort)));
        return managementPort.requests().matches(exchange).block().isMatch();
    }

    private static WebServerInitializedEvent started(String namespace, int port) {
        var context = mock(WebServerApplicationContext.class);
        when(context.getServerNamespace()).thenReturn(namespace);
        var server = mock(WebServer.class);
        when(server.getPort()).thenReturn(port);
        var event = mock(WebServerInitializedEvent.class);
        when(event.getApplicationContext()).thenReturn(context);
        when(event.getWebServer()).thenReturn(server);
        return event;
    }
}
