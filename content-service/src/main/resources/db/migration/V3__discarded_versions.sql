-- An abandoned draft is discarded rather than deleted: its number stays taken and its text readable, and it no longer
-- blocks a new draft (the one-open-version index does not cover DISCARDED).
alter table treatment_version drop constraint treatment_version_status_check;
alter table treatment_version add constraint treatment_version_status_check
    check (status in ('DRAFT', 'IN_REVIEW', 'RETURNED', 'APPROVED', 'PUBLISHED', 'SUPERSEDED', 'DISCARDED'));

alter table treatment_version_activity drop constraint treatment_version_activity_action_check;
alter table treatment_version_activity add constraint treatment_version_activity_action_check
    check (action in ('WROTE', 'EDITED', 'SUBMITTED', 'APPROVED', 'RETURNED', 'PUBLISHED', 'SUPERSEDED', 'DISCARDED'));
