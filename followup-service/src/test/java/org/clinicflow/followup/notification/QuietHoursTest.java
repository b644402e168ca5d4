package org.clinicflow.followup.notification;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            // winter: London is UTC
            "2027-01-15T20:59:59Z, 2027-01-15T20:59:59Z",
            "2027-01-15T21:00:00Z, 2027-01-16T08:00:00Z",
            "2027-01-16T07:59:59Z, 2027-01-16T08:00:00Z",
            "2027-01-16T08:00:00Z, 2027-01-16T08:00:00Z",
            // summer: London is UTC+1
            "2027-07-01T19:59:59Z, 2027-07-01T19:59:59Z",
            "2027-07-01T20:00:00Z, 2027-07-02T07:00:00Z",
            // the spring night (clocks forward at 01:00 UTC on 28 March): 21:00 GMT to 08:00 BST
            "2027-03-27T21:00:00Z, 2027-03-28T07:00:00Z",
            "2027-03-28T01:30:00Z, 2027-03-28T07:00:00Z",
            "2027-03-28T07:00:00Z, 2027-03-28T07:00:00Z",
            // the autumn night (clocks back at 01:00 UTC on 31 October): 21:00 BST to 08:00 GMT
            "2027-10-30T19:59:59Z, 2027-10-30T19:59:59Z",
            "2027-10-30T20:00:00Z, 2027-10-31T08:00:00Z",
            "2027-10-31T01:30:00Z, 2027-10-31T08:00:00Z",
            "2027-10-31T07:59:59Z, 2027-10-31T08:00:00Z"
    })
    void smsWaitsForEightOClockOnTheClinicsClock(String at, String allowed) {
        assertThat(QuietHours.CLINIC.nextAllowed(Instant.parse(at))).isEqualTo(Instant.parse(allowed));
        assertThat(QuietHours.CLINIC.isQuiet(Instant.parse(at))).isEqualTo(!at.equals(allowed));
    }
}
