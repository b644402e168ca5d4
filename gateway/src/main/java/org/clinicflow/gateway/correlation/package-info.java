/** A correlation id on every request, passed to the services. */
package org.clinicflow.gateway.correlation;
