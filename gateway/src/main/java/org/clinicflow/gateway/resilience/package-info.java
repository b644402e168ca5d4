/** What the gateway answers when a service is down: 503 problem details, per route. */
package org.clinicflow.gateway.resilience;
