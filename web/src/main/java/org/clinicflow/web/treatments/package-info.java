/**
 * The clinic's treatment information for anyone, signed in or not: the published version of each treatment from
 * content-service, section by section, as a surgeon signed it off. Nothing here reads or shows a patient's data.
 */
package org.clinicflow.web.treatments;
