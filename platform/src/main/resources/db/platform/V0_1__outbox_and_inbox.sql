-- Shared by every service's own database (each applies it through Flyway location classpath:db/platform).

-- Events waiting to be relayed to Kafka, written in the transaction of the change they report.
create table outbox_event (
    position    bigint generated always as identity primary key, -- commit-ordered enough for one relay at a time
    event_id    uuid        not null unique,
    topic       text        not null,
    record_key  text        not null,
    event_type  text        not null,
    payload     jsonb       not null,
    created_at  timestamptz not null,
    sent_at     timestamptz,
    attempts    integer     not null default 0,
    last_error  text
);
create index outbox_event_unsent on outbox_event (position) where sent_at is null;

-- Ids of events a consumer has already acted on, written in the transaction of that effect.
create table inbox_event (
    consumer     text        not null,
    event_id     uuid        not null,
    event_type   text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
