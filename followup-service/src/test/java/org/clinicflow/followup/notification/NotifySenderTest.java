package org.clinicflow.followup.notification;

import org.clinicflow.followup.support.NotifyStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import uk.gov.service.notify.TimedNotificationClient;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Notify adapter against the stand-in, over HTTP with Notify's own client: emails, which a clinic may choose to
 * send through Notify, carry their words, reference and one-click opt-out; a send that may repeat one finds it; a
 * refusal is permanent only when Notify says the message itself is wrong. (Texts take the same path end to end in
 * NotifyDeliveryIT.)
 */
class NotifySenderTest {

    private static final NotifyStandIn notify = new NotifyStandIn();
    private final TimedNotificationClient client = new TimedNotificationClient(NotifyStandIn.API_KEY,
            notify.baseUrl(), Duration.ofSeconds(5));
    private final NotifySender email = new NotifySender(client, Channel.EMAIL, NotifyStandIn.EMAIL_TEMPLATE_ID);

    @AfterAll
    static void stop() {
        notify.close();
    }

    @Test
    void anEmailGoesWithItsWordsItsReferenceAndItsOneClickOptOut() {
        var id = UUID.randomUUID();
        var address = "p-" + id + "@example.test";
        var accepted = email.send(new OutgoingMessage(id, address, "Your appointment is booked", "Dear Pat, ...",
                null, false, "https://clinic.example/api/followup/opt-out/abc.def"));

        var sent = notify.emailsTo(address);
        assertThat(sent).hasSize(1);
        assertThat(accepted).contains(sent.getFirst().id());
        assertThat(sent.getFirst().reference()).isEqualTo(id.toString());
        assertThat(sent.getFirst().subject()).isEqualTo("Your appointment is booked");
        assertThat(sent.getFirst().unsubscribe()).isEqualTo("https://clinic.example/api/followup/opt-out/abc.def");
    }

    @Test
    void aSendThatMayRepeatOneFindsItAtNotifyAndSendsNothingMore() {
        var id = UUID.randomUUID();
        var address = "p-" + id + "@example.test";
        var message = new OutgoingMessage(id, address, "Reminder", "Words", null, false, null);
        var first = email.send(message);

        var again = email.send(new OutgoingMessage(id, address, "Reminder", "Words", null, true, null));

        assertThat(again).isEqualTo(first);
        assertThat(notify.emailsTo(address)).hasSize(1);
        assertThat(notify.lookupsFor(id.toString())).isEqualTo(1);
    }

    @Test
    void aTemplateNotifyDoesNotKnowIsARefusalOfTheMessageAndARevokedKeyIsWorthRetrying() {
        var wrongTemplate = new NotifySender(client, Channel.EMAIL, UUID.randomUUID().toString());
        var message = new OutgoingMessage(UUID.randomUUID(), "someone@example.test", "S", "B", null, false, null);
        assertThatThrownBy(() -> wrongTemplate.send(message)).isInstanceOf(PermanentDeliveryException.class)
                .hasMessageContaining("400").hasMessageNotContaining("someone@example.test");

        notify.revokeKey();
        try {
            assertThatThrownBy(() -> email.send(message)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("403");
        } finally {
            notify.recover();
        }
        assertThatThrownBy(() -> new NotifySender(client, Channel.EMAIL, "not-a-template"))
                .isInstanceOf(IllegalStateException.class);
    }
}
