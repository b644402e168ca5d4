package org.clinicflow.followup.pathway;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.clinicflow.platform.audit.AuditAction;
import org.clinicflow.platform.audit.Audited;
import org.clinicflow.platform.security.ClinicUser;
import org.clinicflow.platform.time.ClinicZone;
import org.clinicflow.platform.web.InvalidFieldException;
import org.clinicflow.platform.web.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.UUID;

/** Clinic tasks from pathways, such as the GP bone-density letter: open until their loop is closed. */
@RestController
@RequestMapping("/api/followup/tasks")
class TaskController {

    private final ClinicTasks tasks;
    private final Clock clock;

    TaskController(ClinicTasks tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    /** @param scanDate and result required when the scan was DONE; neither for DECLINED */
    record ScanResult(@NotNull ClinicTasks.ScanOutcome outcome, LocalDate scanDate,
                      @Size(max = 500) String result) {
    }

    record Closure(@NotBlank @Size(min = 5, max = 500) String reason) {
    }

    @Operation(summary = "One clinic task, its version as ETag (reception, clinic admin, surgeons)")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('receptionist', 'clinic-admin', 'surgeon')")
    @Audited(action = AuditAction.READ, record = "task", id = "#id", patients = "#result?.patientId()")
    ResponseEntity<ClinicTasks.TaskView> one(@PathVariable UUID id) {
        return withEtag(tasks.find(id));
    }

    @Operation(summary = "The task's letter was sent, e.g. to the GP; a bone-density task then waits for the scan's "
            + "result (reception, clinic admin; If-Match required)")
    @PostMapping("/{id}/sent")
    @PreAuthorize("hasAnyRole('receptionist', 'clinic-admin')")
    @Audited(action = AuditAction.CHANGE, record = "task", id = "#id")
    @Transactional
    ResponseEntity<ClinicTasks.TaskView> markSent(@PathVariable UUID id,
                                                  @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                  String ifMatch, Authentication authentication) {
        return withEtag(tasks.letterSent(id, ifMatch, ClinicUser.of(authentication)));
    }

    @Operation(summary = "Record the bone-density scan's result: done (date and outcome) or declined; the task is "
            + "done (reception, clinic admin, surgeons; If-Match required)")
    @PostMapping("/{id}/result")
    @PreAuthorize("hasAnyRole('receptionist', 'clinic-admin', 'surgeon')")
    @Audited(action = AuditAction.CHANGE, record = "task", id = "#id")
    @Transactional
    ResponseEntity<ClinicTasks.TaskView> recordResult(@PathVariable UUID id,
                                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                      String ifMatch, @Valid @RequestBody ScanResult request,
                                                      Authentication authentication) {
        var result = request.result() == null || request.result().isBlank() ? null : request.result().strip();
        var problems = new LinkedHashMap<String, String>();
        if (request.outcome() == ClinicTasks.ScanOutcome.DONE) {
            var today = LocalDate.now(clock.withZone(ClinicZone.ZONE));
            if (request.scanDate() == null) {
                problems.put("scanDate", "is required when the scan was done");
            } else if (request.scanDate().isAfter(today)) {
                problems.put("scanDate", "must not be in the future");
            }
            if (result == null) {
                problems.put("result", "is required when the scan was done");
            }
        } else if (request.scanDate() != null || result != null) {
            problems.put("outcome", "a declined scan has no date or result");
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
        return withEtag(tasks.resultRecorded(id, ifMatch, request.outcome(), request.scanDate(), result,
                ClinicUser.of(authentication)));
    }

    @Operation(summary = "Close a task that is no longer needed, with a reason (surgeons, clinic admin; If-Match)")
    @PostMapping("/{id}/closure")
    @PreAuthorize("hasAnyRole('surgeon', 'clinic-admin')")
    @Audited(action = AuditAction.CHANGE, record = "task", id = "#id")
    @Transactional
    ResponseEntity<ClinicTasks.TaskView> close(@PathVariable UUID id,
                                               @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                               String ifMatch, @Valid @RequestBody Closure request,
                                               Authentication authentication) {
        return withEtag(tasks.closed(id, ifMatch, request.reason().strip(), ClinicUser.of(authentication)));
    }

    private static ResponseEntity<ClinicTasks.TaskView> withEtag(ClinicTasks.TaskView task) {
        return ResponseEntity.ok().header(HttpHeaders.ETAG, Versions.etag(task.version())).body(task);
    }
}
