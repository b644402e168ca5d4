/** What every feature's API shares at the HTTP edge: the shape of a page of results. */
package org.clinicflow.booking.web;
