/** The surgeons and specialists who hold clinics and theatre sessions. */
package org.clinicflow.booking.clinician;
