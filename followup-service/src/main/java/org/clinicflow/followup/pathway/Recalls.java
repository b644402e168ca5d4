package org.clinicflow.followup.pathway;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.clinicflow.followup.contact.PatientContacts;
import org.clinicflow.platform.security.ClinicUser;
import org.clinicflow.platform.time.ClinicZone;
import org.clinicflow.platform.web.InvalidFieldException;
import org.clinicflow.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The general recall list: a clinician asks to see any patient again in some weeks ("see again in 6 weeks"), not
 * only after a procedure. A recall is a review request with a reason and no procedure; reception books it from the
 * same to-book list, and it shows on the worklist while it is not booked by its date.
 */
@Service
class Recalls {

    /** Days either side of the week asked for: a recall is a week, not a day. */
    private static final int WINDOW_DAYS = 7;
    /** Reception should book a recall within this, or by the window's start if that comes sooner. */
    private static final int BOOK_WITHIN_DAYS = 14;

    private final Pathways pathways;
    private final PatientContacts patients;
    private final JdbcClient jdbc;
    private final Clock clock;

    Recalls(Pathways pathways, PatientContacts patients, JdbcClient jdbc, Clock clock) {
        this.pathways = pathways;
        this.patients = patients;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    enum RecallType { FULL_CONSULTATION, POST_PROCEDURE_REVIEW }

    /** @param appointmentType null means a full consultation */
    record NewRecall(@NotNull UUID patientId, @NotNull @Min(1) @Max(104) Integer weeks,
                     @NotBlank @Size(min = 5, max = 500) String reason, RecallType appointmentType) {
    }

    /** @param status REQUESTED until an appointment answers it, then BOOKED */
    record RecallView(UUID id, UUID patientId, UUID clinicianId, String reason, String appointmentType,
                      LocalDate windowStarts, LocalDate windowEnds, LocalDate bookBy, String status,
                      UUID appointmentId, OffsetDateTime appointmentStartsAt) {
    }

    @Transactional
    RecallView ask(NewRecall request, ClinicUser user) {
        // The clinician is the one asking, from their token: a recall never names a clinician nobody checked.
        var clinician = user.clinicianId().orElseThrow(() -> new InvalidFieldException("clinicianId",
                "your sign-in is not tied to a clinician"));
        if (patients.find(request.patientId()).isEmpty()) {
            throw new InvalidFieldException("patientId", "does not match a registered patient");
        }
        var today = LocalDate.now(clock.withZone(ClinicZone.ZONE));
        var target = today.plusWeeks(request.weeks());
        var starts = target.minusDays(WINDOW_DAYS).isAfter(today) ? target.minusDays(WINDOW_DAYS) : today.plusDays(1);
        var ends = target.plusDays(WINDOW_DAYS);
        var withinDays = today.plusDays(BOOK_WITHIN_DAYS);
        var bookBy = withinDays.isBefore(starts) ? withinDays : starts;
        var type = request.appointmentType() == null ? RecallType.FULL_CONSULTATION : request.appointmentType();
        var id = pathways.recall(new Pathways.Recall(request.patientId(), clinician, request.weeks(),
                request.reason().strip(), type.name(), starts, ends, bookBy, user.userId()));
        return find(id);
    }

    @Transactional(readOnly = true)
    RecallView find(UUID id) {
        return jdbc.sql("""
                        select id, patient_id, surgeon_id, reason, appointment_type, window_starts, window_ends,
                            book_by, status, appointment_id, appointment_starts_at
                        from review_request where id = :id and pathway_id is null
                        """)
                .param("id", id)
                .query((rs, row) -> {
                    var startsAt = rs.getObject("appointment_starts_at", OffsetDateTime.class);
                    return new RecallView(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                            rs.getObject("surgeon_id", UUID.class), rs.getString("reason"),
                            rs.getString("appointment_type"), rs.getObject("window_starts", LocalDate.class),
                            rs.getObject("window_ends", LocalDate.class), rs.getObject("book_by", LocalDate.class),
                            rs.getString("status"), rs.getObject("appointment_id", UUID.class),
                            startsAt == null ? null : startsAt.atZoneSameInstant(ClinicZone.ZONE).toOffsetDateTime());
                })
                .optional().orElseThrow(() -> new NotFoundException("Recall", id));
    }
}
