/**
 * The audit trail of patient data: who read or changed what, when, from where and with what outcome, kept append-only
 * in each service's own database and readable by clinic admins.
 */
package org.clinicflow.platform.audit;
