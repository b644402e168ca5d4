package org.clinicflow.followup.access;

import org.clinicflow.followup.notification.ClinicMail;
import org.clinicflow.followup.notification.MessageLinks;
import org.clinicflow.platform.time.ClinicZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * Emails the clinic's lead about each breach, once. The breach's alert row is the durable record: PENDING until the
 * SMTP server accepts the message, retried with a doubling pause, FAILED after the last attempt (the alert itself
 * stays on the worklist either way). A row is claimed with {@code FOR UPDATE SKIP LOCKED} and held while it is sent,
 * so two instances never send one breach; a crash after the server's acceptance sends it again with the same
 * Message-ID (the alert id), which mail clients show once.
 */
@Component
@EnableConfigurationProperties({AccessAlertsProperties.class, MessageLinks.class})
class LeadAlertMailer {

    private static final Logger log = LoggerFactory.getLogger(LeadAlertMailer.class);
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ClinicMail mail;
    private final AccessAlertsProperties properties;
    private final Clock clock;
    private final String todoLink;

    LeadAlertMailer(JdbcClient jdbc, TransactionTemplate transactions, ClinicMail mail,
                    AccessAlertsProperties properties, Clock clock,
                    MessageLinks links) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
        this.todoLink = links.to("/todo");
    }

    private record Due(UUID id, UUID enquiryId, OffsetDateTime firstContactAt, OffsetDateTime deadline,
                       int attempts) {
    }

    @Scheduled(fixedDelayString = "${clinicflow.followup.access-alerts.poll-interval:5s}")
    void sendDue() {
        // One breach per transaction: a failure of one never holds up (or rolls back) another.
        while (Boolean.TRUE.equals(transactions.execute(status -> sendOne()))) {
            // next
        }
    }

    /** @return whether a row was claimed, so that the caller looks for another */
    private boolean sendOne() {
        var due = jdbc.sql("""
                        select id, enquiry_id, first_contact_at, deadline, email_attempts from access_alert
                        where email_status = 'PENDING' and email_next_attempt_at <= :now
                        order by email_next_attempt_at limit 1 for update skip locked
                        """)
                .param("now", AccessAlerts.utc(clock.instant()))
                .query((rs, row) -> new Due(rs.getObject("id", UUID.class), rs.getObject("enquiry_id", UUID.class),
                        rs.getObject("first_contact_at", OffsetDateTime.class),
                        rs.getObject("deadline", OffsetDateTime.class), rs.getInt("email_attempts")))
                .optional();
        if (due.isEmpty()) {
            return false;
        }
        var alert = due.get();
        try {
            mail.send(alert.id(), properties.leadAddress(), "48-hour promise missed for an enquiry", text(alert));
            jdbc.sql("""
                            update access_alert set email_status = 'SENT', email_sent_at = :now,
                                email_attempts = email_attempts + 1, email_last_error = null
                            where id = :id
                            """)
                    .param("id", alert.id()).param("now", AccessAlerts.utc(clock.instant())).update();
            log.info("Breach email for access alert {} sent", alert.id());
        } catch (Exception e) {
            var attempts = alert.attempts() + 1;
            var giveUp = ClinicMail.permanent(e) || attempts >= properties.maxAttempts();
            var pause = properties.firstBackoff().multipliedBy(1L << Math.min(attempts - 1, 10));
            jdbc.sql("""
                            update access_alert set email_status = :status, email_attempts = :attempts,
                                email_next_attempt_at = :next, email_last_error = :error
                            where id = :id
                            """)
                    .param("id", alert.id()).param("status", giveUp ? "FAILED" : "PENDING")
                    .param("attempts", attempts)
                    .param("next", AccessAlerts.utc(clock.instant().plus(giveUp ? Duration.ZERO : pause)))
                    .param("error", e.getClass().getSimpleName()).update();
            // The exception's type only: its message may quote the address.
            log.warn("Breach email for access alert {} failed ({}), attempt {}{}", alert.id(),
                    e.getClass().getSimpleName(), attempts, giveUp ? "; given up" : "");
        }
        return true;
    }

    /** Ids and times only: the lead opens the to-do page, signed in, to see who it is. */
    private String text(Due alert) {
        return """
                An enquiry has passed its 48-hour deadline without an appointment that keeps the promise.

                First contact: %s
                Deadline: %s
                Enquiry: %s

                It is on reception's to-do page until someone acknowledges it: %s
                """.formatted(WHEN.format(alert.firstContactAt().atZoneSameInstant(ClinicZone.ZONE)),
                WHEN.format(alert.deadline().atZoneSameInstant(ClinicZone.ZONE)), alert.enquiryId(), todoLink);
    }
}
