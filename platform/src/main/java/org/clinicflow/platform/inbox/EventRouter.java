package org.clinicflow.platform.inbox;

import org.springframework.dao.DataAccessException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.HashMap;
import java.util.Map;

/**
 * The one shape of a consumer: read the CloudEvent, hand each type this consumer cares about to its handler with its
 * payload read into the consumer's own type, and ignore the rest. Each consumer reads the producer's payload through a
 * tolerant reader, a record of just the fields it needs: fields it does not know are skipped, so a producer may add
 * some without breaking it (the schemas in {@code contracts} are checked on the producer's side).
 * <p>
 * Whether an effect needs the inbox is the handler's to say, through {@link Delivery#first()}: an effect that sets a
 * value is harmless to repeat and costs no write; one that adds something (a message, a pathway) asks first.
 * A payload that cannot be read, or a handler refusing it as incomplete, is a {@link MalformedEventException}: it goes
 * to the dead letters at once. Database trouble is thrown as it is, and retried.
 */
public final class EventRouter {

    /** What a handler knows of the delivery besides its payload. */
    public interface Delivery {

        IncomingEvent event();

        /** True the first time this consumer sees this event (recorded in the inbox, in the handler's transaction). */
        boolean first();
    }

    @FunctionalInterface
    public interface Handler<T> {
        void handle(T payload, Delivery delivery);
    }

    private record Route<T>(Class<T> payload, Handler<T> handler) {
    }

    private static final JsonMapper READER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final String consumer;
    private final Inbox inbox;
    private final Map<String, Route<?>> routes = new HashMap<>();

    private EventRouter(String consumer, Inbox inbox) {
        this.consumer = consumer;
        this.inbox = inbox;
    }

    /** @param consumer the name this consumer's deliveries are recorded under in the inbox */
    public static EventRouter forConsumer(String consumer, Inbox inbox) {
        return new EventRouter(consumer, inbox);
    }

    /** Hands events of this type, read as {@code payload}, to the handler. */
    public <T> EventRouter on(String eventType, Class<T> payload, Handler<T> handler) {
        if (routes.putIfAbsent(eventType, new Route<>(payload, handler)) != null) {
            throw new IllegalStateException("Two handlers for " + eventType + " in " + consumer);
        }
        return this;
    }

    /** Reads one record and hands it on; call it inside the listener's transaction. */
    public void route(String record) {
        var event = inbox.read(record);
        var route = routes.get(event.type());
        if (route != null) {
            handle(route, event);
        }
    }

    private <T> void handle(Route<T> route, IncomingEvent event) {
        T payload;
        try {
            payload = READER.treeToValue(event.data(), route.payload());
        } catch (JacksonException | IllegalArgumentException e) {
            throw new MalformedEventException(event.type() + " event " + event.id() + " cannot be read", e);
        }
        if (payload == null) {
            throw new MalformedEventException(event.type() + " event " + event.id() + " has no data");
        }
        var delivery = new Delivery() {
            @Override
            public IncomingEvent event() {
                return event;
            }

            @Override
            public boolean first() {
                return inbox.firstDelivery(consumer, event);
            }
        };
        try {
            route.handler().handle(payload, delivery);
        } catch (MalformedEventException | DataAccessException e) {
            throw e;
        } catch (NullPointerException e) {
            // A tolerant reader leaves a missing field null; the handler that needed it says so by failing here.
            throw new MalformedEventException(event.type() + " event " + event.id() + " lacks required data", e);
        }
    }
}
