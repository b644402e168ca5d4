/**
 * What needs doing at the desk: enquiries still to book (most urgent first, at risk and breached marked), reviews
 * that follow-up asked for with the slots that fit them, and follow-up's worklist of overdue tasks and failed
 * messages. Each part loads on its own, so one service being down leaves the rest of the page working.
 */
package org.clinicflow.web.todo;
