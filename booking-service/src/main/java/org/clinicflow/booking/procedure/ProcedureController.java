package org.clinicflow.booking.procedure;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.clinicflow.platform.audit.AuditAction;
import org.clinicflow.platform.audit.Audited;
import org.clinicflow.platform.security.ClinicUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A surgeon records a procedure as performed on its theatre appointment (see {@link ProcedureRecording}). */
@RestController
@RequestMapping("/api/booking/appointments/{appointmentId}/procedure")
class ProcedureController {

    private final ProcedureRecording recording;

    ProcedureController(ProcedureRecording recording) {
        this.recording = recording;
    }

    /** @param performedBy the operating surgeon; the caller when not given */
    record RecordProcedure(@NotNull Treatment treatment,
                           @NotEmpty @Size(max = 10) List<@Pattern(regexp = "C[1-7]|T([1-9]|1[0-2])|L[1-5]|S[1-5]",
                                   message = "must be a vertebral level such as T12 or L1") String> vertebralLevels,
                           @NotNull LocalDate performedOn,
                           UUID performedBy) {
    }

    record ProcedureView(UUID id, UUID appointmentId, Treatment treatment, List<String> vertebralLevels,
                         LocalDate performedOn, UUID performedBy) {
    }

    @Operation(summary = "Record the procedure performed on a theatre appointment (surgeons)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('surgeon')")
    @Audited(action = AuditAction.CREATE, record = "procedure", id = "#result?.id()")
    ProcedureView record(@PathVariable UUID appointmentId, @Valid @RequestBody RecordProcedure request,
                         Authentication authentication) {
        var record = recording.record(appointmentId, new ProcedureRecording.Procedure(request.treatment(),
                request.vertebralLevels(), request.performedOn(), request.performedBy()),
                ClinicUser.of(authentication));
        return new ProcedureView(record.id(), appointmentId, record.treatment(), record.vertebralLevels(),
                record.performedOn(), record.performedBy());
    }
}
