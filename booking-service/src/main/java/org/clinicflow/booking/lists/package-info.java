/** Surgeons' clinic and theatre lists for a day or a week, on screen and on paper. */
package org.clinicflow.booking.lists;
