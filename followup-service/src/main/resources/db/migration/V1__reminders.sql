create table reminder (
    id                    uuid primary key,
    appointment_id        uuid        not null,
    patient_id            uuid        not null,
    kind                  text        not null,
    due_at                timestamptz not null,
    appointment_starts_at timestamptz not null,
    status                text        not null,
    source_event_id       uuid        not null,
    created_at            timestamptz not null
);
create index reminder_patient on reminder (patient_id, due_at);
create index reminder_appointment on reminder (appointment_id);
