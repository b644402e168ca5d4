/**
 * An earlier time offered from the waiting list, as the patient opens it from the link in their text or email: take
 * it, or keep the time they have. No sign-in: the link's key opens this one offer, and booking-service decides who
 * was first.
 */
package org.clinicflow.web.offer;
