-- Records a consumer gave up on: kept for the clinic admin's worklist, with why, until someone replays them. The
-- record is kept whole so that a replay can send it again; the worklist shows only its topic, key, type and reason,
-- never the payload (a patient event carries contact details).
create table dead_letter (
    id             uuid primary key,
    consumer_group text        not null,
    topic          text        not null,
    record_partition integer   not null,
    record_offset  bigint      not null,
    record_key     text,
    payload        text,
    event_id       uuid,
    event_type     text,
    reason         text        not null,
    failed_at      timestamptz not null,
    replayed_at    timestamptz,
    replayed_by    text,
    unique (consumer_group, topic, record_partition, record_offset)
);
create index dead_letter_waiting on dead_letter (failed_at) where replayed_at is null;
