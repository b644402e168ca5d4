/** Appointment reminders: planned from booking events, shown to the patient they belong to. */
package org.clinicflow.followup.reminder;
