package org.clinicflow.content.signoff;

/**
 * Told to this instance's own listeners when a publication commits (Spring application event), so that what it keeps
 * in memory about published content is dropped at once. Other instances learn of it by their own expiry; the
 * content-published event on Kafka is for other services.
 */
public record VersionPublished(String treatmentSlug, int number) {
}
