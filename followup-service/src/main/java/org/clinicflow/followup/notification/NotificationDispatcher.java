package org.clinicflow.followup.notification;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.clinicflow.followup.contact.PatientContact;
import org.clinicflow.followup.contact.OptOutLinks;
import org.clinicflow.followup.contact.PatientContacts;
import org.clinicflow.followup.content.ContentUnavailableException;
import org.clinicflow.followup.content.QuotedContent;
import org.clinicflow.followup.content.TreatmentContents;
import org.clinicflow.platform.correlation.TraceParent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sends due messages, once each, however many instances run and however often they restart (ADR 9).
 * <p>
 * A short transaction claims a batch of due rows with {@code FOR UPDATE SKIP LOCKED} and marks them SENDING with a
 * lease; another instance skips them. Each claimed message is then sent outside any transaction (no row lock held
 * over a network call), and its outcome written back in its own statement. A message whose lease ran out while
 * SENDING was left by an instance that stopped mid-send: it is claimed again and sent with the same idempotency key,
 * so the provider takes it as the one it may already have. Every message is handled on its own: an exception in one
 * is recorded against that one and never stops the batch.
 * <p>
 * Each message is handled in a span named {@value #SEND_OBSERVATION} whose parent is the trace that planned it (ADR 22),
 * typically the consumer of the booking's event: one trace runs from the booking request to its confirmation's send.
 * The span carries the message's purpose, never its address or words.
 */
@Component
class NotificationDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    private static final int MAX_ERROR_LENGTH = 300;
    static final String SEND_OBSERVATION = "notification send";

    private final NotificationTransitions transitions;
    private final Clock clock;
    private final PatientContacts contacts;
    private final TreatmentContents contents;
    private final DispatchProperties properties;
    private final OptOutLinks optOutLinks;
    private final MessageLinks links;
    private final ObservationRegistry observations;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final Map<Channel, CircuitBreaker> breakers = new EnumMap<>(Channel.class);
    /** Names this instance in {@code claimed_by}: which instance holds (or last held) each message. */
    private final String instance = java.lang.management.ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    private volatile boolean running;
    /** Held by the pass under way; one pass at a time per instance, and stop() waits for it. */
    private final ReentrantLock pass = new ReentrantLock();

    NotificationDispatcher(NotificationTransitions transitions, Clock clock, PatientContacts contacts,
                           TreatmentContents contents, DispatchProperties properties, OptOutLinks optOutLinks,
                           MessageLinks links, List<ChannelSender> senders, ObservationRegistry observations) {
        this.transitions = transitions;
        this.clock = clock;
        this.contacts = contacts;
        this.contents = contents;
        this.properties = properties;
        this.optOutLinks = optOutLinks;
        this.links = links;
        this.observations = observations;
        for (var sender : senders) {
            if (this.senders.put(sender.channel(), sender) != null) {
                throw new IllegalStateException("Two senders for channel " + sender.channel());
            }
            // A refusal for one patient's bad address says nothing about the provider: it must not open the breaker.
            this.breakers.put(sender.channel(), CircuitBreaker.of(sender.channel().name(), CircuitBreakerConfig.custom()
                    .slidingWindowSize(10).minimumNumberOfCalls(5).failureRateThreshold(50)
                    .waitDurationInOpenState(properties.breakerOpenWait()).permittedNumberOfCallsInHalfOpenState(2)
                    .ignoreExceptions(PermanentDeliveryException.class).build()));
        }
        for (var channel : Channel.values()) {
            if (!this.senders.containsKey(channel)) {
                throw new IllegalStateException("No sender for channel " + channel);
            }
        }
    }

    @Scheduled(fixedDelayString = "${clinicflow.followup.dispatch.poll-interval:1s}")
    void dispatchDue() {
        if (!pass.tryLock()) {
            return;
        }
        try {
            dispatchWhileFull();
        } finally {
            pass.unlock();
        }
    }

    private void dispatchWhileFull() {
        // Keep going while batches come back full, so a backlog drains without waiting a poll interval per batch.
        while (running) {
            var batch = claim();
            if (batch.isEmpty()) {
                return;
            }
            try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                batch.forEach(n -> executor.submit(() -> dispatchIsolated(n)));
            }
            if (batch.size() < properties.batchSize()) {
                return;
            }
        }
    }

    String instance() {
        return instance;
    }

    private List<Notification> claim() {
        return transitions.claim(properties.batchSize(), properties.lease(), instance);
    }

    private void dispatchIsolated(Notification n) {
        // The planning trace first, so that the span started next is its child.
        try (var plannedIn = TraceParent.restore(n.traceParent())) {
            var observation = Observation.createNotStarted("clinicflow.notification.send", observations)
                    .contextualName(SEND_OBSERVATION)
                    .lowCardinalityKeyValue("purpose", n.purpose().name())
                    .start();
            try (var inSpan = observation.openScope()) {
                dispatchOrRetry(n, observation);
            } finally {
                observation.stop();
            }
        }
    }

    private void dispatchOrRetry(Notification n, Observation observation) {
        try {
            dispatch(n);
        } catch (RuntimeException e) {
            observation.error(e);
            // Whatever went wrong is this message's problem only; it is tried again later like any transient failure.
            log.warn("Notification {} could not be handled: {}", n.id(), e.getClass().getSimpleName());
            retryLater(n, n.channel(), n.attempts() + 1, e);
        }
    }

    private void dispatch(Notification n) {
        var now = clock.instant();
        if (n.purpose().isAboutAnAppointment() && n.purpose() != Purpose.CANCELLED
                && n.appointmentStartsAt() != null && !n.appointmentStartsAt().isAfter(now)) {
            transitions.cancel(n.id(), "the appointment has already started");
            return;
        }
        var contact = contacts.find(n.patientId());
        if (contact.isEmpty() && n.attempts() + 1 < properties.maxAttempts()) {
            // The patient's registration travels on another topic and may arrive after their first booking: wait.
            transitions.retryAt(n.id(), n.channel(), n.attempts() + 1, now.plus(backoff(n.attempts() + 1)),
                    "no contact details for the patient yet");
            return;
        }
        var channel = contact.flatMap(c -> ChannelChoice.pick(n.channel(), n.preferredChannel(), n.fallenBack(), c));
        if (channel.isEmpty()) {
            log.info("Notification {} has no consented channel with contact details; flagged for the clinic", n.id());
            transitions.fail(n.id(), null, null, contact.isEmpty() ? "no contact details for the patient"
                    : "no consented channel with contact details");
            return;
        }
        var attempts = channel.get() == n.channel() ? n.attempts() : 0;
        if (channel.get() == Channel.SMS && QuietHours.CLINIC.isQuiet(now)) {
            log.debug("SMS notification {} held for quiet hours", n.id());
            transitions.holdForQuietHours(n.id(), QuietHours.CLINIC.nextAllowed(now));
            return;
        }
        QuotedContent content = null;
        if (n.contentSlug() != null) {
            try {
                content = contents.current(n.contentSlug());
            } catch (ContentUnavailableException e) {
                // Not the channel's fault: wait for content without spending tries or falling back to another channel.
                log.info("Notification {} waits for the content of {}", n.id(), n.contentSlug());
                transitions.retryAt(n.id(), n.channel(), n.attempts(), now.plus(properties.maxBackoff()),
                        "waiting for published content of " + n.contentSlug());
                return;
            }
        }
        var text = MessageText.of(n, contact.get().givenName(), content);
        var to = channel.get() == Channel.EMAIL ? contact.get().email() : contact.get().mobilePhone();
        var calendar = channel.get() == Channel.EMAIL ? AppointmentCalendar.Invite.of(n, now) : null;
        var optOut = channel.get() == Channel.EMAIL ? links.to(optOutLinks.emailPath(n.patientId())) : null;
        var message = new OutgoingMessage(n.id(), to, n.title(), text, calendar, n.triedBefore(), optOut);
        Optional<UUID> providerId;
        try {
            var sender = senders.get(channel.get());
            providerId = breakers.get(channel.get()).executeCallable(() -> sender.send(message));
        } catch (CallNotPermittedException e) {
            // The provider is known to be down: wait for the breaker, without spending this message's attempts.
            transitions.retryAt(n.id(), channel.get(), attempts, now.plus(properties.breakerOpenWait()),
                    "channel paused: " + channel.get() + " provider failing");
            return;
        } catch (PermanentDeliveryException e) {
            log.info("Notification {} refused by the {} provider; trying the other channel", n.id(), channel.get());
            fallBackOrFail(n, channel.get(), contact.get(), attempts + 1, e.getMessage());
            return;
        } catch (Exception e) {
            retryLater(n, channel.get(), attempts + 1, e);
            return;
        }
        transitions.sent(n.id(), channel.get(), attempts + 1, text, content, providerId.orElse(null));
    }

    private void retryLater(Notification n, Channel channel, int attempts, Exception e) {
        var error = describe(e);
        if (channel != null && attempts >= properties.maxAttempts()) {
            var contact = contacts.find(n.patientId());
            if (contact.isPresent()) {
                fallBackOrFail(n, channel, contact.get(), attempts, error);
                return;
            }
        }
        log.info("Notification {} not sent on try {} over {} ({}); trying again later", n.id(), attempts, channel,
                e.getClass().getSimpleName());
        transitions.retryAt(n.id(), channel, attempts, clock.instant().plus(backoff(attempts)), error);
    }

    private Duration backoff(int attempts) {
        return properties.backoff(attempts);
    }

    private void fallBackOrFail(Notification n, Channel failed, PatientContact contact, int attempts, String error) {
        var other = failed.other();
        if (!n.fallenBack() && ChannelChoice.usable(other, contact)) {
            log.info("Notification {} falls back from {} to {}", n.id(), failed, other);
            transitions.fallBack(n.id(), other, error);
            return;
        }
        log.info("Notification {} failed on every consented channel after {} tries; flagged for the clinic", n.id(),
                attempts);
        transitions.fail(n.id(), failed, attempts, error);
    }

    /** The exception's kind and the provider's status: never the address or text, which are personal data. */
    private static String describe(Exception e) {
        var text = e instanceof PermanentDeliveryException || e instanceof IllegalStateException
                ? e.getMessage() : e.getClass().getSimpleName();
        return text == null ? e.getClass().getSimpleName()
                : text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Stops claiming, then waits for the pass under way: messages already claimed are sent and recorded before the
     * database pool closes. One that takes longer than the lease is left SENDING and taken over by another instance.
     */
    @Override
    public void stop() {
        running = false;
        try {
            if (pass.tryLock(properties.lease().toMillis(), TimeUnit.MILLISECONDS)) {
                pass.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
