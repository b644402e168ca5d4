-- Two more rules per type of appointment, and the record of staff going past a rule.
--  buffer: the least time between a new appointment and the clinician's other appointments (0 = back to back, as
--          before this migration);
--  maximum_per_day: the most appointments of the type a clinician has on one clinic day (Europe/London); null means
--          no limit, as before.
-- The rules now hold staff as well as patients. Staff may go past one with a reason; patients never can.
alter table booking_rule
    add column buffer          interval not null default interval '0' check (buffer >= interval '0'),
    add column maximum_per_day integer check (maximum_per_day > 0);

-- One row per rule a staff member went past, written in the transaction of the change it allowed, never updated.
-- The reason is free text and stays here, in the service's database; the audit record points at this row by id.
create table booking_rule_override (
    id                bigint generated always as identity primary key,
    appointment_id    uuid        not null references appointment (id),
    action            text        not null check (action in ('BOOKED', 'RESCHEDULED', 'CANCELLED')),
    rule              text        not null check (rule in
        ('MINIMUM_NOTICE', 'BUFFER', 'MAXIMUM_PER_DAY', 'CHANGE_CUTOFF')),
    reason            text        not null check (length(reason) between 5 and 500),
    overridden_by     text        not null,
    overridden_by_name text,
    overridden_at     timestamptz not null
);
create index booking_rule_override_appointment on booking_rule_override (appointment_id, id);
