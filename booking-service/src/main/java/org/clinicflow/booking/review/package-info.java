/** Post-procedure reviews that follow-up asks for, kept on reception's to-book list until booked. */
package org.clinicflow.booking.review;
