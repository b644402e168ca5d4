/** followup-service: what the clinic owes each patient after booking and after a procedure, sent once and never lost. */
package org.clinicflow.followup;
