-- A few more demo patients and some bookings in the coming week, so that lists and availability show a working diary.
-- Times are computed from the day the demo starts: next Monday and Tuesday, clinic time.
insert into patient (id, given_name, family_name, date_of_birth, email, mobile_phone, nhs_number,
                     email_consent, sms_consent, registered_at, registered_by) values
    ('a0000000-0000-4000-a000-000000000003', 'Joan', 'Demo', '1939-08-30', 'joan.demo@example.test',
     '+44 7700 900003', null, true, true, now(), 'demo-data'),
    ('a0000000-0000-4000-a000-000000000004', 'Raymond', 'Demo', '1950-01-21', null, '+44 7700 900004', null,
     false, true, now(), 'demo-data'),
    ('a0000000-0000-4000-a000-000000000005', 'Edith', 'Demo', '1945-06-02', 'edith.demo@example.test', null, null,
     true, false, now(), 'demo-data');

with next_monday as (
    select (date_trunc('week', now() at time zone 'Europe/London') + interval '7 days')::date as day
)
insert into appointment (id, patient_id, clinician_id, site_id, appointment_type, starts_at, ends_at, status, reason,
                         booked_by, booked_at)
select gen_random_uuid(), patient_id::uuid, clinician_id::uuid, site_id::uuid, appointment_type,
       ((select day from next_monday) + day_offset + starts)::timestamp at time zone 'Europe/London',
       ((select day from next_monday) + day_offset + starts + duration)::timestamp at time zone 'Europe/London',
       'BOOKED', reason, 'demo-data', now()
from (values
    ('a0000000-0000-4000-a000-000000000003', 'c0000000-0000-4000-a000-000000000001',
     '50000000-0000-4000-a000-000000000001', 'FREE_CONSULTATION', 0, time '09:00', interval '15 minutes',
     '[Demo] Sudden mid-back pain after a fall at home'),
    ('a0000000-0000-4000-a000-000000000004', 'c0000000-0000-4000-a000-000000000001',
     '50000000-0000-4000-a000-000000000001', 'FULL_CONSULTATION', 0, time '09:30', interval '30 minutes',
     '[Demo] Known osteoporosis, new lower back pain'),
    ('a0000000-0000-4000-a000-000000000005', 'c0000000-0000-4000-a000-000000000001',
     '50000000-0000-4000-a000-000000000001', 'PROCEDURE', 1, time '14:00', interval '60 minutes',
     '[Demo] Balloon kyphoplasty, L1 compression fracture'),
    ('a0000000-0000-4000-a000-000000000003', 'c0000000-0000-4000-a000-000000000003',
     '50000000-0000-4000-a000-000000000002', 'FULL_CONSULTATION', 1, time '11:00', interval '30 minutes',
     '[Demo] Pain management review')
) as demo(patient_id, clinician_id, site_id, appointment_type, day_offset, starts, duration, reason);
