package org.clinicflow.content;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each feature package is a module: another feature may use only what it exposes (its top-level package and its named
 * interfaces), never its insides, and no two features depend on each other in a circle. Fails on a wall crossed.
 */
class FeatureWallsTest {

    @Test
    void noFeatureReachesIntoAnothersInsides() {
        ApplicationModules.of(ContentApplication.class).verify();
    }
}
