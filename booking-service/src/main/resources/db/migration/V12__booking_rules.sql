-- The clinic's rules per type of appointment for changes patients make themselves: how soon a new time may be
-- (minimum notice) and until when before it an appointment may be moved or cancelled online (the cutoff). Inside
-- the cutoff the patient calls the clinic. Clinic admin changes them; each change is audited.
create table booking_rule (
    appointment_type text primary key check (appointment_type in
        ('FREE_CONSULTATION', 'FULL_CONSULTATION', 'POST_PROCEDURE_REVIEW', 'PROCEDURE')),
    minimum_notice   interval    not null check (minimum_notice >= interval '0'),
    change_cutoff    interval    not null check (change_cutoff >= interval '0'),
    changed_at       timestamptz,
    changed_by       text
);
insert into booking_rule (appointment_type, minimum_notice, change_cutoff) values
    ('FREE_CONSULTATION', interval '1 hour', interval '4 hours'),
    ('FULL_CONSULTATION', interval '2 hours', interval '24 hours'),
    ('POST_PROCEDURE_REVIEW', interval '2 hours', interval '24 hours'),
    ('PROCEDURE', interval '72 hours', interval '72 hours');
