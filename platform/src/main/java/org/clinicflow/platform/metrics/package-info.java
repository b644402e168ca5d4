/**
 * What the services' own gauges share: a reading from the database taken at most every few seconds, however often
 * Prometheus scrapes. The gauges themselves live with the feature whose words they use.
 */
package org.clinicflow.platform.metrics;
