/** How every service reads a Keycloak access token: roles as authorities, and who the caller is. */
package org.clinicflow.platform.security;
