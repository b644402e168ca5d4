/**
 * The reception desk: a phone enquiry to a booked consultation in one flow. Record the first contact (the 48-hour
 * clock starts then), find or register the patient, pick one of the earliest free slots, hold it and confirm.
 */
package org.clinicflow.web.desk;
