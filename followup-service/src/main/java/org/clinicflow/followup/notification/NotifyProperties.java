package org.clinicflow.followup.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * GOV.UK Notify, which carries the clinic's texts ({@code clinicflow.followup.sms}). Without a base URL texts go to a
 * log-only channel (a local run).
 *
 * @param baseUrl        Notify's API, or the stand-in's in tests; empty for none
 * @param apiKey         Notify's key ({@code name-serviceId-secret}): the client signs each call's JWT with it
 * @param templateId     the Notify template whose {@code ((body))} carries the clinic's own wording
 * @param receiptPoll    how often texts awaiting a delivery receipt are asked about
 * @param receiptWindow  how long after sending a receipt is still asked for; Notify settles every text within 72 hours
 * @param receiptBatch   texts asked about per poll
 * @param receivedPoll   how often texts sent to the clinic's number (STOP) are read
 */
@ConfigurationProperties("clinicflow.followup.sms")
record NotifyProperties(@DefaultValue("") String baseUrl,
                        @DefaultValue("") String apiKey,
                        @DefaultValue("") String templateId,
                        @DefaultValue("1m") Duration receiptPoll,
                        @DefaultValue("4d") Duration receiptWindow,
                        @DefaultValue("50") int receiptBatch,
                        @DefaultValue("1m") Duration receivedPoll) {
}
