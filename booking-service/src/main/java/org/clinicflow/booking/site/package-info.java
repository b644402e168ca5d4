/** The clinic's sites and their rooms. */
package org.clinicflow.booking.site;
