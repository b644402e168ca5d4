/** Technical wiring of content-service: security rules, clock, conditional-request problems. */
package org.clinicflow.content.platform;
