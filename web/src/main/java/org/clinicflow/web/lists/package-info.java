/**
 * Clinicians' lists: a surgeon's clinic list and theatre list for a day or a week, in list order and printable on
 * A4, and recording the procedure done on a theatre appointment, after which the follow-up pathway it starts is
 * shown. A surgeon reads only their own lists (booking-service refuses any other and audits the refusal); reception
 * and clinic admins choose any clinician.
 */
package org.clinicflow.web.lists;
