package org.clinicflow.followup.notification;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

/**
 * SMS through an HTTP API shaped like GOV.UK Notify's ({@code POST /v2/notifications/sms}). The notification id goes as
 * {@code reference} and as the {@code Idempotency-Key} header, so the provider takes a repeated send as the same message.
 * A 400 (for example an invalid number) is permanent; 429, 5xx and I/O errors are worth retrying.
 */
class NotifySmsSender implements ChannelSender {

    private final RestClient http;
    private final String templateId;

    NotifySmsSender(String baseUrl, String apiKey, String templateId, Duration timeout) {
        var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(timeout).build());
        factory.setReadTimeout(timeout);
        this.http = RestClient.builder().baseUrl(baseUrl).requestFactory(factory)
                .defaultHeader("Authorization", "Bearer " + apiKey).build();
        this.templateId = templateId;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public void send(OutgoingMessage message) {
        http.post().uri("/v2/notifications/sms")
                .header("Idempotency-Key", message.idempotencyKey().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("phone_number", message.to(), "template_id", templateId,
                        "reference", message.idempotencyKey().toString(),
                        "personalisation", Map.of("subject", message.subject(), "body", message.text())))
                .retrieve()
                .onStatus(status -> status.value() == 400,
                        (request, response) -> {
                            throw new PermanentDeliveryException("The SMS provider refused the message ("
                                    + response.getStatusCode().value() + ")");
                        })
                .onStatus(HttpStatusCode::isError, (request, response) -> {
                    throw new IllegalStateException("The SMS provider answered " + response.getStatusCode().value());
                })
                .toBodilessEntity();
    }
}
