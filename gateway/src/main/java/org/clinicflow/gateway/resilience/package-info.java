/** What the gateway answers when a service is down (503 problem details, per route), and how it stops waiting on Redis. */
package org.clinicflow.gateway.resilience;
