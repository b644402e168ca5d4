/** The 48-hour promise's warnings from booking-service as alerts reception acknowledges; breaches also email the lead. */
package org.clinicflow.followup.access;
