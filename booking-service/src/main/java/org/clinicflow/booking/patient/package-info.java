/** Patients as the clinic registers them: self-referral, contact details and per-channel consent. */
package org.clinicflow.booking.patient;
