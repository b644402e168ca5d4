package org.clinicflow.followup.notification;

import org.clinicflow.followup.contact.PatientContact;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Which channel a message goes by, without a database or a provider. */
class ChannelChoiceTest {

    private static PatientContact contact(boolean email, boolean sms, boolean emailOptOut, boolean smsOptOut) {
        return new PatientContact(UUID.randomUUID(), "Ann", email ? "ann@example.test" : null,
                sms ? "+447700900123" : null, true, true, emailOptOut, smsOptOut);
    }

    @Test
    void thePreferredChannelFirstThenTheOther() {
        var both = contact(true, true, false, false);
        assertThat(ChannelChoice.pick(null, Channel.SMS, false, both)).contains(Channel.SMS);
        assertThat(ChannelChoice.pick(null, Channel.EMAIL, false, both)).contains(Channel.EMAIL);
        assertThat(ChannelChoice.pick(null, Channel.SMS, false, contact(true, false, false, false)))
                .contains(Channel.EMAIL);
    }

    @Test
    void aMessageKeepsTheChannelItIsTryingWhileItIsUsable() {
        var both = contact(true, true, false, false);
        assertThat(ChannelChoice.pick(Channel.EMAIL, Channel.SMS, false, both)).contains(Channel.EMAIL);
        // The patient opted out of it meanwhile: the preferred one instead.
        assertThat(ChannelChoice.pick(Channel.EMAIL, Channel.SMS, false, contact(true, true, true, false)))
                .contains(Channel.SMS);
    }

    @Test
    void aFallenBackMessageNeverReturnsToTheChannelThatRefusedIt() {
        var both = contact(true, true, false, false);
        assertThat(ChannelChoice.pick(Channel.EMAIL, Channel.SMS, true, both)).contains(Channel.EMAIL);
        assertThat(ChannelChoice.pick(Channel.EMAIL, Channel.SMS, true, contact(true, true, true, false))).isEmpty();
    }

    @Test
    void noConsentNoDetailsOrAnOptOutLeavesNoChannel() {
        assertThat(ChannelChoice.pick(null, Channel.SMS, false, contact(false, false, false, false))).isEmpty();
        assertThat(ChannelChoice.pick(null, Channel.SMS, false, contact(true, true, true, true))).isEmpty();
        var withoutConsent = new PatientContact(UUID.randomUUID(), "Ann", "ann@example.test", "+447700900123",
                false, false, false, false);
        assertThat(ChannelChoice.pick(null, Channel.EMAIL, false, withoutConsent)).isEmpty();
    }
}
