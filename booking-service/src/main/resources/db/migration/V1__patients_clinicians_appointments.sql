-- btree_gist lets one exclusion constraint combine "same clinician" (=) with "overlapping time" (&&).
create extension if not exists btree_gist;

create table patient (
    id             uuid primary key,
    given_name     text        not null,
    family_name    text        not null,
    date_of_birth  date        not null,
    email          text,
    mobile_phone   text,
    nhs_number     text check (nhs_number ~ '^[0-9]{10}$'),
    email_consent  boolean     not null,
    sms_consent    boolean     not null,
    registered_at  timestamptz not null,
    registered_by  text        not null,
    version        bigint      not null default 0
);

create table clinician (
    id            uuid primary key,
    display_name  text    not null,
    profession    text    not null check (profession in ('SURGEON', 'SPECIALIST')),
    specialty     text    not null,
    active        boolean not null default true
);

create table appointment (
    id               uuid primary key,
    patient_id       uuid        not null references patient (id),
    clinician_id     uuid        not null references clinician (id),
    appointment_type text        not null,
    starts_at        timestamptz not null,
    ends_at          timestamptz not null,
    status           text        not null,
    reason           text,
    booked_by        text        not null,
    booked_at        timestamptz not null,
    version          bigint      not null default 0,
    constraint appointment_ends_after_start check (ends_at > starts_at),
    -- No double booking, ever: decided by the database, whatever races the application loses.
    constraint appointment_clinician_not_double_booked exclude using gist (
        clinician_id with =, tstzrange(starts_at, ends_at) with &&) where (status in ('BOOKED', 'CHECKED_IN')),
    constraint appointment_patient_not_double_booked exclude using gist (
        patient_id with =, tstzrange(starts_at, ends_at) with &&) where (status in ('BOOKED', 'CHECKED_IN'))
);
create index appointment_patient on appointment (patient_id, starts_at);
