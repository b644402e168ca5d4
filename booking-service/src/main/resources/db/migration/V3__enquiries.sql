-- The 48-hour access clock: it starts at first contact (the enquiry), not at booking.
create table enquiry (
    id               uuid primary key,
    patient_id       uuid references patient (id),
    first_contact_at timestamptz not null,
    channel          text        not null check (channel in ('PHONE', 'WEB')),
    referrer         text, -- a GP or other referrer when the patient names one; never required (self-referral)
    deadline         timestamptz not null,
    appointment_id   uuid references appointment (id),
    booked_at        timestamptz,
    at_risk_at       timestamptz, -- when the at-risk warning was raised, once
    breached_at      timestamptz, -- when the breach was raised, once
    recorded_by      text        not null,
    version          bigint      not null default 0,
    check (deadline > first_contact_at)
);
create index enquiry_open on enquiry (deadline) where breached_at is null;
create index enquiry_first_contact on enquiry (first_contact_at);
