/** The one definition of the clinic's time zone, for every service. */
package org.clinicflow.platform.time;
