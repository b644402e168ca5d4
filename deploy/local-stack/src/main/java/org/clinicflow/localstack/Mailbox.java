package org.clinicflow.localstack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A real SMTP server (GreenMail) on localhost that accepts every message for any address and keeps it in memory, so
 * that what the system sends (followup-service's confirmations, Keycloak's invitations) really goes over SMTP and a
 * test can read it. An IMAP port is open as well, for a person to look with a mail client during the local run: any
 * user name and password are accepted.
 * <p>
 * Nothing leaves the machine: GreenMail delivers only to its own in-memory mailboxes.
 */
public final class Mailbox implements AutoCloseable {

    private final GreenMail greenMail;
    private final List<Thread> copiers = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Mailbox(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /**
     * Starts SMTP on {@code smtpPort} and IMAP on {@code imapPort}, on loopback.
     *
     * @param smtpPort 0 for a free port
     * @param imapPort 0 for a free port
     */
    public static Mailbox start(int smtpPort, int imapPort) {
        var smtp = new ServerSetup(smtpPort == 0 ? FreePorts.pick() : smtpPort, "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP);
        var imap = new ServerSetup(imapPort == 0 ? FreePorts.pick() : imapPort, "127.0.0.1",
                ServerSetup.PROTOCOL_IMAP);
        var greenMail = new GreenMail(new ServerSetup[]{smtp, imap})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        return new Mailbox(greenMail);
    }

    public String smtpHost() {
        return "localhost";
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** Every message received so far, oldest first. */
    public List<Mail> all() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(Mail::of).toList();
    }

    /** The messages received so far for {@code address} (any of To, Cc), oldest first. */
    public List<Mail> to(String address) {
        var wanted = address.toLowerCase(Locale.ROOT);
        return all().stream().filter(mail -> mail.recipients().contains(wanted)).toList();
    }

    /**
     * Waits until at least {@code count} messages for {@code address} have arrived and returns them all, oldest
     * first; fails when the wait runs out, saying how many came.
     */
    public List<Mail> await(String address, int count, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            var received = to(address);
            if (received.size() >= count) {
                return received;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Expected " + count + " message(s) for " + address + " within " + wait
                        + " but " + received.size() + " came");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Saves every message received from now on as {@code NNN.eml} in {@code directory} (opened by any mail client or
     * text editor) and tells {@code onSaved} its file and subject: how the local run shows what it sent.
     */
    public void keepCopiesIn(java.nio.file.Path directory, java.util.function.Consumer<String> onSaved) {
        var copier = Thread.ofPlatform().daemon().name("mailbox-copies").start(() -> {
            int saved = 0;
            while (!Thread.currentThread().isInterrupted()) {
                var received = greenMail.getReceivedMessages();
                for (; saved < received.length; saved++) {
                    var file = directory.resolve("%03d.eml".formatted(saved + 1));
                    try {
                        java.nio.file.Files.createDirectories(directory);
                        try (var out = java.nio.file.Files.newOutputStream(file)) {
                            received[saved].writeTo(out);
                        }
                        onSaved.accept(file + " (" + received[saved].getSubject() + ")");
                    } catch (java.io.IOException | MessagingException e) {
                        onSaved.accept("could not save " + file + ": " + e.getMessage());
                    }
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        copiers.add(copier);
    }

    @Override
    public void close() {
        copiers.forEach(Thread::interrupt);
        greenMail.stop();
    }

    /**
     * One received message, read once into plain values.
     *
     * @param messageId its {@code Message-ID} header, null when it had none: a message sent again after a crash
     *                  carries the same one, which is how a mail store knows it for the message it already has
     */
    public record Mail(String from, List<String> recipients, String subject, String body, String messageId) {

        static Mail of(MimeMessage message) {
            try {
                var from = message.getFrom() == null || message.getFrom().length == 0 ? ""
                        : message.getFrom()[0].toString();
                var recipients = addresses(message.getRecipients(Message.RecipientType.TO));
                recipients.addAll(addresses(message.getRecipients(Message.RecipientType.CC)));
                return new Mail(from, List.copyOf(recipients), message.getSubject(), text(message),
                        message.getMessageID());
            } catch (MessagingException | java.io.IOException e) {
                throw new IllegalStateException("Unreadable message", e);
            }
        }

        /**
         * The text a person would read, decoded from its transfer encoding (quoted-printable would otherwise break
         * links across lines): the plain-text part when there is one, else the HTML part.
         */
        private static String text(jakarta.mail.Part part) throws MessagingException, java.io.IOException {
            if (part.isMimeType("text/*")) {
                return part.getContent().toString();
            }
            if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
                String html = null;
                for (int i = 0; i < multipart.getCount(); i++) {
                    var child = multipart.getBodyPart(i);
                    if (child.isMimeType("text/plain")) {
                        return child.getContent().toString();
                    }
                    var nested = text(child);
                    if (html == null && !nested.isEmpty()) {
                        html = nested;
                    }
                }
                return html == null ? "" : html;
            }
            return "";
        }

        private static java.util.ArrayList<String> addresses(Address[] addresses) {
            var list = new java.util.ArrayList<String>();
            if (addresses != null) {
                for (var address : addresses) {
                    var text = address instanceof jakarta.mail.internet.InternetAddress internet
                            ? internet.getAddress() : address.toString();
                    list.add(text.toLowerCase(Locale.ROOT));
                }
            }
            return list;
        }
    }
}
