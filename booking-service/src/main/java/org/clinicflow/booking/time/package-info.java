/** The clinic's civil time: sessions are wall-clock times in London, the database compares instants. */
package org.clinicflow.booking.time;
