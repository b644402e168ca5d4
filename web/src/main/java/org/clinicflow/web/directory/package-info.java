/** Clinicians and sites as every page names them, read from booking-service. */
package org.clinicflow.web.directory;
