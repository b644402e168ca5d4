-- Demo data: two sites, their rooms, and a weekly pattern of sessions that runs on from 2026 (so there are always
-- sessions for the coming weeks), with the winter bank holidays off.
insert into site (id, name, address) values
    ('50000000-0000-4000-a000-000000000001', 'London Bridge', '[Demo] 1 Example Street, London SE1'),
    ('50000000-0000-4000-a000-000000000002', 'Harley Street', '[Demo] 2 Example Street, London W1');

insert into room (id, site_id, name) values
    ('60000000-0000-4000-a000-000000000001', '50000000-0000-4000-a000-000000000001', 'Consulting room 1'),
    ('60000000-0000-4000-a000-000000000002', '50000000-0000-4000-a000-000000000001', 'Consulting room 2'),
    ('60000000-0000-4000-a000-000000000003', '50000000-0000-4000-a000-000000000001', 'Theatre'),
    ('60000000-0000-4000-a000-000000000004', '50000000-0000-4000-a000-000000000002', 'Consulting room A'),
    ('60000000-0000-4000-a000-000000000005', '50000000-0000-4000-a000-000000000002', 'Theatre');

-- Mr Reid: weekday morning clinics at London Bridge, Tuesday afternoon theatre, Saturday morning clinic.
insert into session_template (id, clinician_id, site_id, room_id, day_of_week, starts_at, ends_at, kind, valid_from)
select gen_random_uuid(), 'c0000000-0000-4000-a000-000000000001', '50000000-0000-4000-a000-000000000001',
       '60000000-0000-4000-a000-000000000001', d, '09:00', '13:00', 'CLINIC', '2026-01-01'
from generate_series(1, 6) as d;
insert into session_template (id, clinician_id, site_id, room_id, day_of_week, starts_at, ends_at, kind, valid_from)
values (gen_random_uuid(), 'c0000000-0000-4000-a000-000000000001', '50000000-0000-4000-a000-000000000001',
        '60000000-0000-4000-a000-000000000003', 2, '14:00', '18:00', 'THEATRE', '2026-01-01');

-- Ms Hart: Monday, Wednesday and Friday afternoon clinics at Harley Street, Thursday morning theatre.
insert into session_template (id, clinician_id, site_id, room_id, day_of_week, starts_at, ends_at, kind, valid_from)
select gen_random_uuid(), 'c0000000-0000-4000-a000-000000000002', '50000000-0000-4000-a000-000000000002',
       '60000000-0000-4000-a000-000000000004', d, '13:00', '17:00', 'CLINIC', '2026-01-01'
from unnest(array[1, 3, 5]) as d;
insert into session_template (id, clinician_id, site_id, room_id, day_of_week, starts_at, ends_at, kind, valid_from)
values (gen_random_uuid(), 'c0000000-0000-4000-a000-000000000002', '50000000-0000-4000-a000-000000000002',
        '60000000-0000-4000-a000-000000000005', 4, '08:00', '12:00', 'THEATRE', '2026-01-01');

-- Dr Nair: Tuesday and Thursday all-day clinics at Harley Street; Dr Ellis: early clinics every day but Sunday.
insert into session_template (id, clinician_id, site_id, room_id, day_of_week, starts_at, ends_at, kind, valid_from)
select gen_random_uuid(), 'c0000000-0000-4000-a000-000000000003', '50000000-0000-4000-a000-000000000002',
       '60000000-0000-4000-a000-000000000004', d, '09:00', '17:00', 'CLINIC', '2026-01-01'
from unnest(array[2, 4]) as d;
insert into session_template (id, clinician_id, site_id, room_id, day_of_week, starts_at, ends_at, kind, valid_from)
select gen_random_uuid(), 'c0000000-0000-4000-a000-000000000004', '50000000-0000-4000-a000-000000000001',
       '60000000-0000-4000-a000-000000000002', d, '08:00', '12:00', 'CLINIC', '2026-01-01'
from generate_series(1, 6) as d;

-- Bank holidays in England: nobody works.
insert into session_exception (id, clinician_id, on_date, change, reason) values
    (gen_random_uuid(), null, '2026-12-25', 'CANCELLED', 'Christmas Day'),
    (gen_random_uuid(), null, '2026-12-28', 'CANCELLED', 'Boxing Day (substitute day)'),
    (gen_random_uuid(), null, '2027-01-01', 'CANCELLED', 'New Year''s Day');
