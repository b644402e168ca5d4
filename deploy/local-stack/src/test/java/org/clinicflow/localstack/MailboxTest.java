package org.clinicflow.localstack;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailboxTest {

    @Test
    void aMessageSentOverSmtpCanBeReadByItsRecipientOnly() throws Exception {
        try (var mailbox = Mailbox.start(0, 0)) {
            var properties = new Properties();
            properties.put("mail.smtp.host", mailbox.smtpHost());
            properties.put("mail.smtp.port", Integer.toString(mailbox.smtpPort()));
            var message = new MimeMessage(Session.getInstance(properties));
            message.setFrom(new InternetAddress("clinic@clinicflow.example"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("Someone.New@example.test"));
            message.setSubject("Your appointment");
            // Long enough that quoted-printable folds it: the reader must see it whole.
            message.setText("Open https://clinic.example/a-long-link?key=" + "x".repeat(120) + " to continue", "UTF-8");
            Transport.send(message);

            var received = mailbox.await("someone.new@example.test", 1, Duration.ofSeconds(5));

            assertThat(received).singleElement().satisfies(mail -> {
                assertThat(mail.subject()).isEqualTo("Your appointment");
                assertThat(mail.body()).contains("key=" + "x".repeat(120) + " to continue");
            });
            assertThat(mailbox.to("someone.else@example.test")).isEmpty();
            assertThatThrownBy(() -> mailbox.await("someone.else@example.test", 1, Duration.ofMillis(300)))
                    .hasMessageContaining("0 came");
        }
    }
}
