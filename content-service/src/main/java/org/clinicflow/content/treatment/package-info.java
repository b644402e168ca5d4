/** Treatments the clinic offers, and the shape of what patients may read about them. */
package org.clinicflow.content.treatment;
