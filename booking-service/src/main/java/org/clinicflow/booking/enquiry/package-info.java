/** Enquiries and the 48-hour access promise: its clock, its warnings and how well it is kept. */
package org.clinicflow.booking.enquiry;
