-- Who read or changed which patient's data, when, from where, and whether it was allowed. Shared by every service's own
-- database, like the outbox. Rows are only ever inserted: the triggers below refuse every UPDATE, DELETE and TRUNCATE,
-- so no application code (and no SQL sent by the service's own role) can rewrite what happened.
create table audit_record (
    id              bigint generated always as identity primary key,
    recorded_at     timestamptz not null default clock_timestamp(),
    user_id         text,                 -- Keycloak subject; null only when the caller was not authenticated
    user_roles      text[]      not null, -- the caller's realm roles at the time
    action          text        not null, -- READ, CREATE, CHANGE
    record_type     text        not null, -- e.g. appointment, patient, clinic-list
    record_id       text,                 -- null when the request names no single record (a list, a search)
    patient_ids     uuid[]      not null, -- every patient whose data the request reached or tried to reach
    outcome         text        not null, -- ALLOWED, REFUSED (authorisation), FAILED (any other error)
    http_status     integer,
    operation       text        not null, -- which endpoint: HTTP method and path pattern, never query values
    client_address  text,
    correlation_id  text
);
create index audit_record_time on audit_record (recorded_at);
create index audit_record_user on audit_record (user_id, recorded_at);
create index audit_record_patients on audit_record using gin (patient_ids);

create function audit_record_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit records cannot be changed or deleted (% refused)', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_record_no_update_or_delete before update or delete on audit_record
    for each row execute function audit_record_is_append_only();
create trigger audit_record_no_truncate before truncate on audit_record
    for each statement execute function audit_record_is_append_only();
