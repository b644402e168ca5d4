/** Per-user and per-address rate limits, shared by every gateway in Redis, answered 429 with Retry-After. */
package org.clinicflow.gateway.ratelimit;
