package org.clinicflow.followup.waitlist;

import org.clinicflow.contracts.EventContracts;
import org.clinicflow.followup.FollowupServiceIT;
import org.clinicflow.followup.support.Events;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An offer of an earlier time reaches the patient once, by text or else by email, with the link that takes it. */
class WaitlistOfferMessagesIT extends FollowupServiceIT {

    private static final String TOPIC = "clinic.booking.waitlist";

    @Test
    void anOfferIsTextedOnceWithItsLinkEvenWhenTheEventComesTwice() {
        daytime();
        var patient = registerPatient(false, false, true, true);
        var offerId = UUID.randomUUID();
        var key = "k" + UUID.randomUUID().toString().replace("-", "");
        var event = Events.waitlistOfferMade(UUID.randomUUID(), offerId, key, patient.id(), Events.daysAhead(3),
                Events.daysAhead(8));
        assertThat(EventContracts.violations(event)).isEmpty();
        publish(TOPIC, offerId.toString(), event);
        publish(TOPIC, offerId.toString(), event);

        await(Duration.ofSeconds(30), () -> !sms.deliveredTo(patient.mobile()).isEmpty());
        var texts = sms.deliveredTo(patient.mobile());
        assertThat(texts).hasSize(1);
        assertThat(texts.getFirst().body()).contains("/offers/" + offerId + "?key=" + key)
                .contains("whoever takes it first");
        assertThat(jdbc.sql("select count(*) from notification where patient_id = :id and purpose = 'WAITLIST_OFFER'")
                .param("id", patient.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPatientWhoAllowsOnlyEmailIsEmailedTheOffer() throws Exception {
        daytime();
        var patient = registerPatient(true, true, false, false);
        var offerId = UUID.randomUUID();
        var key = "k" + UUID.randomUUID().toString().replace("-", "");
        publish(TOPIC, offerId.toString(), Events.waitlistOfferMade(UUID.randomUUID(), offerId, key, patient.id(),
                Events.daysAhead(3), Events.daysAhead(8)));

        await(Duration.ofSeconds(30), () -> mailsTo(patient.email()).size() == 1);
        var mail = mailsTo(patient.email()).getFirst();
        assertThat(mail.getSubject()).isEqualTo("An earlier appointment is free");
        assertThat(new String(mail.getInputStream().readAllBytes())).contains("/offers/" + offerId + "?key=" + key);
    }
}
