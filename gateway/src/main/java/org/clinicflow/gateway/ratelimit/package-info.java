/** Per-user and per-address rate limits, answered 429 with Retry-After. */
package org.clinicflow.gateway.ratelimit;
