package org.clinicflow.followup.notification;

import org.clinicflow.followup.contact.PatientContact;

import java.util.Optional;

/**
 * Which channel a message goes by: the one it is already trying while that is still usable; else the patient's
 * preferred one; else the other. A message that has fallen back stays on its second channel or goes nowhere: it never
 * returns to the one that refused it. A channel is usable when the patient has its details, consented to it and has
 * not opted out of it.
 */
final class ChannelChoice {

    private ChannelChoice() {
    }

    static Optional<Channel> pick(Channel current, Channel preferred, boolean fallenBack, PatientContact contact) {
        if (fallenBack) {
            return usable(current, contact) ? Optional.of(current) : Optional.empty();
        }
        if (current != null && usable(current, contact)) {
            return Optional.of(current);
        }
        if (usable(preferred, contact)) {
            return Optional.of(preferred);
        }
        var other = preferred.other();
        return usable(other, contact) ? Optional.of(other) : Optional.empty();
    }

    static boolean usable(Channel channel, PatientContact contact) {
        return channel == Channel.EMAIL ? contact.mayEmail() : contact.maySms();
    }
}
