package org.clinicflow.followup.pathway;

import org.clinicflow.platform.time.ClinicZone;
import io.swagger.v3.oas.annotations.Operation;
import org.clinicflow.platform.audit.AuditAction;
import org.clinicflow.platform.audit.AuditScope;
import org.clinicflow.platform.audit.Audited;
import org.clinicflow.platform.security.ClinicUser;
import org.clinicflow.platform.web.ConflictException;
import org.clinicflow.platform.web.NotFoundException;
import org.clinicflow.platform.web.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Clinic tasks from pathways, such as the GP bone-density letter: open until someone marks them sent. */
@RestController
@RequestMapping("/api/followup/tasks")
class TaskController {

    private final JdbcClient jdbc;
    private final Clock clock;

    TaskController(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @param doneBy the user id (Keycloak subject) who marked it, never a name; null while open */
    record TaskView(UUID id, UUID pathwayId, UUID patientId, String stepCode, String title, LocalDate dueOn,
                    String status, OffsetDateTime doneAt, String doneBy, long version) {
    }

    @Operation(summary = "One clinic task, its version as ETag (reception, clinic admin, surgeons)")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('receptionist', 'clinic-admin', 'surgeon')")
    @Audited(action = AuditAction.READ, record = "task", id = "#id", patients = "#result?.patientId()")
    ResponseEntity<TaskView> one(@PathVariable UUID id) {
        var task = find(id);
        return ResponseEntity.ok().header(HttpHeaders.ETAG, Versions.etag(task.version())).body(task);
    }

    @Operation(summary = "Mark a task done, e.g. the GP letter sent (reception, clinic admin; If-Match required)")
    @PostMapping("/{id}/sent")
    @PreAuthorize("hasAnyRole('receptionist', 'clinic-admin')")
    @Audited(action = AuditAction.CHANGE, record = "task", id = "#id")
    @Transactional
    ResponseEntity<TaskView> markSent(@PathVariable UUID id,
                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                      Authentication authentication) {
        var task = jdbc.sql("select * from follow_up_task where id = :id for update").param("id", id)
                .query(TaskController::map).optional().orElseThrow(() -> new NotFoundException("Task", id));
        AuditScope.patient(task.patientId());
        Versions.requireMatch(ifMatch, task.version());
        if (task.status().equals("DONE")) {
            throw new ConflictException("Task " + id + " is already done");
        }
        jdbc.sql("""
                        update follow_up_task set status = 'DONE', done_at = :now, done_by = :by,
                            version = version + 1
                        where id = :id
                        """)
                .param("id", id).param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("by", ClinicUser.of(authentication).userId()).update();
        var done = find(id);
        return ResponseEntity.ok().header(HttpHeaders.ETAG, Versions.etag(done.version())).body(done);
    }

    private TaskView find(UUID id) {
        return jdbc.sql("select * from follow_up_task where id = :id").param("id", id)
                .query(TaskController::map).optional().orElseThrow(() -> new NotFoundException("Task", id));
    }

    private static TaskView map(ResultSet rs, int row) throws SQLException {
        var doneAt = rs.getObject("done_at", OffsetDateTime.class);
        return new TaskView(rs.getObject("id", UUID.class), rs.getObject("pathway_id", UUID.class),
                rs.getObject("patient_id", UUID.class), rs.getString("step_code"), rs.getString("title"),
                rs.getObject("due_on", LocalDate.class), rs.getString("status"),
                doneAt == null ? null : doneAt.atZoneSameInstant(ClinicZone.ZONE).toOffsetDateTime(),
                rs.getString("done_by"), rs.getLong("version"));
    }
}
