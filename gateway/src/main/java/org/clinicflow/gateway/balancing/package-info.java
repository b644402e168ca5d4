/** Which instances of each service the gateway spreads a route's requests over. */
package org.clinicflow.gateway.balancing;
