package org.clinicflow.followup.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock that runs like the system clock but can be shifted to any moment, so tests can be at 22:00 on the eve of a
 * clock change and still see time pass (backoffs, leases).
 */
public final class TestClock extends Clock {

    private final ZoneId zone;
    private volatile Duration shift = Duration.ZERO;

    public TestClock(ZoneId zone) {
        this.zone = zone;
    }

    /** From now on, "now" reads {@code instant} and moves on from there in real time. */
    public void setNow(Instant instant) {
        shift = Duration.between(Instant.now(), instant);
    }

    public void reset() {
        shift = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        var clock = new TestClock(zone);
        clock.shift = shift;
        return clock;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(shift);
    }
}
