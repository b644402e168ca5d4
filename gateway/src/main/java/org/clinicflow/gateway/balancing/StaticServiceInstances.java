package org.clinicflow.gateway.balancing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import reactor.core.publisher.Flux;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A fixed list of each service's instances, from {@link ServiceInstancesProperties}, for Spring Cloud LoadBalancer to
 * choose among round-robin behind the routes' {@code lb://} addresses. The list does not follow instances coming and
 * going; an instance that is down refuses connections, and the routes try such a request once more (the Retry default
 * filter in application.yml), which is safe because nothing reached the service. {@link RefusingInstances} leaves
 * such an instance out for a few seconds, so the retry and the requests after it go to the others.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceInstancesProperties.class)
class StaticServiceInstances {

    @Bean
    ReactiveDiscoveryClient clinicServiceInstances(ServiceInstancesProperties properties,
                                                   RefusingInstances refusing) {
        Map<String, List<ServiceInstance>> byService = properties.instances().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> {
                    var addresses = entry.getValue();
                    return IntStream.range(0, addresses.size())
                            .<ServiceInstance>mapToObj(i -> new DefaultServiceInstance(entry.getKey() + "-" + (i + 1),
                                    entry.getKey(), addresses.get(i).getHost(), addresses.get(i).getPort(),
                                    "https".equals(addresses.get(i).getScheme())))
                            .toList();
                }));
        return new ReactiveDiscoveryClient() {
            @Override
            public String description() {
                return "clinicflow's configured service instances";
            }

            @Override
            public Flux<ServiceInstance> getInstances(String serviceId) {
                return Flux.fromIterable(refusing.available(byService.getOrDefault(serviceId, List.of())));
            }

            @Override
            public Flux<String> getServices() {
                return Flux.fromIterable(byService.keySet());
            }

            @Override
            public int getOrder() {
                return Ordered.HIGHEST_PRECEDENCE;
            }
        };
    }
}
