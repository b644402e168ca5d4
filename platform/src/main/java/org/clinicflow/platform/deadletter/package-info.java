/**
 * Events a consumer could not process, after its retries: kept in the service's own database with the reason, listed
 * for clinic admins, and replayed on request. A replay sends the event again under its own id, so every consumer that
 * had already processed it drops it in its inbox; only the one that failed acts on it.
 */
package org.clinicflow.platform.deadletter;
