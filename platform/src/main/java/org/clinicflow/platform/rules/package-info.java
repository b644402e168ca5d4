/**
 * The base of the exceptions a service's domain types throw when one of their rules refuses a change. The domain names
 * the rule it broke; it knows nothing of HTTP or of the request's fields. The web edge ({@code ProblemDetailsAdvice})
 * turns each into a problem, in one place.
 */
package org.clinicflow.platform.rules;
