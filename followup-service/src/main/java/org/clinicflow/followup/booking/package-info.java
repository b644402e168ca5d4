/**
 * What follow-up reads of booking-service's events, in one place: the topic, the event types, and one tolerant reader
 * per event (a record of the fields follow-up needs; the rest is ignored). The reminders and the pathways both read
 * the appointment topic through these, each in its own consumer group.
 */
package org.clinicflow.followup.booking;
