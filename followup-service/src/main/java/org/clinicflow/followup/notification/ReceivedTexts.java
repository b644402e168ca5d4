package org.clinicflow.followup.notification;

import org.clinicflow.followup.contact.PatientContacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;
import uk.gov.service.notify.ReceivedTextMessage;

import java.time.Clock;
import java.util.Locale;
import java.util.Set;

import static org.clinicflow.followup.notification.Notifications.utc;

/**
 * Texts patients send to the clinic's number, read from Notify's received-text list. A STOP (or its usual variants)
 * opts every patient with that mobile out of SMS; anything else is left for the team, who read replies in Notify.
 * Notify lists newest first: reading stops at the first text already read, and each is recorded once, in the same
 * transaction as the opt-out, so a text is acted on once however many instances read.
 */
@Component
@ConditionalOnExpression(ChannelConfiguration.NOTIFY_CONFIGURED)
class ReceivedTexts {

    private static final Logger log = LoggerFactory.getLogger(ReceivedTexts.class);
    private static final Set<String> STOP = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "END", "QUIT", "CANCEL");
    /** Pages read per poll at most: a first start against a long history reads back this far and no further. */
    private static final int MAX_PAGES = 20;

    private final NotifyPolls polls = new NotifyPolls();
    private final NotificationClient notify;
    private final PatientContacts contacts;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ReceivedTexts(NotificationClient notify, PatientContacts contacts, JdbcClient jdbc, TransactionTemplate transaction,
                  Clock clock) {
        this.notify = notify;
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(fixedRateString = "${clinicflow.followup.sms.received-poll:1m}")
    void poll() {
        polls.runOnce(this::pollOnce);
    }

    @EventListener(ContextClosedEvent.class)
    void stopping() {
        polls.stop();
    }

    private void pollOnce() {
        String olderThan = null;
        try {
            for (int page = 0; page < MAX_PAGES; page++) {
                var texts = notify.getReceivedTextMessages(olderThan).getReceivedTextMessages();
                for (var text : texts) {
                    if (polls.stopping() || !readOnce(text)) {
                        return;
                    }
                }
                if (texts.isEmpty()) {
                    return;
                }
                olderThan = texts.getLast().getId().toString();
            }
        } catch (NotificationClientException e) {
            log.info("Received texts not read this time (Notify answered {})", e.getHttpResult());
        }
    }

    /** @return false when the text had been read before (and so has every older one) */
    private boolean readOnce(ReceivedTextMessage text) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            boolean stop = STOP.contains(text.getContent().strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", ""));
            var inserted = jdbc.sql("""
                            insert into received_text (id, received_at, read_at, action)
                            values (:id, :received, :now, :action)
                            on conflict (id) do nothing
                            """)
                    .param("id", text.getId()).param("received", text.getCreatedAt().toOffsetDateTime())
                    .param("now", utc(clock.instant())).param("action", stop ? "SMS_OPTED_OUT" : "NONE").update();
            if (inserted == 0) {
                return false;
            }
            if (stop) {
                var patients = contacts.optOutOfSmsFrom(text.getUserNumber(), clock.instant());
                log.info("A STOP text opted {} patient(s) out of SMS", patients.size());
            }
            return true;
        }));
    }
}
