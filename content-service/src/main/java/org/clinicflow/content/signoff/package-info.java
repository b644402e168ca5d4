/**
 * Versions of a treatment's content and their clinical sign-off: written, submitted, approved by a surgeon who did not
 * write it (or returned), published, and superseded by the next, each step recorded with who and when.
 */
package org.clinicflow.content.signoff;
