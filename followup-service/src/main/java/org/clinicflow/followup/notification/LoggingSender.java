package org.clinicflow.followup.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.UUID;

/**
 * For a local run without an SMTP server or SMS provider: records that a message would have gone, by id only (the
 * address and text are personal data).
 */
class LoggingSender implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingSender.class);
    private final Channel channel;

    LoggingSender(Channel channel) {
        this.channel = channel;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public Optional<UUID> send(OutgoingMessage message) {
        log.info("{} notification {} handed to the log-only {} channel (no provider configured)", channel,
                message.idempotencyKey(), channel);
        return Optional.empty();
    }
}
