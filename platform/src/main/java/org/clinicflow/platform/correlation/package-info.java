/** The correlation id is the trace id: read from the trace context, kept beside deferred work, answered to callers. */
package org.clinicflow.platform.correlation;
