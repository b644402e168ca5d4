package org.clinicflow.followup.notification;

import org.clinicflow.followup.FollowupApplication;
import org.clinicflow.followup.FollowupServiceIT;
import org.clinicflow.followup.support.Events;
import org.clinicflow.followup.support.TestClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;

import javax.sql.DataSource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service on one database, one of them stopped while it is sending: every message is sent, and
 * sent once. Then the hard case, an instance that died after the provider accepted a message but before it recorded
 * that: the message is taken over and sent again with the same idempotency key, which the provider recognises. And a
 * row locked by someone else is skipped, not waited for: it holds up no other message.
 */
class SendingAcrossInstancesIT extends FollowupServiceIT {

    @Autowired
    private DataSource dataSource;

    @Test
    void twoInstancesAndARestartMidSendLoseAndDoubleNothing() {
        daytime();
        var patient = registerPatient(false, false, true, true);
        sms.slowDown(Duration.ofMillis(150));
        var properties = new HashMap<String, Object>(serviceProperties());
        properties.put("server.port", "0");
        properties.put("management.server.port", "0");
        // The second instance only sends; events are read by the first.
        properties.put("spring.kafka.listener.auto-startup", "false");
        // As command-line arguments, which outrank application.yml (default properties would not).
        var arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        var second = new SpringApplicationBuilder(FollowupApplication.class, TestClockConfiguration.class)
                .profiles("demo").run(arguments);
        var appointments = new ArrayList<UUID>();
        try {
            for (int i = 0; i < 40; i++) {
                var appointmentId = UUID.randomUUID();
                appointments.add(appointmentId);
                publish("clinic.booking.appointment", appointmentId.toString(), Events.appointmentBooked(
                        UUID.randomUUID(), appointmentId, patient.id(), Events.daysAhead(30)));
            }
            // Stop the second instance in the middle of the work: once it has sent some and is sending more.
            var secondInstance = second.getBean(NotificationDispatcher.class).instance();
            await(Duration.ofSeconds(60), () -> jdbc.sql("""
                            select count(*) filter (where status = 'SENDING') > 0
                               and count(*) filter (where status = 'SENT') > 0
                            from notification where claimed_by = :instance""")
                    .param("instance", secondInstance).query(Boolean.class).single());
        } finally {
            second.close();
        }
        assertThat(sentCount(appointments)).as("sent when the second instance stopped").isLessThan(40);
        await(Duration.ofSeconds(60), () -> sentCount(appointments) == 40);

        var ids = confirmations(appointments);
        assertThat(ids).hasSize(40);
        for (var id : ids) {
            assertThat(sms.requestsFor(id.toString())).as("provider calls for %s", id).isEqualTo(1);
        }
        assertThat(sms.deliveredTo(patient.mobile())).hasSize(40);
        assertThat(jdbc.sql("""
                        select count(distinct claimed_by) from notification
                        where appointment_id in (:ids) and purpose = 'CONFIRMATION'""")
                .param("ids", appointments).query(Long.class).single()).as("instances that sent").isEqualTo(2L);
    }

    @Test
    void aMessageLeftSendingByACrashedInstanceIsTakenOverAndNotDeliveredTwice() {
        daytime();
        var patient = registerPatient(false, false, true, true);
        var id = UUID.randomUUID();
        var now = TestClockConfiguration.CLOCK.instant();
        // As an instance leaves it when it dies after the provider's acceptance and before recording it.
        sms.alreadyDelivered(id.toString(), patient.mobile());
        jdbc.sql("""
                        insert into notification (id, patient_id, purpose, title, body, preferred_channel, due_at,
                            status, next_attempt_at, claimed_until, claimed_by, attempts, channel, source_event_id,
                            created_at)
                        values (:id, :patient, 'PATHWAY_MESSAGE', 'Getting moving again', 'Walk a little today.',
                            'SMS', :due, 'SENDING', :due, :expired, 'crashed-instance', 0, 'SMS', :id, :due)
                        """)
                .param("id", id).param("patient", patient.id())
                .param("due", now.minusSeconds(60).atOffset(ZoneOffset.UTC))
                .param("expired", now.minusSeconds(1).atOffset(ZoneOffset.UTC)).update();

        await(Duration.ofSeconds(30), () -> "SENT".equals(statusOf(id)));
        // Notify takes no idempotency key: the instance that took over asked for the reference, found it, sent nothing.
        assertThat(sms.lookupsFor(id.toString())).isEqualTo(1);
        assertThat(sms.requestsFor(id.toString())).isZero();
        assertThat(sms.deliveredTo(patient.mobile())).hasSize(1);
        assertThat(sms.delivered().get(id.toString()).body()).isEqualTo("(delivered before a crash)");
    }

    @Test
    void aMessageLockedByAnotherTransactionIsSkippedAndHoldsUpNoOtherMessage() throws Exception {
        daytime();
        var patient = registerPatient(false, false, true, true);
        var later = TestClockConfiguration.CLOCK.instant().plus(Duration.ofHours(1));
        var locked = insertDue(patient, later);
        var other = insertDue(patient, later);
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            // Another instance's claim (or any writer) holds the row.
            try (var lock = connection.prepareStatement("select id from notification where id = ? for update")) {
                lock.setObject(1, locked);
                lock.executeQuery().close();
            }
            TestClockConfiguration.CLOCK.setNow(later.plusSeconds(1));
            await(Duration.ofSeconds(30), () -> "SENT".equals(statusOf(other)));
            assertThat(statusOf(locked)).isEqualTo("SCHEDULED");
            connection.rollback();
        }
        await(Duration.ofSeconds(30), () -> "SENT".equals(statusOf(locked)));
        assertThat(sms.requestsFor(locked.toString())).isEqualTo(1);
        assertThat(sms.requestsFor(other.toString())).isEqualTo(1);
    }

    private UUID insertDue(TestPatient patient, Instant due) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                        insert into notification (id, patient_id, purpose, title, body, preferred_channel, due_at,
                            status, next_attempt_at, source_event_id, created_at)
                        values (:id, :patient, 'PATHWAY_MESSAGE', 'Getting moving again', 'Walk a little today.',
                            'SMS', :due, 'SCHEDULED', :due, :id, :due)
                        """)
                .param("id", id).param("patient", patient.id()).param("due", due.atOffset(ZoneOffset.UTC)).update();
        return id;
    }

    private long sentCount(List<UUID> appointments) {
        return jdbc.sql("""
                        select count(*) from notification
                        where appointment_id in (:ids) and purpose = 'CONFIRMATION' and status = 'SENT'""")
                .param("ids", appointments).query(Long.class).single();
    }

    private List<UUID> confirmations(List<UUID> appointments) {
        return jdbc.sql("""
                        select id from notification where appointment_id in (:ids) and purpose = 'CONFIRMATION'""")
                .param("ids", appointments).query(UUID.class).list();
    }
}
