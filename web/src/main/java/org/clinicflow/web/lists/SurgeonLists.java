package org.clinicflow.web.lists;

import org.clinicflow.web.platform.Part;
import org.clinicflow.web.platform.ServiceProblem;
import org.clinicflow.web.platform.Services;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** booking-service's clinic and theatre lists and procedure records, and the pathways followup-service starts. */
@Component
class SurgeonLists {

    /** One line of a list, as booking-service gives it. */
    record Entry(UUID appointmentId, OffsetDateTime startsAt, OffsetDateTime endsAt, UUID patientId,
                 String patientName, LocalDate patientDateOfBirth, String appointmentType, String reason,
                 String status, String room, String plannedTreatment, List<String> plannedLevels) {

        public boolean awaitsItsRecord() {
            return appointmentType.equals("PROCEDURE") && status.equals("CHECKED_IN");
        }
    }

    record Plan(UUID appointmentId, String treatment, List<String> vertebralLevels) {
    }

    record Recorded(UUID id, UUID appointmentId, String treatment, List<String> vertebralLevels,
                    LocalDate performedOn, UUID performedBy) {
    }

    record StartedPathway(UUID pathwayId, UUID patientId, UUID surgeonId, UUID appointmentId, String treatment,
                          LocalDate performedOn, OffsetDateTime startedAt) {
    }

    private record Worklist(List<StartedPathway> startedPathways) {
    }

    private final Services services;

    SurgeonLists(Services services) {
        this.services = services;
    }

    List<Entry> list(UUID clinician, String kind, LocalDate date, int days) {
        return services.get(Part.BOOKING, new ParameterizedTypeReference<List<Entry>>() {
        }, "/api/booking/clinicians/{id}/lists/{kind}?date={date}&days={days}", clinician, kind, date, days);
    }

    /** The planned treatment of a theatre appointment, when someone has planned it. */
    Optional<Plan> plan(UUID appointment) {
        try {
            return Optional.of(services.get(Part.BOOKING, Plan.class,
                    "/api/booking/appointments/{id}/procedure-plan", appointment));
        } catch (ServiceProblem notPlanned) {
            if (notPlanned.status() == 404) {
                return Optional.empty();
            }
            throw notPlanned;
        }
    }

    Recorded record(UUID appointment, String treatment, List<String> levels, LocalDate performedOn) {
        return services.post(Part.BOOKING, Recorded.class, Map.of("treatment", treatment, "vertebralLevels", levels,
                "performedOn", performedOn), null, "/api/booking/appointments/{id}/procedure", appointment);
    }

    /** The pathway followup-service started for the procedure on this appointment, once it has heard of it. */
    Optional<StartedPathway> pathwayOf(UUID appointment) {
        return services.get(Part.FOLLOWUP, Worklist.class, "/api/followup/worklist").startedPathways().stream()
                .filter(pathway -> pathway.appointmentId().equals(appointment)).findFirst();
    }
}
