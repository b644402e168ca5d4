-- A web self-referral: the person's own first contact, screened for the warning signs of a spinal emergency.
-- Any red flag makes the enquiry urgent: it is never booked into the routine flow until the clinic has called the
-- person back and said what happens next.
alter table enquiry add column red_flags text[] not null default '{}';
alter table enquiry add column called_back_at timestamptz;
alter table enquiry add column called_back_by text;
alter table enquiry add column call_back_note text check (length(call_back_note) <= 500);
-- After a call back the clinic may decide no clinic appointment is needed (for example, sent to A&E): the enquiry
-- then leaves reception's list.
alter table enquiry add column no_appointment_needed boolean not null default false;
create index enquiry_urgent on enquiry (first_contact_at) where cardinality(red_flags) > 0 and called_back_at is null;

create table self_referral (
    id             uuid primary key,
    enquiry_id     uuid        not null unique references enquiry (id),
    patient_id     uuid        not null references patient (id),
    -- The form's own key: submitting the same form twice (a double click, a resend) gives one referral.
    submission_key uuid        not null unique,
    -- Lets the person who submitted the form, and no one else, pick a slot for it; a random token, never a name.
    access_key     text        not null,
    reason         text        not null check (length(reason) <= 500),
    submitted_at   timestamptz not null
);
