/**
 * Appointments as booking-service answers them: reading one, its history, and the changes reception makes (check in,
 * no-show, cancel, move), each naming the version it was based on.
 */
package org.clinicflow.web.appointment;
