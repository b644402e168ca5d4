-- Demo data: a past. The weekly 48-hour access report and the staff screens (a patient's appointments, an
-- appointment's history, last week's lists) have nothing to show on a brand-new demo database, so this adds ten weeks
-- of first contacts and the free consultations that answered them.
--
-- What it makes, all in the ten full weeks before the week it runs in (clinic time, Europe/London), so the history is
-- recent whenever the demo database is created and nothing lies in the current week or the future:
--   * 6 to 14 enquiries a week (the number follows the ISO week number), first contact in clinic hours, Monday to
--     Saturday, by phone or on the web, now and then naming a GP;
--   * most of them answered by a 15-minute free consultation with one of the demo clinicians, in one of their own
--     clinic sessions (on the session's 15-minute grid, bank holidays off), 4 to 70 hours after first contact; most
--     are completed, some left checked in, a few missed (no-show) or cancelled, and a few callers never booked at all;
--   * roughly four in five seen within 48 hours, fewer in the odd "bad" week (ISO week number 1 more than a multiple of
--     4: staff away, the diary full).
-- Every value is derived from the week and the enquiry's number (md5), not from random(), so a given week always
-- looks the same. The enquiries' at-risk and breach times are filled in as the access clock would have set them, so
-- the clock raises no warnings for this history when the service starts. The appointments' history rows
-- (appointment_change) are written as the service would have written them.
-- Nothing here reaches reception's worklist: in the two most recent weeks every enquiry has a booking that was not
-- cancelled (a cancelled or never-booked enquiry is "awaiting booking" for 14 days). No appointment overlaps another
-- of the same clinician or the same patient, whatever its status.

-- Ten more demo patients, so that the history is not all Pat and Paula: clearly demo, no NHS number, no consent to be
-- contacted. Registered before the history starts; so are the five earlier demo patients now (registered "now" before).
insert into patient (id, given_name, family_name, date_of_birth, email, mobile_phone, nhs_number,
                     email_consent, sms_consent, registered_at, registered_by)
select ('a0000000-0000-4000-a000-' || lpad((100 + n)::text, 12, '0'))::uuid, -- ...000000000101 to ...000000000110
       given_name, 'Demo', date_of_birth::date, email, mobile_phone, null, false, false,
       ((date_trunc('week', now() at time zone 'Europe/London') - interval '10 weeks' - make_interval(days => 14 + n))
           + time '10:00') at time zone 'Europe/London',
       'demo-data'
from (values
    (1, 'Arthur', '1941-02-14', 'arthur.demo@example.test', '+44 7700 900101'),
    (2, 'Margaret', '1946-09-22', 'margaret.demo@example.test', '+44 7700 900102'),
    (3, 'Dennis', '1937-12-01', 'dennis.demo@example.test', null),
    (4, 'Irene', '1944-04-09', 'irene.demo@example.test', '+44 7700 900104'),
    (5, 'Harold', '1949-07-17', null, '+44 7700 900105'),
    (6, 'Sheila', '1953-03-28', 'sheila.demo@example.test', '+44 7700 900106'),
    (7, 'Kenneth', '1940-10-05', 'kenneth.demo@example.test', null),
    (8, 'Doreen', '1947-01-30', 'doreen.demo@example.test', '+44 7700 900108'),
    (9, 'Brian', '1955-08-11', null, '+44 7700 900109'),
    (10, 'Valerie', '1943-06-19', 'valerie.demo@example.test', '+44 7700 900110')
) as demo(n, given_name, date_of_birth, email, mobile_phone);

update patient
set registered_at = least(registered_at,
        ((date_trunc('week', now() at time zone 'Europe/London') - interval '10 weeks' - interval '30 days')
            + time '10:00') at time zone 'Europe/London')
where id in ('a0000000-0000-4000-a000-000000000001', 'a0000000-0000-4000-a000-000000000002',
             'a0000000-0000-4000-a000-000000000003', 'a0000000-0000-4000-a000-000000000004',
             'a0000000-0000-4000-a000-000000000005');

-- A fraction in [0, 1) that depends only on the text given: the demo's "dice". Dropped at the end of this file.
create function pg_temp.demo_fraction(seed text) returns double precision
    language sql immutable
    as $$ select ('x' || substr(md5(seed), 1, 8))::bit(32)::bigint / 4294967296.0 $$;

-- Days the whole clinic is closed (bank holidays): no first contacts, no sessions.
create temporary table demo_closed_day as
select on_date from session_exception where change = 'CANCELLED' and clinician_id is null;

-- Every free-consultation slot of the ten weeks: each clinic session of the weekly pattern, cut into 15 minutes, as
-- availability would offer it, ending before the current week starts.
create temporary table demo_slot as
select t.clinician_id, t.site_id, instant.starts_at, instant.starts_at + interval '15 minutes' as ends_at
from session_template t
join clinician c on c.id = t.clinician_id and c.active
cross join lateral (
    select generate_series(
               date_trunc('week', now() at time zone 'Europe/London') - interval '10 weeks',
               date_trunc('week', now() at time zone 'Europe/London') - interval '1 day',
               interval '1 day')::date as day) as d
-- Wall-clock times of the day, made instants afterwards, so that a clock-change day keeps its grid.
cross join lateral generate_series(d.day + t.starts_at, d.day + t.ends_at - interval '15 minutes',
        interval '15 minutes') as s(local_start)
cross join lateral (select s.local_start at time zone 'Europe/London' as starts_at) as instant
where t.kind = 'CLINIC'
  and extract(isodow from d.day) = t.day_of_week
  and d.day >= t.valid_from and (t.valid_until is null or d.day <= t.valid_until)
  and not exists (select 1 from demo_closed_day x where x.on_date = d.day)
  and not exists (select 1 from session_exception x where x.change = 'CANCELLED' and x.clinician_id = t.clinician_id
                                                       and x.on_date = d.day);

-- The enquiries: when, how, and what was meant to become of each (the search below finds the actual slot).
create temporary table demo_plan as
with week as (
    select w, (date_trunc('week', now() at time zone 'Europe/London') - make_interval(weeks => w))::date as starts,
           extract(week from date_trunc('week', now() at time zone 'Europe/London') - make_interval(weeks => w))::int
               as iso_week
    from generate_series(1, 10) as w
), enquiry as (
    select week.w, week.starts, week.iso_week, k, week.starts::text || '#' || k as seed
    from week cross join lateral generate_series(1, 6 + (week.iso_week * 5 + 3) % 9) as k
), day_chosen as (
    select e.*,
           -- Mondays busiest, Saturdays quiet; the latest week stops at Thursday so its 70 hours end inside it.
           floor(case when e.w = 1 then 4 else 6 end
                 * pg_temp.demo_fraction(e.seed || 'day') ^ 1.25)::int as day_index
    from enquiry e
), day_open as (
    select d.*,
           -- A bank holiday's enquiries come the day before (a Monday's, the day after).
           (case when exists (select 1 from demo_closed_day x where x.on_date = d.starts + d.day_index)
                 then d.starts + d.day_index + case when d.day_index = 0 then 1 else -1 end
                 else d.starts + d.day_index end) as contact_day
    from day_chosen d
)
select w, iso_week, k, seed, contact_day,
       ((contact_day
            + case when extract(isodow from contact_day) = 6
                   then time '09:00' + make_interval(mins => (pg_temp.demo_fraction(seed || 'time') * 210)::int)
                   else time '08:30' + make_interval(mins => (pg_temp.demo_fraction(seed || 'time') * 540)::int) end)
           at time zone 'Europe/London') as first_contact_at,
       case when pg_temp.demo_fraction(seed || 'channel') < 0.65 then 'PHONE' else 'WEB' end as channel,
       case when pg_temp.demo_fraction(seed || 'referrer') < 0.85 then null
            else (array['Dr A. Example, Example Surgery', 'Dr B. Sample, Sample Street Practice',
                        'Dr C. Specimen, Specimen Health Centre', 'Example Sports Physiotherapy'])
                 [1 + floor(pg_temp.demo_fraction(seed || 'who') * 4)::int] end as referrer,
       -- The outcome: in the two most recent weeks nobody is left unbooked or cancelled (see the top of the file).
       case when w >= 3 and pg_temp.demo_fraction(seed || 'outcome') < 0.025 then 'UNBOOKED'
            when w >= 3 and pg_temp.demo_fraction(seed || 'outcome') < 0.05 then 'CANCELLED'
            when pg_temp.demo_fraction(seed || 'outcome') < 0.08 then 'NO_SHOW'
            when pg_temp.demo_fraction(seed || 'outcome') < 0.16 then 'CHECKED_IN'
            else 'COMPLETED' end as outcome,
       -- Meant to be seen after the deadline: one in ten in an ordinary week (none in a quiet one), one in four in a
       -- bad one. (A late slot does not always exist: a Friday caller's 48 hours end at the weekend.)
       row_number() over (partition by w order by pg_temp.demo_fraction(seed || 'late'))
           <= case when iso_week % 4 = 1 then ceil(0.25 * count(*) over (partition by w))
                   else floor(0.1 * count(*) over (partition by w)) end as late
from day_open;

do $$
declare
    -- Every demo patient, in turn: fifteen patients over about a hundred enquiries, so one patient's consultations
    -- are more than a week apart and never overlap.
    patients constant uuid[] := array[
        'a0000000-0000-4000-a000-000000000001', 'a0000000-0000-4000-a000-000000000101',
        'a0000000-0000-4000-a000-000000000002', 'a0000000-0000-4000-a000-000000000102',
        'a0000000-0000-4000-a000-000000000003', 'a0000000-0000-4000-a000-000000000103',
        'a0000000-0000-4000-a000-000000000104', 'a0000000-0000-4000-a000-000000000004',
        'a0000000-0000-4000-a000-000000000105', 'a0000000-0000-4000-a000-000000000106',
        'a0000000-0000-4000-a000-000000000005', 'a0000000-0000-4000-a000-000000000107',
        'a0000000-0000-4000-a000-000000000108', 'a0000000-0000-4000-a000-000000000109',
        'a0000000-0000-4000-a000-000000000110']::uuid[];
    reasons constant text[] := array[
        '[Demo] Sudden mid-back pain after lifting', '[Demo] Back pain after a fall at home',
        '[Demo] Known osteoporosis, new lower back pain', '[Demo] Back pain since a bout of coughing',
        '[Demo] Losing height, new back pain', '[Demo] Pain between the shoulder blades',
        '[Demo] GP suspects a vertebral fracture', '[Demo] Back pain after a minor fall, worse standing'];
    turn int := 0;
    plan record;
    v_patient uuid;
    v_deadline timestamptz;
    v_target timestamptz;
    v_booked timestamptz;
    v_starts timestamptz;
    v_ends timestamptz;
    v_clinician uuid;
    v_site uuid;
    v_enquiry uuid;
    v_appointment uuid;
    v_reason text;
    v_why text;
    v_changed timestamptz;
    v_keeps boolean;
begin
    for plan in select * from demo_plan order by first_contact_at, seed loop
        v_deadline := plan.first_contact_at + interval '48 hours';
        v_enquiry := md5('demo enquiry ' || plan.seed)::uuid;
        v_starts := null;
        v_patient := null;

        if plan.outcome <> 'UNBOOKED' then
            v_patient := patients[1 + turn % array_length(patients, 1)];
            -- When reception aimed for: next day or the day after, or past the deadline when the week went badly.
            v_target := plan.first_contact_at + case
                when plan.late
                    then make_interval(secs => (49 + 21 * pg_temp.demo_fraction(plan.seed || 'delay')) * 3600)
                else make_interval(secs => (4 + 43.5 * pg_temp.demo_fraction(plan.seed || 'delay') ^ 0.8) * 3600) end;
            -- The free slot nearest that aim, on the meant side of the deadline if there is one, 4 to 70 hours after
            -- first contact; free means that no appointment of that clinician or of that patient overlaps it.
            select s.starts_at, s.ends_at, s.clinician_id, s.site_id into v_starts, v_ends, v_clinician, v_site
            from demo_slot s
            where s.starts_at between plan.first_contact_at + interval '4 hours'
                                  and plan.first_contact_at + interval '70 hours'
              and not exists (select 1 from appointment a where a.clinician_id = s.clinician_id
                                and a.starts_at < s.ends_at and a.ends_at > s.starts_at)
              and not exists (select 1 from appointment a where a.patient_id = v_patient
                                and a.starts_at < s.ends_at and a.ends_at > s.starts_at)
            order by (s.starts_at > v_deadline) <> plan.late,
                     abs(extract(epoch from s.starts_at - v_target)),
                     md5(plan.seed || s.clinician_id::text)
            limit 1;
        end if;

        if v_starts is null then
            -- Never booked (or, in a diary with no room at all, could not be): warned, breached, nobody registered.
            insert into enquiry (id, patient_id, first_contact_at, channel, referrer, deadline, appointment_id,
                                 booked_at, at_risk_at, breached_at, recorded_by, version)
            values (v_enquiry, null, plan.first_contact_at, plan.channel, plan.referrer, v_deadline, null, null,
                    v_deadline - interval '12 hours' + interval '1 minute', v_deadline + interval '1 minute',
                    'demo-data', 0);
            continue;
        end if;

        turn := turn + 1;
        v_appointment := md5('demo appointment ' || plan.seed)::uuid;
        v_reason := reasons[1 + floor(pg_temp.demo_fraction(plan.seed || 'reason') * 8)::int];
        -- Booked during the call, or when reception rang back after a web enquiry: always hours before the appointment.
        v_booked := plan.first_contact_at + case
            when plan.channel = 'PHONE'
                then make_interval(mins => 3 + (22 * pg_temp.demo_fraction(plan.seed || 'booked'))::int)
            else make_interval(mins => 40 + (140 * pg_temp.demo_fraction(plan.seed || 'booked'))::int) end;

        insert into appointment (id, patient_id, clinician_id, site_id, appointment_type, starts_at, ends_at, status,
                                 reason, booked_by, booked_at, overbooked, version)
        values (v_appointment, v_patient, v_clinician, v_site, 'FREE_CONSULTATION', v_starts, v_ends, plan.outcome,
                v_reason, 'demo-data', v_booked, false, case plan.outcome when 'COMPLETED' then 2 else 1 end);
        insert into appointment_change (appointment_id, changed_at, changed_by, action, reason, new_starts_at,
                                        new_status)
        values (v_appointment, v_booked, 'demo-data', 'BOOKED', v_reason, v_starts, 'BOOKED');

        if plan.outcome in ('CHECKED_IN', 'COMPLETED') then
            v_changed := v_starts
                         - make_interval(mins => 2 + (13 * pg_temp.demo_fraction(plan.seed || 'arrived'))::int);
            insert into appointment_change (appointment_id, changed_at, changed_by, action, old_status, new_status)
            values (v_appointment, v_changed, 'demo-data', 'CHECKED_IN', 'BOOKED', 'CHECKED_IN');
        end if;
        if plan.outcome = 'COMPLETED' then
            v_changed := v_ends + make_interval(mins => (12 * pg_temp.demo_fraction(plan.seed || 'done'))::int);
            insert into appointment_change (appointment_id, changed_at, changed_by, action, old_status, new_status)
            values (v_appointment, v_changed, 'demo-data', 'COMPLETED', 'CHECKED_IN', 'COMPLETED');
        end if;
        if plan.outcome = 'NO_SHOW' then
            v_why := 'Did not attend; no answer when rung';
            v_changed := v_starts
                         + make_interval(mins => 20 + (20 * pg_temp.demo_fraction(plan.seed || 'missed'))::int);
            update appointment set status_reason = v_why where id = v_appointment;
            insert into appointment_change (appointment_id, changed_at, changed_by, action, reason, old_status,
                                            new_status)
            values (v_appointment, v_changed, 'demo-data', 'NO_SHOW', v_why, 'BOOKED', 'NO_SHOW');
        end if;
        if plan.outcome = 'CANCELLED' then
            v_why := (array['Patient rang to cancel', 'Feeling better, no longer wants to come',
                            'Admitted to hospital elsewhere'])
                     [1 + floor(pg_temp.demo_fraction(plan.seed || 'why') * 3)::int];
            -- Some time after booking, before the appointment and before the at-risk warning.
            v_changed := v_booked + (least(v_starts - interval '1 hour', v_deadline - interval '12 hours') - v_booked)
                                    * pg_temp.demo_fraction(plan.seed || 'cancelled');
            update appointment set status_reason = v_why where id = v_appointment;
            insert into appointment_change (appointment_id, changed_at, changed_by, action, reason, old_status,
                                            new_status)
            values (v_appointment, v_changed, 'demo-data', 'CANCELLED', v_why, 'BOOKED', 'CANCELLED');
        end if;

        -- As the access clock saw it: a booking that starts by the deadline and was not cancelled keeps the promise
        -- (every booking here was made long before the at-risk time); anything else was warned, then breached.
        v_keeps := v_starts <= v_deadline and plan.outcome <> 'CANCELLED';
        insert into enquiry (id, patient_id, first_contact_at, channel, referrer, deadline, appointment_id, booked_at,
                             at_risk_at, breached_at, recorded_by, version)
        values (v_enquiry, v_patient, plan.first_contact_at, plan.channel, plan.referrer, v_deadline, v_appointment,
                v_booked,
                case when v_keeps then null else v_deadline - interval '12 hours' + interval '1 minute' end,
                case when v_keeps then null else v_deadline + interval '1 minute' end,
                'demo-data', 1);
    end loop;
end
$$;

drop table demo_plan, demo_slot, demo_closed_day;
drop function pg_temp.demo_fraction(text);

-- The history screens show who made each change; these were made by no one in particular.
update appointment_change set changed_by_name = 'Demo data' where changed_by = 'demo-data';
