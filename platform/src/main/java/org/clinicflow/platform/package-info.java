/** Technical plumbing shared by the services; holds no domain code and knows no service's events. */
package org.clinicflow.platform;
