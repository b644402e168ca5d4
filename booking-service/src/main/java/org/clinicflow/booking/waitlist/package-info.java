/**
 * The waiting list for an earlier appointment: patients (or reception for them) ask for an earlier time with the same
 * clinician; when a time of that clinician frees, the patients it suits are offered it, the most pressing 48-hour
 * deadline first, and the first to accept is moved to it. Offers lapse by themselves, and every one is kept.
 */
package org.clinicflow.booking.waitlist;
