-- Who changed an appointment, by name, for the history reception reads. changed_by stays the subject id that audit
-- and the APIs join on; staff names are not patient data. Older rows have no name and show as such.
alter table appointment_change add column changed_by_name text;
