/** One correlation id per request, from the gateway through each service's logs, audit records and events. */
package org.clinicflow.platform.correlation;
