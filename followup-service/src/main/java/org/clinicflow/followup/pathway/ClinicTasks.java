package org.clinicflow.followup.pathway;

import org.clinicflow.platform.audit.AuditScope;
import org.clinicflow.platform.security.ClinicUser;
import org.clinicflow.platform.time.ClinicZone;
import org.clinicflow.platform.web.ConflictException;
import org.clinicflow.platform.web.NotFoundException;
import org.clinicflow.platform.web.Versions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

/**
 * The owner of {@code follow_up_task}: a clinic task from a pathway, and where it is in its life.
 * <p>
 * The GP bone-density letter is a loop the clinic must close, not a message: OPEN until the letter is sent,
 * LETTER_SENT until the scan's result is back (DONE, with the date and outcome, or the patient declined), or CLOSED by
 * a clinician with a reason. It stays on the worklist, once due, until it is DONE or CLOSED. Any other task is DONE
 * once marked sent. Every change bumps the version, so a change made on a stale view is refused (412).
 */
@Component
class ClinicTasks {

    /** The pathway step whose task waits for the scan's result after the letter. */
    static final String BONE_DENSITY = "GP_BONE_DENSITY_LETTER";
    static final Set<String> FINISHED = Set.of("DONE", "CLOSED");

    private final JdbcClient jdbc;
    private final Clock clock;

    ClinicTasks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    enum ScanOutcome { DONE, DECLINED }

    /**
     * @param doneBy       the user id (Keycloak subject) who recorded the result or closed it, never a name; null
     *                     while it is open
     * @param letterSentBy likewise, for the letter; null until it is sent
     * @param scanResult   the scan's outcome in the clinic's words; clinical, never logged
     */
    record TaskView(UUID id, UUID pathwayId, UUID patientId, String stepCode, String title, LocalDate dueOn,
                    String status, OffsetDateTime letterSentAt, String letterSentBy, ScanOutcome scanOutcome,
                    LocalDate scanDate, String scanResult, String closedReason, OffsetDateTime doneAt,
                    String doneBy, long version) {
    }

    @Transactional(readOnly = true)
    TaskView find(UUID id) {
        return jdbc.sql("select * from follow_up_task where id = :id").param("id", id)
                .query(ClinicTasks::map).optional().orElseThrow(() -> new NotFoundException("Task", id));
    }

    /** The letter went to the GP: a bone-density task now waits for the result; any other task is done. */
    @Transactional(propagation = Propagation.MANDATORY)
    TaskView letterSent(UUID id, String ifMatch, ClinicUser by) {
        var task = lock(id, ifMatch);
        if (!task.status().equals("OPEN")) {
            throw new ConflictException("Task " + id + " is " + task.status() + ", not waiting for its letter");
        }
        var waitsForResult = task.stepCode().equals(BONE_DENSITY);
        jdbc.sql("""
                        update follow_up_task set status = :status, letter_sent_at = :now, letter_sent_by = :by,
                            done_at = :doneAt, done_by = :doneBy, version = version + 1
                        where id = :id
                        """)
                .param("id", id).param("status", waitsForResult ? "LETTER_SENT" : "DONE").param("now", now())
                .param("by", by.userId()).param("doneAt", waitsForResult ? null : now())
                .param("doneBy", waitsForResult ? null : by.userId()).update();
        return find(id);
    }

    /**
     * The GP's answer: the scan was done (its date and outcome), or the patient declined it. Accepted before the
     * letter is marked sent too: a result that arrives first must not be turned away.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    TaskView resultRecorded(UUID id, String ifMatch, ScanOutcome outcome, LocalDate scanDate, String result,
                            ClinicUser by) {
        var task = lock(id, ifMatch);
        if (!task.stepCode().equals(BONE_DENSITY)) {
            throw new ConflictException("Task " + id + " does not wait for a scan result");
        }
        requireUnfinished(task);
        jdbc.sql("""
                        update follow_up_task set status = 'DONE', scan_outcome = :outcome, scan_date = :date,
                            scan_result = :result, done_at = :now, done_by = :by, version = version + 1
                        where id = :id
                        """)
                .param("id", id).param("outcome", outcome.name()).param("date", scanDate).param("result", result)
                .param("now", now()).param("by", by.userId()).update();
        return find(id);
    }

    /** A clinician's decision that the task is no longer needed, with why (kept with it). */
    @Transactional(propagation = Propagation.MANDATORY)
    TaskView closed(UUID id, String ifMatch, String reason, ClinicUser by) {
        var task = lock(id, ifMatch);
        requireUnfinished(task);
        jdbc.sql("""
                        update follow_up_task set status = 'CLOSED', closed_reason = :reason, done_at = :now,
                            done_by = :by, version = version + 1
                        where id = :id
                        """)
                .param("id", id).param("reason", reason).param("now", now()).param("by", by.userId()).update();
        return find(id);
    }

    private TaskView lock(UUID id, String ifMatch) {
        var task = jdbc.sql("select * from follow_up_task where id = :id for update").param("id", id)
                .query(ClinicTasks::map).optional().orElseThrow(() -> new NotFoundException("Task", id));
        AuditScope.patient(task.patientId());
        Versions.requireMatch(ifMatch, task.version());
        return task;
    }

    private static void requireUnfinished(TaskView task) {
        if (FINISHED.contains(task.status())) {
            throw new ConflictException("Task " + task.id() + " is already " + task.status());
        }
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static TaskView map(ResultSet rs, int row) throws SQLException {
        var outcome = rs.getString("scan_outcome");
        return new TaskView(rs.getObject("id", UUID.class), rs.getObject("pathway_id", UUID.class),
                rs.getObject("patient_id", UUID.class), rs.getString("step_code"), rs.getString("title"),
                rs.getObject("due_on", LocalDate.class), rs.getString("status"),
                local(rs.getObject("letter_sent_at", OffsetDateTime.class)), rs.getString("letter_sent_by"),
                outcome == null ? null : ScanOutcome.valueOf(outcome), rs.getObject("scan_date", LocalDate.class),
                rs.getString("scan_result"), rs.getString("closed_reason"),
                local(rs.getObject("done_at", OffsetDateTime.class)), rs.getString("done_by"), rs.getLong("version"));
    }

    private static OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(ClinicZone.ZONE).toOffsetDateTime();
    }
}
