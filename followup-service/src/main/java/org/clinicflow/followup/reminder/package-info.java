/**
 * Appointment messages planned from booking events: a confirmation, two reminders before, and a notice when an
 * appointment moves or is cancelled (which cancels the reminders not yet sent). Their words are versioned templates and
 * their reminders' timing is per appointment type, both data a clinic admin changes; a change reaches the messages
 * not yet sent (ADR 20).
 */
package org.clinicflow.followup.reminder;
