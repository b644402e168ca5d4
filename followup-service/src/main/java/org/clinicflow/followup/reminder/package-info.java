/**
 * Appointment messages planned from booking events: a confirmation, reminders two days and two hours before, and a
 * notice when an appointment moves or is cancelled (which cancels the reminders not yet sent).
 */
package org.clinicflow.followup.reminder;
