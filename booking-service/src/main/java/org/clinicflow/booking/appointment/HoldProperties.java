package org.clinicflow.booking.appointment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long a slot is held for a booking in progress ({@code clinicflow.booking.hold-duration}).
 *
 * @param holdDuration long enough for reception to confirm with the patient on the phone, short enough that an
 *                     abandoned hold does not keep a slot from the next caller
 */
@ConfigurationProperties("clinicflow.booking")
record HoldProperties(@DefaultValue("PT5M") Duration holdDuration) {
}
