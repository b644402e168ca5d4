/** Technical wiring of followup-service: security rules, clock, Kafka error handling. */
package org.clinicflow.followup.platform;
