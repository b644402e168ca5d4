-- The GP bone-density task is done when the scan's result comes back (or the patient declines it), not when the letter
-- goes: LETTER_SENT waits for the result; CLOSED is a clinician's decision with a reason.
alter table follow_up_task drop constraint follow_up_task_status_check;
alter table follow_up_task
    add constraint follow_up_task_status check (status in ('OPEN', 'LETTER_SENT', 'DONE', 'CLOSED')),
    add column letter_sent_at timestamptz,
    add column letter_sent_by text,
    -- DONE: the scan was done on scan_date with scan_result; DECLINED: the patient declined it.
    add column scan_outcome   text check (scan_outcome in ('DONE', 'DECLINED')),
    add column scan_date      date,
    add column scan_result    text,
    add column closed_reason  text,
    add constraint follow_up_task_scan_done check (scan_outcome is distinct from 'DONE'
        or (scan_date is not null and scan_result is not null)),
    add constraint follow_up_task_closed_why check (status <> 'CLOSED' or closed_reason is not null);
-- Letters marked sent before this change were closed too early: they wait for their result like any other.
update follow_up_task set status = 'LETTER_SENT', letter_sent_at = done_at, letter_sent_by = done_by,
    done_at = null, done_by = null
where status = 'DONE' and step_code = 'GP_BONE_DENSITY_LETTER';
drop index follow_up_task_open;
create index follow_up_task_open on follow_up_task (due_on) where status in ('OPEN', 'LETTER_SENT');

-- Review requests also hold recalls: "see again in N weeks" for any patient, with a reason and no pathway.
alter table review_request
    alter column pathway_id drop not null,
    alter column procedure_id drop not null,
    add column reason           text,
    add column appointment_type text not null default 'POST_PROCEDURE_REVIEW'
        check (appointment_type in ('POST_PROCEDURE_REVIEW', 'FULL_CONSULTATION')),
    add column requested_by     text,
    -- Set when the booked appointment was missed: the request is open again and belongs on the worklist at once.
    add column missed_at        timestamptz,
    add constraint review_request_recall_has_reason check (pathway_id is not null or reason is not null);
create index review_request_appointment on review_request (appointment_id) where appointment_id is not null;

-- Warnings of the 48-hour promise from booking-service: one alert per enquiry and kind, however often it arrives.
create table access_alert (
    id                    uuid primary key,
    enquiry_id            uuid        not null,
    patient_id            uuid,
    kind                  text        not null check (kind in ('AT_RISK', 'BREACHED')),
    first_contact_at      timestamptz not null,
    deadline              timestamptz not null,
    raised_at             timestamptz not null,
    source_event_id       uuid        not null,
    created_at            timestamptz not null,
    acknowledged_at       timestamptz,
    acknowledged_by       text,
    version               bigint      not null default 0,
    -- Breaches only: the email to the clinic's lead, sent by LeadAlertMailer with the alert id as Message-ID.
    email_status          text check (email_status in ('PENDING', 'SENT', 'FAILED')),
    email_attempts        integer     not null default 0,
    email_next_attempt_at timestamptz,
    email_sent_at         timestamptz,
    email_last_error      text,
    constraint access_alert_once unique (enquiry_id, kind),
    constraint access_alert_acknowledged check ((acknowledged_at is null) = (acknowledged_by is null))
);
create index access_alert_open on access_alert (raised_at) where acknowledged_at is null;
create index access_alert_email_due on access_alert (email_next_attempt_at) where email_status = 'PENDING';
