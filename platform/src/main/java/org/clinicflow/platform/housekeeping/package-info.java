/**
 * Keeps the outbox and inbox tables from growing for ever: relayed events and processed-event ids are deleted once
 * they are older than their retention. Unsent events are never touched.
 */
package org.clinicflow.platform.housekeeping;
