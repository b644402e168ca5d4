/** The clinic's worklist: overdue tasks, reviews not booked in time, and messages that could not be delivered. */
package org.clinicflow.followup.worklist;
