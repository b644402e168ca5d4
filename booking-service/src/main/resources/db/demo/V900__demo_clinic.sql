-- Demo data for the local run and the tests (Flyway location classpath:db/demo, profile "demo").
-- Clinician ids match the clinician_id attribute of the Keycloak demo users; patient ids match patient_id.
insert into clinician (id, display_name, profession, specialty) values
    ('c0000000-0000-4000-a000-000000000001', 'Mr Samuel Reid',  'SURGEON',    'Spinal surgery: vertebral augmentation'),
    ('c0000000-0000-4000-a000-000000000002', 'Ms Susan Hart',   'SURGEON',    'Spinal surgery'),
    ('c0000000-0000-4000-a000-000000000003', 'Dr Priya Nair',   'SPECIALIST', 'Pain medicine'),
    ('c0000000-0000-4000-a000-000000000004', 'Dr Tom Ellis',    'SPECIALIST', 'Musculoskeletal physiotherapy');

insert into patient (id, given_name, family_name, date_of_birth, email, mobile_phone, nhs_number,
                     email_consent, sms_consent, registered_at, registered_by) values
    ('a0000000-0000-4000-a000-000000000001', 'Pat', 'Demo', '1948-05-12', 'pat.demo@example.test', '+44 7700 900001',
     '9434765919', true, true, now(), 'demo-data'),
    ('a0000000-0000-4000-a000-000000000002', 'Paula', 'Demo', '1952-11-03', 'paula.demo@example.test', '+44 7700 900002',
     null, true, false, now(), 'demo-data');
