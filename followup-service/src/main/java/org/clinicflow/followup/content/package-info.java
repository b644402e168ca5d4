/**
 * The current published treatment content that messages quote: kept fresh from content-service's treatment-published
 * events, fetched from content-service through a circuit breaker when missing or stale, the cached copy otherwise.
 */
package org.clinicflow.followup.content;
