/** Treatments the clinic offers and what patients may read about them. */
package org.clinicflow.content.treatment;
