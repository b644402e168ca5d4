package org.clinicflow.followup.deadletter;

import org.clinicflow.followup.FollowupServiceIT;
import org.clinicflow.followup.support.Events;
import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's dead letters in followup-service: a record its consumers cannot read is parked with the reason and
 * shown to clinic admins without its payload; a replay sends a parked event again, and however often it is replayed,
 * its effect happens once.
 */
class DeadLettersIT extends FollowupServiceIT {

    private static final String TOPIC = "clinic.booking.appointment";

    @Test
    void anUnreadableEventIsParkedWithItsReasonForClinicAdminsOnly() {
        var eventId = UUID.randomUUID();
        publish(TOPIC, UUID.randomUUID().toString(), """
                {"specversion":"1.0","id":"%s","source":"/clinicflow/booking-service",
                 "type":"clinic.booking.appointment-booked.v1","subject":"x","time":"2026-12-03T10:00:00Z",
                 "datacontenttype":"application/json","data":{"patientId":"not-a-uuid","email":"a@example.test"}}
                """.formatted(eventId));

        await(Duration.ofSeconds(30), () -> jdbc.sql("select count(*) from dead_letter where event_id = :id")
                .param("id", eventId).query(Long.class).single() >= 1);
        var listed = ApiCall.get(url("/api/followup/dead-letters"), tokenFor(DemoUsers.CLINIC_ADMIN));
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        var parked = json.readTree(listed.body()).valueStream()
                .filter(d -> eventId.toString().equals(d.path("eventId").asString())).findFirst().orElseThrow();
        assertThat(parked.get("reason").asString()).startsWith("Not a readable event");
        assertThat(parked.get("topic").asString()).isEqualTo(TOPIC);
        assertThat(listed.body()).as("the payload is never shown").doesNotContain("a@example.test");

        assertThat(ApiCall.get(url("/api/followup/dead-letters"), tokenFor(DemoUsers.RECEPTIONIST)).status())
                .isEqualTo(403);
    }

    @Test
    void aReplayedEventTakesEffectOnceHoweverOftenItIsReplayed() throws InterruptedException {
        var patient = registerPatient(true, true, false, false);
        var appointmentId = UUID.randomUUID();
        var event = Events.appointmentBooked(UUID.randomUUID(), appointmentId, patient.id(), Events.daysAhead(6));
        // As the error handler leaves a record it gave up on (the database was away, say): parked, never processed.
        var parked = UUID.randomUUID();
        jdbc.sql("""
                        insert into dead_letter (id, consumer_group, topic, record_partition, record_offset, record_key,
                                                 payload, event_type, reason, failed_at)
                        values (:id, 'followup-service', :topic, 0, :offset, :key, :payload,
                                'clinic.booking.appointment-booked.v1', 'CannotCreateTransactionException', now())""")
                .param("id", parked).param("topic", TOPIC).param("offset", -System.nanoTime())
                .param("key", appointmentId.toString()).param("payload", event).update();

        for (int replay = 0; replay < 2; replay++) {
            var replayed = ApiCall.send("POST", url("/api/followup/dead-letters/" + parked + "/replay"),
                    tokenFor(DemoUsers.CLINIC_ADMIN), null, Map.of());
            assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
            assertThat(json.readTree(replayed.body()).get("replayedAt").isNull()).isFalse();
        }
        await(Duration.ofSeconds(30), () -> messagesOf(appointmentId) == 3);
        // Long enough for the second replay to have arrived too: the inbox dropped it.
        Thread.sleep(5000);
        assertThat(messagesOf(appointmentId)).isEqualTo(3);
        assertThat(ApiCall.send("POST", url("/api/followup/dead-letters/" + UUID.randomUUID() + "/replay"),
                tokenFor(DemoUsers.CLINIC_ADMIN), null, Map.of()).status()).isEqualTo(404);
    }

    private long messagesOf(UUID appointmentId) {
        return jdbc.sql("select count(*) from notification where appointment_id = :id").param("id", appointmentId)
                .query(Long.class).single();
    }
}
