/**
 * What every page shares: the relayed sign-in and CSRF token, the clients of the three services and how their
 * answers become page messages, clinic time, and the navigation each role sees.
 */
package org.clinicflow.web.platform;
