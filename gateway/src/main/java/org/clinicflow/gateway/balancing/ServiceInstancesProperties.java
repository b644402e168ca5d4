package org.clinicflow.gateway.balancing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The addresses of each service the gateway routes to ({@code clinicflow.gateway.instances.<service>}), a
 * comma-separated list in one setting such as {@code BOOKING_URL}. Locally that lists every instance the stack
 * started; in Kubernetes it is the one address of the service's Service, which spreads connections itself.
 *
 * @param instances by service name as the routes' {@code lb://} addresses name it; never empty for a routed service
 */
@ConfigurationProperties("clinicflow.gateway")
record ServiceInstancesProperties(Map<String, List<URI>> instances) {

    ServiceInstancesProperties {
        instances = instances == null ? Map.of() : Map.copyOf(instances);
    }
}
