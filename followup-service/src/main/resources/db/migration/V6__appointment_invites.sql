-- Appointment messages carry the patient's calendar entry as it was planned with them (issue 15): its version (the
-- RFC 5545 SEQUENCE), its title, and the site's name and address. Null when the message is about no appointment.
alter table notification
    add column calendar_sequence integer,
    add column calendar_summary  text,
    add column calendar_location text,
    add constraint notification_calendar_sequence check (calendar_sequence >= 0);

-- Each appointment's calendar entry counts its changes as follow-up reads them (reminder.CalendarSequences).
create table appointment_calendar (
    appointment_id uuid primary key,
    sequence       integer     not null,
    changed_at     timestamptz not null,
    constraint appointment_calendar_sequence check (sequence >= 0)
);

-- Invites sent before this numbered themselves with the minutes since 2026 at sending, and a calendar ignores an update
-- numbered lower than the entry it holds. So appointments already known carry on from the minutes since 2026 now,
-- which no invite already sent exceeds; their messages not yet sent carry that number.
insert into appointment_calendar (appointment_id, sequence, changed_at)
select distinct appointment_id,
       greatest(0, floor(extract(epoch from now() - timestamptz '2026-01-01 00:00:00+00') / 60))::integer, now()
from notification
where appointment_id is not null;
update notification n set calendar_sequence = c.sequence
from appointment_calendar c
where n.appointment_id = c.appointment_id;

-- Appointment messages now say when in their own words. Those planned before did not (the time was added at sending),
-- so the ones still to be sent get the same line now.
update notification
set body = body || E'\n\nWhen: '
    || to_char(appointment_starts_at at time zone 'Europe/London', 'FMDay FMDD FMMonth YYYY "at" HH24:MI')
    || ' (UK time).'
where appointment_starts_at is not null and status in ('SCHEDULED', 'HELD', 'SENDING', 'FAILED');
