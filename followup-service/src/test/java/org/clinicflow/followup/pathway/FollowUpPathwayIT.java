package org.clinicflow.followup.pathway;

import org.clinicflow.contracts.EventContracts;
import org.clinicflow.followup.FollowupServiceIT;
import org.clinicflow.followup.support.Events;
import org.clinicflow.localstack.ApiCall;
import org.clinicflow.localstack.DemoUsers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class FollowUpPathwayIT extends FollowupServiceIT {

    private static final String APPOINTMENTS = "clinic.booking.appointment";
    private static final AtomicInteger contentVersion = new AtomicInteger(100);

    @Test
    void theEventsThisServiceSendsAndTakesHonourTheirContracts() {
        assertThat(EventContracts.violations(Events.procedureCompleted(UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "BALLOON_KYPHOPLASTY", LocalDate.now()))).isEmpty();
        assertThat(EventContracts.violations(Events.treatmentPublished("balloon-kyphoplasty", 3, "a".repeat(64),
                "Rest today"))).isEmpty();
    }

    @Test
    void aCompletedProcedureStartsTheWholePathway() throws Exception {
        var patient = registerPatient(true, true, true, true);
        var version = contentVersion.incrementAndGet();
        var marker = "Marker " + UUID.randomUUID();
        var hash = "b".repeat(63) + "1";
        content.publish("balloon-kyphoplasty", version, hash, "Rest today. " + marker);
        var today = LocalDate.now(CLINIC_ZONE);
        var procedureId = UUID.randomUUID();
        publish(APPOINTMENTS, procedureId.toString(), Events.procedureCompleted(UUID.randomUUID(), procedureId,
                patient.id(), "BALLOON_KYPHOPLASTY", today));

        var pathwayId = await(() -> pathwayOf(procedureId));
        // Day 0: recovery advice, quoting the current published content, sent by email and recorded with its version.
        await(Duration.ofSeconds(30), () -> "SENT".equals(stepStatus(pathwayId, "RECOVERY_ADVICE")));
        var mails = mailsTo(patient.email());
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst().getSubject()).isEqualTo("Looking after yourself after your procedure");
        assertThat(mails.getFirst().getContent().toString()).contains(marker).contains("call the clinic");
        assertThat(jdbc.sql("""
                        select content_slug || ':' || content_version || ':' || content_hash from notification
                        where pathway_id = :id and step_code = 'RECOVERY_ADVICE'
                        """).param("id", pathwayId).query(String.class).single())
                .isEqualTo("balloon-kyphoplasty:" + version + ":" + hash);
        // Day 1: walking and exercise, due at 10:00 clinic time tomorrow.
        assertThat(jdbc.sql("""
                        select due_at from notification where pathway_id = :id and step_code = 'WALKING_AND_EXERCISE'
                        """).param("id", pathwayId).query(OffsetDateTime.class).single().toInstant())
                .isEqualTo(today.plusDays(1).atTime(LocalTime.of(10, 0)).atZone(CLINIC_ZONE).toInstant());
        // The GP bone-density letter: a task for the clinic, open.
        assertThat(jdbc.sql("select status || ' ' || due_on from follow_up_task where pathway_id = :id")
                .param("id", pathwayId).query(String.class).single()).isEqualTo("OPEN " + today.plusDays(2));
        // The six-week review: requested from booking-service through an event that honours the contract.
        var requestId = jdbc.sql("select id from review_request where pathway_id = :id and status = 'REQUESTED'")
                .param("id", pathwayId).query(UUID.class).single();
        var requested = consumeRecord("clinic.followup.review", requestId.toString(), Duration.ofSeconds(30));
        assertThat(EventContracts.violations(requested)).isEmpty();
        var data = json.readTree(requested).required("data");
        assertThat(data.required("patientId").asString()).isEqualTo(patient.id().toString());
        assertThat(data.required("windowStarts").asString()).isEqualTo(today.plusDays(35).toString());
        assertThat(data.required("windowEnds").asString()).isEqualTo(today.plusDays(49).toString());

        // booking-service books it, naming the request: the review is closed.
        var appointmentId = UUID.randomUUID();
        var startsAt = Events.daysAhead(42);
        publish(APPOINTMENTS, appointmentId.toString(), Events.appointmentBooked(UUID.randomUUID(), appointmentId,
                patient.id(), startsAt, "POST_PROCEDURE_REVIEW", requestId));
        await(Duration.ofSeconds(30), () -> "BOOKED".equals(jdbc.sql(
                "select status from review_request where id = :id").param("id", requestId)
                .query(String.class).single()));
    }

    @Test
    void aDuplicatedProcedureEventProducesNothingTwice() {
        var patient = registerPatient(true, true, false, false);
        var procedureId = UUID.randomUUID();
        var eventId = UUID.randomUUID();
        var event = Events.procedureCompleted(eventId, procedureId, patient.id(), "BALLOON_KYPHOPLASTY",
                LocalDate.now(CLINIC_ZONE));
        publish(APPOINTMENTS, procedureId.toString(), event);
        publish(APPOINTMENTS, procedureId.toString(), event);
        var pathwayId = await(() -> pathwayOf(procedureId));
        // The same procedure again under a new event id (a re-recorded procedure) must not start a second pathway.
        publish(APPOINTMENTS, procedureId.toString(), Events.procedureCompleted(UUID.randomUUID(), procedureId,
                patient.id(), "BALLOON_KYPHOPLASTY", LocalDate.now(CLINIC_ZONE)));
        var marker = UUID.randomUUID();
        publish(APPOINTMENTS, marker.toString(), Events.procedureCompleted(UUID.randomUUID(), marker, patient.id(),
                "BALLOON_KYPHOPLASTY", LocalDate.now(CLINIC_ZONE)));
        await(() -> pathwayOf(marker));
        await(Duration.ofSeconds(30), () -> "SENT".equals(stepStatus(pathwayId, "RECOVERY_ADVICE")));

        assertThat(count("select count(*) from pathway where procedure_id = :id", procedureId)).isEqualTo(1);
        assertThat(count("select count(*) from notification where pathway_id = :id", pathwayId)).isEqualTo(2);
        assertThat(count("select count(*) from follow_up_task where pathway_id = :id", pathwayId)).isEqualTo(1);
        assertThat(count("select count(*) from review_request where pathway_id = :id", pathwayId)).isEqualTo(1);
        assertThat(count("""
                select count(*) from outbox_event o join review_request r on o.record_key = r.id::text
                where r.pathway_id = :id""", pathwayId)).isEqualTo(1);
        // Two pathways, each with its own day-0 message: exactly two recovery emails, not three or four.
        await(Duration.ofSeconds(30), () -> mailsTo(patient.email()).size() >= 2);
        assertThat(mailsTo(patient.email())).hasSize(2);
    }

    @Test
    void overdueTasksAndLateReviewsShowOnTheWorklistUntilDealtWith() {
        var patient = registerPatient(true, true, false, false);
        var procedureId = UUID.randomUUID();
        var performedOn = LocalDate.now(CLINIC_ZONE).minusDays(20);
        publish(APPOINTMENTS, procedureId.toString(), Events.procedureCompleted(UUID.randomUUID(), procedureId,
                patient.id(), "BALLOON_KYPHOPLASTY", performedOn));
        var pathwayId = await(() -> pathwayOf(procedureId));
        var taskId = jdbc.sql("select id from follow_up_task where pathway_id = :id").param("id", pathwayId)
                .query(UUID.class).single();
        var requestId = jdbc.sql("select id from review_request where pathway_id = :id").param("id", pathwayId)
                .query(UUID.class).single();

        var worklist = ApiCall.get(url("/api/followup/worklist"), tokenFor(DemoUsers.RECEPTIONIST));
        assertThat(worklist.status()).isEqualTo(200);
        assertThat(worklist.body()).contains(taskId.toString()).contains(requestId.toString())
                .doesNotContain(patient.email());
        // The pathway itself is on the worklist too, newly started: follow-up has begun for this patient.
        assertThat(json.readTree(worklist.body()).get("startedPathways").valueStream()
                .filter(p -> p.get("pathwayId").asString().equals(pathwayId.toString())).findFirst().orElseThrow()
                .get("treatment").asString()).isEqualTo("BALLOON_KYPHOPLASTY");
        assertThat(ApiCall.get(url("/api/followup/worklist"), tokenFor(DemoUsers.SURGEON)).status()).isEqualTo(200);
        assertThat(ApiCall.get(url("/api/followup/worklist"), tokenFor(DemoUsers.PATIENT)).status()).isEqualTo(403);

        var task = ApiCall.get(url("/api/followup/tasks/" + taskId), tokenFor(DemoUsers.RECEPTIONIST));
        assertThat(task.status()).isEqualTo(200);
        var etag = task.raw().headers().firstValue("ETag").orElseThrow();
        var markSent = url("/api/followup/tasks/" + taskId + "/sent");
        assertThat(post(markSent, DemoUsers.RECEPTIONIST, null).statusCode()).isEqualTo(428);
        assertThat(post(markSent, DemoUsers.RECEPTIONIST, "\"999\"").statusCode()).isEqualTo(412);
        assertThat(post(markSent, DemoUsers.SURGEON, etag).statusCode()).isEqualTo(403);
        var sent = post(markSent, DemoUsers.RECEPTIONIST, etag);
        assertThat(sent.statusCode()).isEqualTo(200);
        // The letter being sent no longer closes the bone-density task: it waits for the scan's result (issue 15).
        assertThat(json.readTree(sent.body()).required("status").asString()).isEqualTo("LETTER_SENT");
        assertThat(post(markSent, DemoUsers.RECEPTIONIST, etag).statusCode()).isEqualTo(412);
        assertThat(ApiCall.get(url("/api/followup/tasks/" + UUID.randomUUID()), tokenFor(DemoUsers.RECEPTIONIST))
                .status()).isEqualTo(404);

        var after = ApiCall.get(url("/api/followup/worklist"), tokenFor(DemoUsers.CLINIC_ADMIN));
        assertThat(after.body()).contains(taskId.toString()).contains(requestId.toString());
        var closed = send(url("/api/followup/tasks/" + taskId + "/closure"), DemoUsers.SURGEON,
                sent.headers().firstValue("ETag").orElseThrow(), "{\"reason\":\"Scan done privately last month\"}");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(json.readTree(closed.body()).get("status").asString()).isEqualTo("CLOSED");
        assertThat(ApiCall.get(url("/api/followup/worklist"), tokenFor(DemoUsers.CLINIC_ADMIN)).body())
                .doesNotContain(taskId.toString()).contains(requestId.toString());
    }

    @Test
    void theBoneDensityTaskGoesFromLetterSentToTheScanResultAndLeavesTheWorklistOnlyThen() {
        var patient = registerPatient(true, true, false, false);
        var procedureId = UUID.randomUUID();
        publish(APPOINTMENTS, procedureId.toString(), Events.procedureCompleted(UUID.randomUUID(), procedureId,
                patient.id(), "BALLOON_KYPHOPLASTY", LocalDate.now(CLINIC_ZONE).minusDays(10)));
        var pathwayId = await(() -> pathwayOf(procedureId));
        // The bone-density step by its code: another test here gives the vertebroplasty pathway other tasks.
        var taskId = jdbc.sql("select id from follow_up_task where pathway_id = :id and step_code = :code")
                .param("id", pathwayId).param("code", ClinicTasks.BONE_DENSITY).query(UUID.class).single();
        var task = url("/api/followup/tasks/" + taskId);
        assertThat(worklistTask(taskId)).isEqualTo("OPEN");
        var sent = post(task + "/sent", DemoUsers.RECEPTIONIST, etagOf(task));
        assertThat(json.readTree(sent.body()).get("status").asString()).isEqualTo("LETTER_SENT");
        assertThat(json.readTree(sent.body()).get("letterSentBy").isNull()).isFalse();
        assertThat(worklistTask(taskId)).isEqualTo("LETTER_SENT");

        // Bad results are refused naming the field, and change nothing.
        var noDate = send(task + "/result", DemoUsers.RECEPTIONIST, etagOf(task),
                "{\"outcome\":\"DONE\",\"result\":\"T-score -2.8: osteoporosis\"}");
        assertThat(noDate.statusCode()).isEqualTo(422);
        assertThat(json.readTree(noDate.body()).at("/errors/0/field").asString()).isEqualTo("scanDate");
        var future = send(task + "/result", DemoUsers.RECEPTIONIST, etagOf(task),
                "{\"outcome\":\"DONE\",\"scanDate\":\"" + LocalDate.now(CLINIC_ZONE).plusDays(3)
                        + "\",\"result\":\"T-score -2.8\"}");
        assertThat(future.statusCode()).isEqualTo(422);
        assertThat(json.readTree(future.body()).at("/errors/0/field").asString()).isEqualTo("scanDate");
        var unknownOutcome = send(task + "/result", DemoUsers.RECEPTIONIST, etagOf(task),
                "{\"outcome\":\"MAYBE\"}");
        assertThat(unknownOutcome.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknownOutcome.body()).at("/errors/0/field").asString()).isEqualTo("outcome");
        var shortReason = send(task + "/closure", DemoUsers.SURGEON, etagOf(task), "{\"reason\":\"no\"}");
        assertThat(shortReason.statusCode()).isEqualTo(400);
        assertThat(json.readTree(shortReason.body()).at("/errors/0/field").asString()).isEqualTo("reason");
        assertThat(send(task + "/closure", DemoUsers.RECEPTIONIST, etagOf(task),
                "{\"reason\":\"Not needed any more\"}").statusCode()).isEqualTo(403);
        assertThat(worklistTask(taskId)).isEqualTo("LETTER_SENT");

        var scanned = LocalDate.now(CLINIC_ZONE).minusDays(2);
        var recorded = send(task + "/result", DemoUsers.SURGEON, etagOf(task),
                "{\"outcome\":\"DONE\",\"scanDate\":\"" + scanned
                        + "\",\"result\":\"T-score -2.8: osteoporosis; GP starting treatment\"}");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        var done = json.readTree(recorded.body());
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("scanOutcome").asString()).isEqualTo("DONE");
        assertThat(done.get("scanDate").asString()).isEqualTo(scanned.toString());
        assertThat(done.get("scanResult").asString()).isEqualTo("T-score -2.8: osteoporosis; GP starting treatment");
        assertThat(worklistTask(taskId)).isNull();
        assertThat(send(task + "/result", DemoUsers.SURGEON, etagOf(task), "{\"outcome\":\"DECLINED\"}")
                .statusCode()).isEqualTo(409);
        assertThat(count("select count(*) from audit_record where record_type = 'task' and record_id = :id::text"
                + " and action = 'CHANGE' and outcome = 'ALLOWED'", taskId)).isEqualTo(2);
    }

    private String etagOf(String task) {
        return ApiCall.get(task, tokenFor(DemoUsers.RECEPTIONIST)).header("ETag");
    }

    /** The task's status as the worklist shows it, or null when it is not there. */
    private String worklistTask(UUID taskId) {
        return json.readTree(ApiCall.get(url("/api/followup/worklist"), tokenFor(DemoUsers.RECEPTIONIST)).body())
                .get("overdueTasks").valueStream().filter(t -> t.get("taskId").asString().equals(taskId.toString()))
                .map(t -> t.get("status").asString()).findFirst().orElse(null);
    }

    @Test
    void aPatientSeesTheirOwnFollowUpsAndNoOneElses() {
        var procedureId = UUID.randomUUID();
        publish(APPOINTMENTS, procedureId.toString(), Events.procedureCompleted(UUID.randomUUID(), procedureId,
                DemoUsers.PATIENT_ID, "BALLOON_KYPHOPLASTY", LocalDate.now(CLINIC_ZONE)));
        var pathwayId = await(() -> pathwayOf(procedureId));

        var mine = ApiCall.get(url("/api/followup/follow-ups/mine"), tokenFor(DemoUsers.PATIENT));
        assertThat(mine.status()).isEqualTo(200);
        var pathway = json.readTree(mine.body()).valueStream()
                .filter(p -> p.required("pathwayId").asString().equals(pathwayId.toString())).findFirst()
                .orElseThrow();
        assertThat(pathway.required("messages").valueStream().map(m -> m.required("stepCode").asString()))
                .containsExactlyInAnyOrder("RECOVERY_ADVICE", "WALKING_AND_EXERCISE");
        assertThat(pathway.required("review").required("status").asString()).isEqualTo("REQUESTED");
        assertThat(pathway.required("tasks").valueStream().map(t -> t.required("status").asString()).toList())
                .as("the GP letter is part of the patient's plan, with its status").containsExactly("OPEN");

        var theirs = ApiCall.get(url("/api/followup/follow-ups/mine"), tokenFor(DemoUsers.OTHER_PATIENT));
        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.body()).doesNotContain(pathwayId.toString());
        assertThat(ApiCall.get(url("/api/followup/follow-ups/mine"), tokenFor(DemoUsers.RECEPTIONIST)).status())
                .isEqualTo(403);
    }

    @Test
    void whenContentServiceIsDownTheLatestPublishedVersionFromItsEventsIsQuoted() throws Exception {
        var patient = registerPatient(true, true, false, false);
        content.down(true);
        var version = contentVersion.incrementAndGet();
        var marker = "Cached " + UUID.randomUUID();
        publish("clinic.content.treatment", "balloon-kyphoplasty",
                Events.treatmentPublished("balloon-kyphoplasty", version, "c".repeat(64), marker));
        await(Duration.ofSeconds(30), () -> jdbc.sql("select version from treatment_content where slug = :slug")
                .param("slug", "balloon-kyphoplasty").query(Integer.class).single() == version);
        var procedureId = UUID.randomUUID();
        publish(APPOINTMENTS, procedureId.toString(), Events.procedureCompleted(UUID.randomUUID(), procedureId,
                patient.id(), "BALLOON_KYPHOPLASTY", LocalDate.now(CLINIC_ZONE)));
        var pathwayId = await(() -> pathwayOf(procedureId));

        await(Duration.ofSeconds(30), () -> "SENT".equals(stepStatus(pathwayId, "RECOVERY_ADVICE")));
        assertThat(mailsTo(patient.email()).getFirst().getContent().toString()).contains(marker);
        assertThat(jdbc.sql("select content_version from notification where pathway_id = :id and step_code = "
                + "'RECOVERY_ADVICE'").param("id", pathwayId).query(Integer.class).single()).isEqualTo(version);
        // Give content-service's breaker time to let a trial call through, so later tests read it afresh.
        Thread.sleep(2500);
    }

    @Test
    void aClinicAdminChangesAPathwayAndOnlyPathwaysStartedAfterwardsFollowTheNewVersion() {
        var path = url("/api/followup/pathways/VERTEBROPLASTY");
        assertThat(ApiCall.get(path, tokenFor(DemoUsers.PATIENT)).status()).isEqualTo(403);
        var before = ApiCall.get(path, tokenFor(DemoUsers.CLINIC_ADMIN));
        assertThat(before.status()).isEqualTo(200);
        var etag = before.raw().headers().firstValue("ETag").orElseThrow();
        var earlierProcedure = UUID.randomUUID();
        publish(APPOINTMENTS, earlierProcedure.toString(), Events.procedureCompleted(UUID.randomUUID(),
                earlierProcedure, DemoUsers.OTHER_PATIENT_ID, "VERTEBROPLASTY", LocalDate.now(CLINIC_ZONE)));
        var earlierPathway = await(() -> pathwayOf(earlierProcedure));

        var code = "CHECK_IN_CALL_" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000);
        var change = """
                {"contentSlug":"vertebroplasty","steps":[
                  {"code":"RECOVERY_ADVICE","kind":"MESSAGE","offsetDays":0,"sendAt":"00:00","title":"After today",
                   "body":"[Demo wording] Take it easy today.","contentSection":"recovery"},
                  {"code":"%s","kind":"TASK","offsetDays":3,"title":"Phone the patient","body":"A short call."},
                  {"code":"SIX_WEEK_REVIEW","kind":"APPOINTMENT","offsetDays":42,"title":"Review","body":"Book it.",
                   "windowDays":7,"bookWithinDays":14}]}""".formatted(code);
        assertThat(put(path, DemoUsers.CLINIC_ADMIN, null, change).statusCode()).isEqualTo(428);
        assertThat(put(path, DemoUsers.RECEPTIONIST, etag, change).statusCode()).isEqualTo(403);
        var negative = put(path, DemoUsers.CLINIC_ADMIN, etag, change.replace("\"offsetDays\":3", "\"offsetDays\":-3"));
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).contains("steps[1].offsetDays");
        var sectionOnTask = put(path, DemoUsers.CLINIC_ADMIN, etag,
                change.replace("\"body\":\"A short call.\"", "\"body\":\"A short call.\",\"contentSection\":\"risks\""));
        assertThat(sectionOnTask.statusCode()).isEqualTo(422);
        assertThat(sectionOnTask.body()).contains("steps[1].contentSection");
        assertThat(put(path, DemoUsers.CLINIC_ADMIN, etag, "{\"contentSlug\":").statusCode()).isEqualTo(400);

        var changed = put(path, DemoUsers.CLINIC_ADMIN, etag, change);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        assertThat(put(path, DemoUsers.CLINIC_ADMIN, etag, change).statusCode()).isEqualTo(412);

        var laterProcedure = UUID.randomUUID();
        publish(APPOINTMENTS, laterProcedure.toString(), Events.procedureCompleted(UUID.randomUUID(),
                laterProcedure, DemoUsers.OTHER_PATIENT_ID, "VERTEBROPLASTY", LocalDate.now(CLINIC_ZONE)));
        var laterPathway = await(() -> pathwayOf(laterProcedure));
        assertThat(jdbc.sql("select step_code from follow_up_task where pathway_id = :id").param("id", laterPathway)
                .query(String.class).single()).isEqualTo(code);
        assertThat(jdbc.sql("select step_code from follow_up_task where pathway_id = :id").param("id", earlierPathway)
                .query(String.class).single()).isEqualTo("GP_BONE_DENSITY_LETTER");
        assertThat(count("select count(*) from notification where pathway_id = :id", laterPathway)).isEqualTo(1);
    }

    private UUID pathwayOf(UUID procedureId) {
        return jdbc.sql("select id from pathway where procedure_id = :id").param("id", procedureId)
                .query(UUID.class).optional().orElse(null);
    }

    private String stepStatus(UUID pathwayId, String step) {
        return jdbc.sql("select status from notification where pathway_id = :id and step_code = :step")
                .param("id", pathwayId).param("step", step).query(String.class).optional().orElse(null);
    }

    private long count(String sql, UUID id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    private static <T> T await(java.util.function.Supplier<T> value) {
        var result = new java.util.concurrent.atomic.AtomicReference<T>();
        FollowupServiceIT.await(Duration.ofSeconds(30), () -> {
            result.set(value.get());
            return result.get() != null;
        });
        return result.get();
    }

    private static java.net.http.HttpResponse<String> post(String url, String user, String ifMatch) {
        return send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()), user, ifMatch);
    }

    private static java.net.http.HttpResponse<String> put(String url, String user, String ifMatch, String body) {
        return send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body)), user, ifMatch);
    }

    private static java.net.http.HttpResponse<String> send(String url, String user, String ifMatch, String body) {
        return send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)), user, ifMatch);
    }

    private static java.net.http.HttpResponse<String> send(java.net.http.HttpRequest.Builder request, String user,
                                                           String ifMatch) {
        request.header("Authorization", "Bearer " + tokenFor(user));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            return HTTP.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();
}
