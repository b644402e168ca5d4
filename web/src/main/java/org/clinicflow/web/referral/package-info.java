/**
 * Referring yourself on the web, with no account: the request for a free 15-minute consultation, its screening for
 * the warning signs of a spinal emergency (urgent advice at once, and a call from the clinic, never a routine slot),
 * and, when none is found, the person's own pick of the earliest free consultations. booking-service is called as
 * nobody; the referral's own key, given once when it is submitted, is what opens its slots.
 */
package org.clinicflow.web.referral;
