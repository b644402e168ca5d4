package org.clinicflow.booking.appointment;

import org.clinicflow.booking.availability.AppointmentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An appointment's lifecycle on its own, without a database: which changes it allows, and when. */
class AppointmentTest {

    private static final ZoneId CLINIC = ZoneId.of("Europe/London");
    /** 10:00 on a Tuesday, clinic time. */
    private static final Instant TEN = LocalDateTime.of(2026, 12, 15, 10, 0).atZone(CLINIC).toInstant();
    private static final UUID PATIENT = UUID.randomUUID();

    @Test
    void aBookingTakesItsTypesLengthAndStartsBooked() {
        var booked = book(AppointmentType.FULL_CONSULTATION);
        assertThat(booked.status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(booked.endsAt()).isEqualTo(TEN.plus(Duration.ofMinutes(30)));
        assertThat(booked.patientId()).isEqualTo(PATIENT);
    }

    @Test
    void aHoldBecomesABookingOnlyBeforeItLapses() {
        var now = TEN.minus(Duration.ofDays(1));
        var hold = Appointment.hold(UUID.randomUUID(), null, AppointmentType.FREE_CONSULTATION, TEN, "rita", now,
                now.plus(Duration.ofMinutes(5)));
        assertThatThrownBy(() -> hold.confirm(PATIENT, null, now.plus(Duration.ofMinutes(5))))
                .isInstanceOf(AppointmentRefused.class).hasMessageContaining("expired");
        hold.confirm(PATIENT, "Back pain", now.plus(Duration.ofMinutes(4)));
        assertThat(hold.status()).isEqualTo(AppointmentStatus.BOOKED);
    }

    @Test
    void aMoveKeepsTheLengthAndOnlyABookedAppointmentMoves() {
        var booked = book(AppointmentType.FREE_CONSULTATION);
        booked.rescheduleTo(TEN.plus(Duration.ofHours(2)), null);
        assertThat(booked.endsAt()).isEqualTo(TEN.plus(Duration.ofHours(2)).plus(Duration.ofMinutes(15)));
        booked.cancel("Away");
        assertThatThrownBy(() -> booked.rescheduleTo(TEN, null)).isInstanceOf(AppointmentRefused.class);
    }

    @Test
    void checkInOnlyOnTheDayAndNoShowOnlyOnceItHasBegun() {
        var booked = book(AppointmentType.FREE_CONSULTATION);
        assertThatThrownBy(() -> booked.checkIn(TEN.minus(Duration.ofDays(1))))
                .isInstanceOf(AppointmentRefused.class).hasMessageContaining("only on the day")
                .extracting(refused -> ((AppointmentRefused) refused).broken())
                .isEqualTo(AppointmentRefused.Rule.CHECK_IN_ON_THE_DAY);
        assertThatThrownBy(() -> booked.markNoShow("Did not come", TEN.minus(Duration.ofMinutes(1))))
                .isInstanceOf(AppointmentRefused.class);
        booked.markNoShow("Did not come", TEN.plus(Duration.ofMinutes(20)));
        assertThat(booked.status()).isEqualTo(AppointmentStatus.NO_SHOW);
        assertThat(booked.statusReason()).isEqualTo("Did not come");
    }

    @Test
    void theLifecycleGoesOneWayAndEndsInCompletedCancelledOrNoShow() {
        var booked = book(AppointmentType.FREE_CONSULTATION);
        assertThatThrownBy(booked::complete).as("not before check-in").isInstanceOf(AppointmentRefused.class);
        booked.checkIn(TEN.minus(Duration.ofHours(1)));
        assertThatThrownBy(() -> booked.cancel("Too late")).isInstanceOf(AppointmentRefused.class);
        booked.complete();
        assertThat(booked.status()).isEqualTo(AppointmentStatus.COMPLETED);
        for (var end : new AppointmentStatus[]{AppointmentStatus.COMPLETED, AppointmentStatus.CANCELLED,
                AppointmentStatus.NO_SHOW}) {
            for (var next : AppointmentStatus.values()) {
                assertThat(end.canBecome(next)).as("%s to %s", end, next).isFalse();
            }
        }
        assertThat(AppointmentStatus.CANCELLED.isLive()).isFalse();
        assertThat(AppointmentStatus.HELD.isLive()).isTrue();
    }

    private static Appointment book(AppointmentType type) {
        return Appointment.book(PATIENT, UUID.randomUUID(), null, type, TEN, null, "rita",
                TEN.minus(Duration.ofDays(2)), false);
    }
}
