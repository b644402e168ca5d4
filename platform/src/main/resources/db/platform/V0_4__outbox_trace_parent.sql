-- The W3C traceparent of the request that wrote the event (ADR 22): the relay sends the event inside that trace, so
-- that its consumers continue it. Null for events written before traces were kept, and for work outside any trace;
-- such an event starts a trace of its own when it is sent.
alter table outbox_event add column trace_parent text;
