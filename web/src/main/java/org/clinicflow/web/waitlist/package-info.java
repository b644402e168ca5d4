/**
 * Reception's view of the waiting list: who waits for an earlier time, how pressing their 48-hour deadline is, and
 * every offer made to them (what was offered, when, and what became of it).
 */
package org.clinicflow.web.waitlist;
