/**
 * The gateway: the one public way in. It routes {@code /api/booking/**}, {@code /api/content/**} and
 * {@code /api/followup/**} and passes the caller's bearer token on unchanged; each service checks it itself.
 */
package org.clinicflow.gateway;
