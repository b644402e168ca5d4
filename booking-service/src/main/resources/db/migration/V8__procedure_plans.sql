-- What a theatre appointment is booked for: the planned treatment and levels, which the theatre list shows so that
-- theatre staff can prepare. The record of what was done (procedure_record) may differ from the plan and is kept
-- apart from it.
create table procedure_plan (
    appointment_id   uuid primary key references appointment (id),
    treatment        text        not null check (treatment in ('BALLOON_KYPHOPLASTY', 'VERTEBROPLASTY')),
    vertebral_levels text[]      not null check (cardinality(vertebral_levels) between 1 and 10),
    planned_by       text        not null,
    planned_at       timestamptz not null
);
