/** Appointments: booking a patient into a clinician's time, never twice into the same minutes. */
package org.clinicflow.booking.appointment;
