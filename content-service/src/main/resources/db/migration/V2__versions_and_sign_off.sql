-- Treatment text moves into numbered versions, so that what a patient read is always one version with one hash,
-- signed off by a surgeon (or flagged as demo). The treatment row keeps only its slug and who added it.

create table treatment_version (
    id                  uuid primary key,
    treatment_slug      text        not null references treatment (slug),
    number              integer     not null check (number > 0),
    status              text        not null
        check (status in ('DRAFT', 'IN_REVIEW', 'RETURNED', 'APPROVED', 'PUBLISHED', 'SUPERSEDED')),
    demo                boolean     not null default false,
    title               text        not null,
    summary             text        not null,
    typical_duration    text,
    anaesthesia         text,
    same_day_discharge  boolean,
    complication_rate   text,
    content_hash        text        not null check (content_hash ~ '^[0-9a-f]{64}$'),
    search_text         text        not null,
    written_by          text        not null,
    written_at          timestamptz not null,
    last_edited_by      text        not null,
    last_edited_at      timestamptz not null,
    submitted_by        text,
    submitted_at        timestamptz,
    reviewed_by         text,
    reviewed_at         timestamptz,
    review_comment      text,
    published_by        text,
    published_at        timestamptz,
    review_due          date,
    superseded_at       timestamptz,
    lock_version        bigint      not null default 0,
    constraint treatment_version_number unique (treatment_slug, number),
    -- Nothing reaches patients without a surgeon's approval, unless it is seeded demo text that says it is demo.
    constraint treatment_version_published_was_approved check (
        status not in ('PUBLISHED', 'SUPERSEDED')
        or (published_at is not null and review_due is not null and (demo or reviewed_by is not null))),
    constraint treatment_version_approved_was_reviewed check (
        status <> 'APPROVED' or (reviewed_by is not null and reviewed_by <> written_by))
);
-- One published version per treatment, and one version in the workflow at a time.
create unique index treatment_version_one_published on treatment_version (treatment_slug) where status = 'PUBLISHED';
create unique index treatment_version_one_open on treatment_version (treatment_slug)
    where status in ('DRAFT', 'IN_REVIEW', 'RETURNED', 'APPROVED');
create index treatment_version_search on treatment_version using gin (to_tsvector('english', search_text))
    where status = 'PUBLISHED';
create index treatment_version_review_due on treatment_version (review_due) where status = 'PUBLISHED';

-- Markdown as written and the sanitised HTML rendered from it when it was written.
create table treatment_version_section (
    version_id  uuid not null references treatment_version (id),
    section     text not null
        check (section in ('PURPOSE', 'PROCEDURE', 'OUTCOMES', 'RISKS', 'RECOVERY', 'FURTHER_READING', 'REFERENCES')),
    markdown    text not null,
    html        text not null,
    primary key (version_id, section)
);

-- Append-only trail of every step: who wrote, edited, submitted, reviewed, published and when.
create table treatment_version_activity (
    version_id  uuid        not null references treatment_version (id),
    position    integer     not null,
    action      text        not null
        check (action in ('WROTE', 'EDITED', 'SUBMITTED', 'APPROVED', 'RETURNED', 'PUBLISHED', 'SUPERSEDED')),
    actor       text        not null,
    acted_at    timestamptz not null,
    comment     text,
    primary key (version_id, position)
);

alter table treatment add column created_at timestamptz not null default now();
alter table treatment add column created_by text not null default 'migration';

-- Rows from V1 (only ever demo placeholders) become a published demo version 1. Their hash covers title and summary
-- in this simpler form; versions written through the application use the canonical form of TreatmentContent.
insert into treatment_version (id, treatment_slug, number, status, demo, title, summary, content_hash, search_text,
                               written_by, written_at, last_edited_by, last_edited_at, published_by, published_at,
                               review_due)
select gen_random_uuid(), slug, 1, 'PUBLISHED', true, title, summary,
       encode(sha256(convert_to(slug || E'\n' || title || E'\n' || summary, 'UTF8')), 'hex'), title || E'\n' || summary,
       'migration', now(), 'migration', now(), 'migration', now(), current_date
from treatment;

alter table treatment drop column title;
alter table treatment drop column summary;
