/** Checks of the Kubernetes manifests in {@code deploy/kubernetes} against the services' own configuration. */
package org.clinicflow.kubernetes;
