-- Contact details of booking-service's demo patients, as its patient events would have carried them (the demo data
-- there is loaded by SQL, so no events were sent for these). Addresses and numbers are reserved for examples and drama.
insert into patient_contact (patient_id, given_name, email, mobile_phone, email_consent, sms_consent, changed_at,
                             updated_at) values
    ('a0000000-0000-4000-a000-000000000001', 'Pat', 'pat.demo@example.test', '+44 7700 900001', true, true, now(), now()),
    ('a0000000-0000-4000-a000-000000000002', 'Paula', 'paula.demo@example.test', '+44 7700 900002', true, false, now(), now()),
    ('a0000000-0000-4000-a000-000000000003', 'Joan', 'joan.demo@example.test', '+44 7700 900003', true, true, now(), now()),
    ('a0000000-0000-4000-a000-000000000004', 'Raymond', null, '+44 7700 900004', false, true, now(), now()),
    ('a0000000-0000-4000-a000-000000000005', 'Edith', 'edith.demo@example.test', null, true, false, now(), now())
on conflict (patient_id) do nothing;
