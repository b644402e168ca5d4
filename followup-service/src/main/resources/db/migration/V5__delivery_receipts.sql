-- SENT only says that a provider accepted a message. Notify goes on to say whether it reached the phone: its id for the
-- message is kept to ask, and the answer is kept beside the message. Email over SMTP has no such receipt, so its
-- delivery stays null ("accepted by the mail server" is all anyone can know).
alter table notification
    add column provider_id         uuid,
    add column delivery            text
        constraint notification_delivery check (delivery in
            ('PENDING', 'DELIVERED', 'PERMANENT_FAILURE', 'TEMPORARY_FAILURE', 'TECHNICAL_FAILURE')),
    add column delivery_checked_at timestamptz,
    add column delivered_at        timestamptz,
    add constraint notification_pending_has_provider check (delivery is distinct from 'PENDING'
        or provider_id is not null);
create index notification_awaiting_receipt on notification (delivery_checked_at nulls first)
    where status = 'SENT' and delivery = 'PENDING';

-- Texts patients sent to the clinic's number, read from Notify once each. Only what the clinic did is kept: the text
-- and the number are the patient's own words and are not stored.
create table received_text (
    id          uuid primary key, -- Notify's id of the received text
    received_at timestamptz not null,
    read_at     timestamptz not null,
    action      text        not null constraint received_text_action check (action in ('SMS_OPTED_OUT', 'NONE'))
);
