/** Bearer tokens checked at the edge; browser sign-in with PKCE, session cookie, CSRF and token relay. */
package org.clinicflow.gateway.security;
