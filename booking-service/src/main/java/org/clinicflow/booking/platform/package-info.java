/** Technical wiring of booking-service: security rules, clock. */
package org.clinicflow.booking.platform;
