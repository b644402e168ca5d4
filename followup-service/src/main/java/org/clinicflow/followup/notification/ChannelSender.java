package org.clinicflow.followup.notification;

/** A way out to patients. Implementations throw {@link PermanentDeliveryException} when retrying cannot help. */
interface ChannelSender {

    Channel channel();

    /** Returns only once the provider accepted the message; any exception means it may not have. */
    void send(OutgoingMessage message) throws Exception;
}
