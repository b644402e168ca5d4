package org.clinicflow.platform.time;

import java.time.ZoneId;

/**
 * The clinic's time zone. Every time is stored as an instant; it is shown, and days and sessions are reckoned, in
 * this zone, so that 09:00 stays 09:00 across the clock changes.
 */
public final class ClinicZone {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private ClinicZone() {
    }
}
