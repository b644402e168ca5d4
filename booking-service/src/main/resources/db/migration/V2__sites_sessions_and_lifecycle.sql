-- Where and when clinicians work. Session times are clinic-local wall-clock times (Europe/London): a 09:00 clinic is at
-- 09:00 in both GMT and BST, so they are stored as local times and turned into instants per date, never the reverse.
create table site (
    id      uuid primary key,
    name    text not null,
    address text not null
);

create table room (
    id      uuid primary key,
    site_id uuid not null references site (id),
    name    text not null,
    unique (site_id, name)
);

create table session_template (
    id           uuid primary key,
    clinician_id uuid    not null references clinician (id),
    site_id      uuid    not null references site (id),
    room_id      uuid references room (id),
    day_of_week  smallint not null check (day_of_week between 1 and 7), -- ISO: 1 = Monday
    starts_at    time    not null,
    ends_at      time    not null,
    kind         text    not null check (kind in ('CLINIC', 'THEATRE')),
    valid_from   date    not null,
    valid_until  date,
    check (ends_at > starts_at)
);
create index session_template_clinician on session_template (clinician_id);

-- A day a template does not run (leave, bank holiday: clinician_id null means every clinician), or a one-off extra
-- session (kind and times set).
create table session_exception (
    id           uuid primary key,
    clinician_id uuid references clinician (id),
    on_date      date not null,
    change       text not null check (change in ('CANCELLED', 'EXTRA')),
    site_id      uuid references site (id),
    room_id      uuid references room (id),
    starts_at    time,
    ends_at      time,
    kind         text check (kind in ('CLINIC', 'THEATRE')),
    reason       text not null,
    check (change = 'CANCELLED' or (site_id is not null and starts_at is not null and ends_at > starts_at
                                     and kind is not null and clinician_id is not null))
);
create index session_exception_date on session_exception (on_date);

-- The appointment's life: where it is, holds, overbooking, and who changed what.
alter table appointment add column site_id uuid references site (id);
alter table appointment add column hold_expires_at timestamptz;
alter table appointment add column overbooked boolean not null default false;
alter table appointment add column status_reason text;

-- Holds take the time like a booking does, and a deliberate overbook is the one live appointment allowed to overlap.
alter table appointment drop constraint appointment_clinician_not_double_booked;
alter table appointment drop constraint appointment_patient_not_double_booked;
alter table appointment add constraint appointment_clinician_not_double_booked exclude using gist (
    clinician_id with =, tstzrange(starts_at, ends_at) with &&)
    where (status in ('HELD', 'BOOKED', 'CHECKED_IN') and not overbooked);
alter table appointment add constraint appointment_patient_not_double_booked exclude using gist (
    patient_id with =, tstzrange(starts_at, ends_at) with &&)
    where (status in ('BOOKED', 'CHECKED_IN'));
alter table appointment alter column patient_id drop not null; -- a hold may be taken before the patient is chosen
alter table appointment add constraint appointment_patient_unless_held check (status = 'HELD' or patient_id is not null);
create index appointment_clinician_time on appointment (clinician_id, starts_at);

create table appointment_change (
    id             bigint generated always as identity primary key,
    appointment_id uuid        not null references appointment (id),
    changed_at     timestamptz not null,
    changed_by     text        not null,
    action         text        not null,
    reason         text,
    old_starts_at  timestamptz,
    new_starts_at  timestamptz,
    old_status     text,
    new_status     text
);
create index appointment_change_appointment on appointment_change (appointment_id, id);
