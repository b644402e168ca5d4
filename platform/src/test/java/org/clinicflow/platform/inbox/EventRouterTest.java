package org.clinicflow.platform.inbox;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Objects;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a consumer reads and hands on events, without a broker or a database (no handler here asks the inbox). */
class EventRouterTest {

    /** A tolerant reader: two of the producer's fields, one of them required. */
    record Performed(UUID procedureId, LocalDate performedOn) {
        Performed {
            Objects.requireNonNull(procedureId, "procedureId");
        }
    }

    private final Inbox inbox = new Inbox(null, JsonMapper.builder().build());

    private static String event(String type, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"/test","type":"%s","subject":"s",
                 "time":"2026-12-03T10:00:00Z","data":%s}""".formatted(UUID.randomUUID(), type, data);
    }

    @Test
    void eachTypeGoesToItsHandlerReadAsTheConsumersOwnTypeAndUnknownFieldsAreIgnored() {
        var seen = new ArrayList<Performed>();
        var router = EventRouter.forConsumer("test", inbox)
                .on("procedure-completed.v1", Performed.class, (performed, delivery) -> seen.add(performed));
        var id = UUID.randomUUID();

        router.route(event("procedure-completed.v1", """
                {"procedureId":"%s","performedOn":"2026-12-01","surgeonId":"x","addedLater":[1,2]}""".formatted(id)));
        router.route(event("something-else.v1", "{\"procedureId\":\"nonsense\"}"));

        assertThat(seen).containsExactly(new Performed(id, LocalDate.of(2026, 12, 1)));
    }

    @Test
    void aPayloadWithoutWhatTheReaderRequiresOrOfTheWrongShapeIsMalformed() {
        var router = EventRouter.forConsumer("test", inbox)
                .on("procedure-completed.v1", Performed.class, (performed, delivery) -> {
                });

        assertThatThrownBy(() -> router.route(event("procedure-completed.v1", "{\"performedOn\":\"2026-12-01\"}")))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("procedure-completed.v1");
        assertThatThrownBy(() -> router.route(event("procedure-completed.v1", "{\"procedureId\":\"not-a-uuid\"}")))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> router.route(event("procedure-completed.v1", "null")))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void aHandlerMissingAFieldItNeedsMakesTheEventMalformedAndTwoHandlersForOneTypeAreRefused() {
        var router = EventRouter.forConsumer("test", inbox)
                .on("procedure-completed.v1", Performed.class, (performed, delivery) ->
                        performed.performedOn().getYear());

        assertThatThrownBy(() -> router.route(event("procedure-completed.v1",
                "{\"procedureId\":\"%s\"}".formatted(UUID.randomUUID()))))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("lacks required data");
        assertThatThrownBy(() -> router.on("procedure-completed.v1", Performed.class, (p, d) -> {
        })).isInstanceOf(IllegalStateException.class);
    }
}
