-- The waiting list for an earlier appointment, and the offers made from it when a time frees.
--
-- A patient (or reception for them) asks for an earlier time than the appointment they hold, with the same
-- clinician. When a time of that clinician frees (a cancellation, or a booking moved away from it), the patients
-- waiting whom it suits are offered it, the earliest 48-hour deadline first; the first to accept is moved to it.

create table waitlist_entry (
    id             uuid primary key,
    patient_id     uuid        not null references patient (id),
    appointment_id uuid        not null references appointment (id),
    -- The first contact's deadline when this appointment answers one: offers go to the most pressing promise first.
    deadline       timestamptz,
    joined_at      timestamptz not null,
    joined_by      text        not null,
    status         text        not null check (status in ('WAITING', 'MOVED', 'LEFT')),
    closed_at      timestamptz,
    check ((status = 'WAITING') = (closed_at is null))
);
-- One request per appointment at a time: asking twice does not put anyone further up the list.
create unique index waitlist_entry_one_waiting on waitlist_entry (appointment_id) where status = 'WAITING';
create index waitlist_entry_waiting on waitlist_entry (deadline nulls last, joined_at) where status = 'WAITING';

-- A time that came free in a clinician's diary, and (once someone accepts) the offer that took it.
create table freed_time (
    id                    uuid primary key,
    clinician_id          uuid        not null references clinician (id),
    starts_at             timestamptz not null,
    ends_at               timestamptz not null,
    freed_at              timestamptz not null,
    freed_by_appointment  uuid        not null references appointment (id),
    taken_at              timestamptz,
    check (ends_at > starts_at)
);
create index freed_time_open on freed_time (starts_at) where taken_at is null;

create table waitlist_offer (
    id             uuid primary key,
    freed_time_id  uuid        not null references freed_time (id),
    entry_id       uuid        not null references waitlist_entry (id),
    -- The secret in the link sent to the patient; it opens this one offer and nothing else.
    access_key     text        not null unique,
    offered_at     timestamptz not null,
    expires_at     timestamptz not null,
    status         text        not null check (status in ('OPEN', 'ACCEPTED', 'DECLINED', 'GONE', 'EXPIRED')),
    answered_at    timestamptz,
    check (expires_at > offered_at),
    check ((status = 'OPEN') = (answered_at is null))
);
-- The rule the clinic promises the patients it offers a time to: whoever accepts first gets it. Two acceptances that
-- race past the code still meet here, and only one of them commits.
create unique index waitlist_offer_one_acceptance on waitlist_offer (freed_time_id) where status = 'ACCEPTED';
-- A patient is offered a freed time once.
create unique index waitlist_offer_once on waitlist_offer (freed_time_id, entry_id);
create index waitlist_offer_open on waitlist_offer (expires_at) where status = 'OPEN';
