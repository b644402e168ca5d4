-- Message wording as data (issue 15): the words of each appointment message, as numbered versions kept for ever and
-- changed by clinic admins with a reason. The current version of a purpose is its highest. A message records the
-- version it was worded from.
create table message_template (
    purpose    text        not null
        constraint message_template_purpose check (purpose in
            ('CONFIRMATION', 'MOVED', 'CANCELLED', 'TWO_DAYS_BEFORE', 'TWO_HOURS_BEFORE')),
    version    integer     not null constraint message_template_version_positive check (version > 0),
    title      text        not null constraint message_template_title_length check (length(title) between 1 and 120),
    body       text        not null constraint message_template_body_length check (length(body) between 1 and 1000),
    changed_by text        not null,
    changed_at timestamptz not null,
    reason     text        not null constraint message_template_reason_length check (length(reason) between 5 and 500),
    constraint message_template_key primary key (purpose, version)
);

-- Version 1 is the wording the clinic had in Java (reminder.AppointmentWording) until now, with its facts as
-- placeholders: {appointment}, {clinician}, {site} (name and address) and {when} (clinic time, "(UK time)" included).
insert into message_template (purpose, version, title, body, changed_by, changed_at, reason) values
    ('CONFIRMATION', 1, 'Your appointment is booked',
     E'Your {appointment} is booked.\n\nWhen: {when}\nWhere: {site}\nWith: {clinician}\n\n'
         || 'We look forward to seeing you.',
     'system', now(), 'The wording the clinic started with'),
    ('MOVED', 1, 'Your appointment has moved',
     E'Your {appointment} has moved to a new time.\n\nWhen: {when}\nWhere: {site}\nWith: {clinician}\n\n'
         || 'Please use this new time, not the old one.',
     'system', now(), 'The wording the clinic started with'),
    ('CANCELLED', 1, 'Your appointment is cancelled',
     E'Your {appointment} has been cancelled.\n\nWhen: {when}\nWhere: {site}\nWith: {clinician}\n\n'
         || 'If you did not expect this, or would like a new appointment, please call us.',
     'system', now(), 'The wording the clinic started with'),
    ('TWO_DAYS_BEFORE', 1, 'Reminder: your appointment',
     E'A reminder of your {appointment}.\n\nWhen: {when}\nWhere: {site}\nWith: {clinician}',
     'system', now(), 'The wording the clinic started with'),
    ('TWO_HOURS_BEFORE', 1, 'Reminder: your appointment',
     E'A reminder of your {appointment}.\n\nWhen: {when}\nWhere: {site}\nWith: {clinician}',
     'system', now(), 'The wording the clinic started with');

-- When each reminder goes, per appointment type: how many hours before the appointment, and by which channel first.
-- TWO_DAYS_BEFORE and TWO_HOURS_BEFORE name the first and the second reminder by their usual timing; the lead is the
-- row's. A type not here (the event contract allows new ones) is reminded 48 hours ahead by email and 2 by SMS.
create table reminder_timing (
    appointment_type text        not null,
    purpose          text        not null
        constraint reminder_timing_purpose check (purpose in ('TWO_DAYS_BEFORE', 'TWO_HOURS_BEFORE')),
    lead_hours       integer     not null constraint reminder_timing_lead check (lead_hours between 1 and 336),
    channel          text        not null constraint reminder_timing_channel check (channel in ('EMAIL', 'SMS')),
    version          integer     not null constraint reminder_timing_version_positive check (version > 0),
    changed_by       text        not null,
    changed_at       timestamptz not null,
    constraint reminder_timing_key primary key (appointment_type, purpose)
);

insert into reminder_timing (appointment_type, purpose, lead_hours, channel, version, changed_by, changed_at)
select type, purpose, lead_hours, channel, 1, 'system', now()
from (values ('FREE_CONSULTATION'), ('FULL_CONSULTATION'), ('POST_PROCEDURE_REVIEW'), ('PROCEDURE')) as types (type)
cross join (values ('TWO_DAYS_BEFORE', 48, 'EMAIL'), ('TWO_HOURS_BEFORE', 2, 'SMS')) as reminders (purpose, lead_hours,
                                                                                                   channel);

-- An appointment message keeps what a change of wording or timing needs to act on it before it is sent: the
-- appointment's type, the template version it was worded from, and the facts filled into it (appointment, clinician,
-- site, when: no patient data). Null on other messages, and on appointment messages planned before this migration,
-- which keep the words and moment they were planned with.
alter table notification
    add column appointment_type text,
    add column template_version integer,
    add column wording          jsonb,
    add constraint notification_worded_from_template check ((template_version is null) = (wording is null)
        and (template_version is null or template_version > 0));
create index notification_waiting_appointment_messages on notification (purpose, appointment_type)
    where status in ('SCHEDULED', 'HELD') and appointment_id is not null;
