/** When clinicians work (weekly session templates and their exceptions) and which slots are still free. */
package org.clinicflow.booking.availability;
