/** booking-service: who is seen, by whom, when; the clinic's 48-hour promise lives here. */
package org.clinicflow.booking;
