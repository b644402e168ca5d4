/** The trace id, answered to every caller as its correlation id. */
package org.clinicflow.gateway.correlation;
