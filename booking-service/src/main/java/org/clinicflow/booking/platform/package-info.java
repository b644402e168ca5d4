/**
 * Technical wiring of booking-service: security rules, the clock bean, scheduling. What the features share that is
 * not wiring lives in a package named for it: the clinic's civil time in {@code time}, the API's page shape in
 * {@code web}.
 */
package org.clinicflow.booking.platform;
