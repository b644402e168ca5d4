package org.clinicflow.systemtests.screens;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** What another service does after an event (follow-up hearing of a booking, say) takes a moment: tests wait for it. */
final class Eventually {

    private Eventually() {
    }

    /** Asks every half second until the condition holds, for up to 30 s. */
    static boolean holds(BooleanSupplier condition) {
        return holds(Duration.ofSeconds(30), condition);
    }

    /** For what runs on a timer of its own, such as booking-service's access clock (once a minute). */
    static boolean holds(Duration within, BooleanSupplier condition) {
        var deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
