-- The clinic's headline rule, "seen within 48 hours", in one place. The access clock, reception's view of an enquiry
-- and the weekly access report all read it from here, so they cannot drift apart.
--   booked:               the enquiry's appointment is live or was kept or missed (anything but cancelled);
--   booked_within_target: booked, starting at or before the deadline: the promise is kept, or the clinic did its best
--                         (a patient who does not attend does not make it a breach);
--   seen:                 the patient attended (checked in or completed);
--   seen_within_target:   seen, at an appointment starting at or before the deadline.
-- Enquiry.withinTarget(start) is the same "at or before the deadline" for a time not yet booked.
create view enquiry_promise as
select e.id                                                                          as enquiry_id,
       a.id                                                                          as appointment_id,
       a.starts_at                                                                   as appointment_starts_at,
       coalesce(a.status in ('BOOKED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW'), false) as booked,
       coalesce(a.status in ('BOOKED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW')
                    and a.starts_at <= e.deadline, false)                            as booked_within_target,
       coalesce(a.status in ('CHECKED_IN', 'COMPLETED'), false)                      as seen,
       coalesce(a.status in ('CHECKED_IN', 'COMPLETED') and a.starts_at <= e.deadline, false)
                                                                                     as seen_within_target
from enquiry e
         left join appointment a on a.id = e.appointment_id;
