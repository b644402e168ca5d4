-- A procedure as performed, recorded by the surgeon on its theatre appointment; it starts the follow-up pathway.
create table procedure_record (
    id               uuid primary key,
    appointment_id   uuid        not null unique references appointment (id),
    treatment        text        not null check (treatment in ('BALLOON_KYPHOPLASTY', 'VERTEBROPLASTY')),
    vertebral_levels text[]      not null check (cardinality(vertebral_levels) between 1 and 10),
    performed_on     date        not null,
    performed_by     uuid        not null references clinician (id),
    recorded_by      text        not null,
    recorded_at      timestamptz not null
);
