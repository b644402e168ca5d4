package org.clinicflow.gateway.forwarding;

import org.springframework.web.server.ServerWebExchange;

/** The address of the client behind a request, as {@link ForwardedHeadersFilter} established it. */
public final class ClientAddress {

    static final String ATTRIBUTE = ClientAddress.class.getName();

    private ClientAddress() {
    }

    public static String of(ServerWebExchange exchange) {
        String address = exchange.getAttribute(ATTRIBUTE);
        if (address != null) {
            return address;
        }
        var remote = exchange.getRequest().getRemoteAddress();
        return remote == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
