/** Traces as every deployable exports them: to Zipkin, and without personal data. */
package org.clinicflow.tracing;
