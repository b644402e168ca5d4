/** Technical wiring of followup-service: security rules, clock. */
package org.clinicflow.followup.platform;
