package org.clinicflow.followup.notification;

import java.util.Optional;
import java.util.UUID;

/** A way out to patients. Implementations throw {@link PermanentDeliveryException} when retrying cannot help. */
interface ChannelSender {

    Channel channel();

    /**
     * Returns only once the provider accepted the message; any exception means it may not have.
     *
     * @return the provider's id for the message when it reports delivery later (Notify), empty when it never will
     */
    Optional<UUID> send(OutgoingMessage message) throws Exception;
}
