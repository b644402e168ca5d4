-- Reminders become notifications: one table for everything sent to a patient, whatever planned it.
drop table reminder;

-- How to reach each patient, copied from booking-service's patient events (latest changedAt wins).
create table patient_contact (
    patient_id    uuid primary key,
    given_name    text        not null,
    email         text,
    mobile_phone  text,
    email_consent boolean     not null,
    sms_consent   boolean     not null,
    -- A patient's own opt-out in followup-service; honoured on top of the consent booking-service holds.
    email_opt_out boolean     not null default false,
    sms_opt_out   boolean     not null default false,
    changed_at    timestamptz not null,
    updated_at    timestamptz not null
);

-- The published treatment content quoted in messages: kept fresh by treatment-published events, refreshed on demand.
create table treatment_content (
    slug         text primary key,
    version      integer     not null,
    content_hash text        not null,
    demo         boolean     not null,
    title        text        not null,
    sections     jsonb       not null, -- section key to its Markdown, as published
    fetched_at   timestamptz not null
);

-- A pathway per treatment, as data: each change is a new version; pathways started earlier keep theirs.
create table pathway_definition (
    id           uuid primary key,
    treatment    text        not null,
    version      integer     not null,
    content_slug text        not null,
    current      boolean     not null,
    created_at   timestamptz not null,
    created_by   text        not null,
    constraint pathway_definition_version unique (treatment, version)
);
create unique index pathway_definition_one_current on pathway_definition (treatment) where current;

create table pathway_step (
    definition_id   uuid    not null references pathway_definition (id),
    position        integer not null,
    code            text    not null,
    kind            text    not null check (kind in ('MESSAGE', 'TASK', 'APPOINTMENT')),
    offset_days     integer not null check (offset_days between 0 and 365),
    -- Clinic-local time of day a message goes out on its day; 00:00 means "as soon as the pathway starts".
    send_at         time    not null default '10:00',
    title           text    not null,
    body            text    not null,
    -- Messages only: quote this section of the current published treatment content.
    content_section text,
    -- Appointments only: days either side of the offset the review may fall, and days after the procedure by which
    -- it must be booked before it shows on the worklist.
    window_days     integer,
    book_within     integer,
    primary key (definition_id, position),
    constraint pathway_step_code unique (definition_id, code)
);

-- One pathway per procedure performed.
create table pathway (
    id              uuid primary key,
    procedure_id    uuid        not null unique,
    appointment_id  uuid        not null,
    patient_id      uuid        not null,
    surgeon_id      uuid        not null,
    treatment       text        not null,
    definition_id   uuid        not null references pathway_definition (id),
    performed_on    date        not null,
    started_at      timestamptz not null,
    source_event_id uuid        not null
);
create index pathway_patient on pathway (patient_id);

create table follow_up_task (
    id           uuid primary key,
    pathway_id   uuid        not null references pathway (id),
    patient_id   uuid        not null,
    step_code    text        not null,
    title        text        not null,
    due_on       date        not null,
    status       text        not null check (status in ('OPEN', 'DONE')),
    done_at      timestamptz,
    done_by      text,
    version      bigint      not null default 0,
    created_at   timestamptz not null,
    constraint follow_up_task_step unique (pathway_id, step_code)
);
create index follow_up_task_open on follow_up_task (due_on) where status = 'OPEN';

create table review_request (
    id                    uuid primary key,
    pathway_id            uuid        not null references pathway (id),
    patient_id            uuid        not null,
    surgeon_id            uuid        not null,
    procedure_id          uuid        not null,
    window_starts         date        not null,
    window_ends           date        not null,
    book_by               date        not null,
    status                text        not null check (status in ('REQUESTED', 'BOOKED')),
    appointment_id        uuid,
    appointment_starts_at timestamptz,
    booked_at             timestamptz,
    created_at            timestamptz not null,
    constraint review_request_pathway unique (pathway_id)
);
create index review_request_waiting on review_request (book_by) where status = 'REQUESTED';

-- Every message owed to a patient, sent by the durable dispatcher (see ADR 9).
create table notification (
    id                    uuid primary key, -- also the idempotency key every channel is given
    patient_id            uuid        not null,
    purpose               text        not null,
    appointment_id        uuid,
    pathway_id            uuid references pathway (id),
    step_code             text,
    title                 text        not null,
    body                  text        not null,
    content_slug          text,
    content_section       text,
    appointment_starts_at timestamptz,
    appointment_ends_at   timestamptz,
    preferred_channel     text        not null check (preferred_channel in ('EMAIL', 'SMS')),
    due_at                timestamptz not null,
    status                text        not null
        check (status in ('SCHEDULED', 'SENDING', 'HELD', 'SENT', 'FAILED', 'CANCELLED')),
    next_attempt_at       timestamptz not null,
    claimed_until         timestamptz,
    claimed_by            text, -- the dispatcher instance that last claimed it (and so sent it, once SENT)
    attempts              integer     not null default 0,
    channel               text check (channel in ('EMAIL', 'SMS')),
    fallen_back           boolean     not null default false,
    last_error            text,
    sent_at               timestamptz,
    sent_text             text,
    content_version       integer,
    content_hash          text,
    source_event_id       uuid        not null,
    created_at            timestamptz not null
);
create index notification_due on notification (next_attempt_at) where status in ('SCHEDULED', 'HELD', 'SENDING');
create index notification_patient on notification (patient_id, due_at);
create index notification_appointment on notification (appointment_id) where appointment_id is not null;
create index notification_failed on notification (due_at) where status = 'FAILED';
-- The database, not only the code, refuses a second pending message of one purpose for one appointment.
create unique index notification_one_pending_per_appointment on notification (appointment_id, purpose)
    where appointment_id is not null and status in ('SCHEDULED', 'HELD', 'SENDING');
create unique index notification_one_per_step on notification (pathway_id, step_code) where pathway_id is not null;
