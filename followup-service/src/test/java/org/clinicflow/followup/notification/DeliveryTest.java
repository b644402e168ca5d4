package org.clinicflow.followup.notification;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryTest {

    @Test
    void notifysFinalStatusesAreReadAndTheOthersWait() {
        assertThat(Delivery.ofNotifyStatus("delivered")).contains(Delivery.DELIVERED);
        assertThat(Delivery.ofNotifyStatus("permanent-failure")).contains(Delivery.PERMANENT_FAILURE);
        assertThat(Delivery.ofNotifyStatus("temporary-failure")).contains(Delivery.TEMPORARY_FAILURE);
        assertThat(Delivery.ofNotifyStatus("technical-failure")).contains(Delivery.TECHNICAL_FAILURE);
        for (var waiting : new String[]{"created", "sending", "pending", "sent", "something-new"}) {
            assertThat(Delivery.ofNotifyStatus(waiting)).as(waiting).isEmpty();
        }
    }

    @Test
    void theBackoffDoublesUpToItsBound() {
        var properties = new DispatchProperties(java.time.Duration.ofSeconds(1), 20, java.time.Duration.ofMinutes(2),
                5, java.time.Duration.ofSeconds(30), java.time.Duration.ofMinutes(30),
                java.time.Duration.ofSeconds(60), java.time.Duration.ofSeconds(10));
        assertThat(properties.backoff(1)).hasSeconds(30);
        assertThat(properties.backoff(2)).hasSeconds(60);
        assertThat(properties.backoff(4)).hasSeconds(240);
        assertThat(properties.backoff(10)).hasMinutes(30);
    }
}
