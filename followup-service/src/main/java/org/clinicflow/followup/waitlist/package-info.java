/**
 * Earlier times offered from booking's waiting list, sent to the patient with the link that takes them. The message
 * is the only way the offer reaches the patient, so it is planned in the same transaction that records the event as
 * handled.
 */
package org.clinicflow.followup.waitlist;
