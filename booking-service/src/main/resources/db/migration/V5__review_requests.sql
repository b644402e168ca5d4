-- Post-procedure reviews that followup-service asks for: on reception's to-book list until booked.
create table review_request (
    id             uuid primary key, -- followup-service's request id, so a redelivered request is the same row
    patient_id     uuid        not null,
    surgeon_id     uuid        not null references clinician (id),
    procedure_id   uuid,
    window_starts  date        not null,
    window_ends    date        not null,
    appointment_id uuid references appointment (id),
    requested_at   timestamptz not null,
    check (window_ends >= window_starts)
);
create index review_request_open on review_request (window_starts) where appointment_id is null;
