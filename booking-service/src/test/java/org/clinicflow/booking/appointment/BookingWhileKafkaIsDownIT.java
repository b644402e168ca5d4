package org.clinicflow.booking.appointment;

import org.clinicflow.booking.BookingServiceIT;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox's promise: a booking never waits for Kafka, and its event is not lost while Kafka is away. */
class BookingWhileKafkaIsDownIT extends BookingServiceIT {

    @Test
    void bookingSucceedsWithoutKafkaAndItsEventArrivesOnceKafkaIsBack() {
        var broker = infrastructure.broker();
        String id;
        broker.stop();
        try {
            var response = book(DemoUsers.PATIENT_ID, nextSlot());
            assertThat(response.status()).isEqualTo(201);
            id = body(response).get("id").asString();

            // Give the relay time to try (and fail) at least once; the event must still be waiting, not dropped.
            sleep(Duration.ofSeconds(3));
            assertThat(jdbc.sql("select sent_at is null from outbox_event where record_key = :id")
                    .param("id", id).query(Boolean.class).single()).isTrue();
        } finally {
            broker.restart();
        }

        var record = awaitRecord("clinic.booking.appointment", id, Duration.ofSeconds(60));
        assertThat(record).isPresent();
        assertThat(record.get().value()).contains("clinic.booking.appointment-booked.v1");
        assertThat(jdbc.sql("select sent_at is not null from outbox_event where record_key = :id")
                .param("id", id).query(Boolean.class).single()).isTrue();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
