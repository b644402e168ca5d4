-- Clinic-admin now edits clinicians through the API, so their rows carry a version for If-Match like appointments do.
alter table clinician add column version bigint not null default 0;

-- Two extra sessions of one clinician cannot start at the same moment on the same day (the API refuses any overlap;
-- this catches two administrators adding the same session at once).
create unique index session_exception_one_extra_per_start on session_exception (clinician_id, on_date, starts_at)
    where change = 'EXTRA';

-- The periodic sweep of lapsed holds reads only holds; bookings no longer clear every lapsed hold on each claim.
create index appointment_holds on appointment (hold_expires_at) where status = 'HELD';

-- Who changed the working pattern, and when: the rows the demo seeded have no such record.
alter table session_template add column recorded_by text;
alter table session_template add column recorded_at timestamptz;
alter table session_template add column ended_by text;
alter table session_template add column ended_at timestamptz;
alter table session_exception add column recorded_by text;
alter table session_exception add column recorded_at timestamptz;
