/**
 * The patient's own pages, signed in: their appointments (with a calendar file, and moving or cancelling within the
 * clinic's rules), their follow-up plan, the messages they were sent and their contact preferences. Every call names
 * no patient: the services take the patient from the token, so nothing typed into a URL reaches anyone else's record.
 */
package org.clinicflow.web.portal;
