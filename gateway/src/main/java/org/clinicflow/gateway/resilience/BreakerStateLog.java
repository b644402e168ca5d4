package org.clinicflow.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One log line when a route's breaker opens, half-opens or closes again. While a breaker is open every request gets
 * the fallback; logging each of them would write hundreds of identical warnings a second just when someone is reading
 * the log to find out what happened.
 */
@Component
class BreakerStateLog {

    private static final Logger log = LoggerFactory.getLogger(BreakerStateLog.class);

    BreakerStateLog(CircuitBreakerRegistry breakers) {
        breakers.getAllCircuitBreakers().forEach(BreakerStateLog::watch);
        breakers.getEventPublisher().onEntryAdded(added -> watch(added.getAddedEntry()));
    }

    private static void watch(CircuitBreaker breaker) {
        breaker.getEventPublisher().onStateTransition(event -> log.warn("{} route's circuit breaker went from {} to {}",
                breaker.getName(), event.getStateTransition().getFromState(),
                event.getStateTransition().getToState()));
    }
}
