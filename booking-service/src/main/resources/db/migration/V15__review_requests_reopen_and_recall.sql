-- A review request outlives an appointment that is not kept: cancelled or missed, it goes back on the to-book list.
-- The same table holds recalls ("see again in N weeks"), which name no procedure but say why, and may ask for a
-- consultation rather than a post-procedure review.
alter table review_request
    add column reason           text,
    add column appointment_type text not null default 'POST_PROCEDURE_REVIEW'
        check (appointment_type in ('POST_PROCEDURE_REVIEW', 'FULL_CONSULTATION')),
    -- Why the request is on the list again, null while it never was booked: CANCELLED or NO_SHOW.
    add column reopened_after   text check (reopened_after in ('CANCELLED', 'NO_SHOW')),
    add column reopened_at      timestamptz;
create index review_request_appointment on review_request (appointment_id) where appointment_id is not null;
