/**
 * The gateway as a shared cache for the revalidation of public pages: an anonymous reader who already holds the
 * current version of a treatment page is told so here, without a trip to content-service.
 */
package org.clinicflow.gateway.revalidation;
