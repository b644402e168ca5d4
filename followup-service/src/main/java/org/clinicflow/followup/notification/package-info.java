/**
 * Everything sent to a patient: stored when planned, sent once by the durable dispatcher over email or SMS, with
 * retries, circuit breakers, fallback to the other consented channel and quiet hours for SMS.
 */
package org.clinicflow.followup.notification;
