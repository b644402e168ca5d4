/** Technical wiring of content-service: security rules and clock. */
package org.clinicflow.content.platform;
