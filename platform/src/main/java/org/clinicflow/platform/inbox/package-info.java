/** Idempotent consumers: each processed event id is recorded with its effect, so a redelivery has none. */
package org.clinicflow.platform.inbox;
