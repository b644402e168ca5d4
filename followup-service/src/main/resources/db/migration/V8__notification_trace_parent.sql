-- The W3C traceparent of the work that planned the message (ADR 22), usually the consumer of the event that caused
-- it: the message is sent inside that trace, so that one trace runs from a booking request to its confirmation's
-- send. Null for messages planned before traces were kept; those are sent in a trace of their own.
alter table notification add column trace_parent text;
