/** Transactional outbox: events stored with the state change that caused them, relayed to Kafka after commit. */
package org.clinicflow.platform.outbox;
