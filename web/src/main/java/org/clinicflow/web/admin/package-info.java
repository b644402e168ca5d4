/**
 * Clinic administration: leave, bank holidays and extra sessions (a change that would strand a booked patient is
 * refused, and the page names each appointment in the way), weekly sessions, the follow-up pathways, the audit trail
 * of booking and follow-up together, and the weekly 48-hour report as a table and a chart.
 */
package org.clinicflow.web.admin;
