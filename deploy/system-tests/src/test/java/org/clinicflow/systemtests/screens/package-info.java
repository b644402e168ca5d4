/**
 * The screens tested as people use them: a real Chromium, real Keycloak sign-in, the whole system behind the gateway.
 * One page object per screen; every page a test passes through is checked by axe-core and saved as a screenshot.
 */
package org.clinicflow.systemtests.screens;
