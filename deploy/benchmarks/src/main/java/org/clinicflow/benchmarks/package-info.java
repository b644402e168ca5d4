/** Load measurements against the whole system, run on request only (profile {@code benchmarks}). */
package org.clinicflow.benchmarks;
