/** Technical wiring of content-service: security rules. */
package org.clinicflow.content.platform;
