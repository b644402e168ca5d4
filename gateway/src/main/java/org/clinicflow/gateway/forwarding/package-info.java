/** Who the client is: forwarded headers believed only from configured proxies, and passed on rewritten. */
package org.clinicflow.gateway.forwarding;
