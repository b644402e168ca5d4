/** Patients' sign-ins at Keycloak: created and invited when a patient gives an email address, kept by reception. */
package org.clinicflow.booking.account;
