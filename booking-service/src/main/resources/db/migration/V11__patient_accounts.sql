-- A patient's sign-in at Keycloak, as booking-service knows it. The row is written in the same transaction as the
-- patient (or the contact change) that gave an email address, so no account is lost when Keycloak is away; a worker
-- then creates the Keycloak user and sends the invitation, trying again with a growing pause. No personal data here:
-- the email and name stay on the patient row, and last_problem holds a code, never Keycloak's answer.
create table patient_account (
    patient_id        uuid primary key references patient (id),
    state             text        not null check (state in ('INVITE_PENDING', 'INVITED', 'ACTIVE', 'DISABLED')),
    keycloak_user_id  text unique,
    attempts          integer     not null default 0,
    last_problem      text,
    next_attempt_at   timestamptz not null,
    invitations_sent  integer     not null default 0,
    last_invited_at   timestamptz,
    opened_at         timestamptz not null,
    changed_at        timestamptz not null,
    changed_by        text        not null,
    version           bigint      not null default 0
);

-- The worker's question: which accounts wait for Keycloak now?
create index patient_account_due on patient_account (next_attempt_at) where state = 'INVITE_PENDING';
