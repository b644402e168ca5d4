-- The clinic's starting pathways for its two cement-augmentation treatments. They are data: a clinic admin changes them
-- through the API (a new version each time). The wording is marked as demo until the clinic replaces it.
insert into pathway_definition (id, treatment, version, content_slug, current, created_at, created_by) values
    ('d0000000-0000-4000-a000-000000000001', 'BALLOON_KYPHOPLASTY', 1, 'balloon-kyphoplasty', true, now(), 'migration'),
    ('d0000000-0000-4000-a000-000000000002', 'VERTEBROPLASTY', 1, 'vertebroplasty', true, now(), 'migration');

insert into pathway_step (definition_id, position, code, kind, offset_days, send_at, title, body, content_section,
                          window_days, book_within)
select d.id, s.position, s.code, s.kind, s.offset_days, s.send_at::time, s.title, s.body, s.content_section,
       s.window_days, s.book_within
from pathway_definition d
cross join (values
    (1, 'RECOVERY_ADVICE', 'MESSAGE', 0, '00:00', 'Looking after yourself after your procedure',
     '[Demo wording] Your procedure is done and you can go home today. Here is the advice from our team on the first days of recovery.',
     'recovery', null, null),
    (2, 'WALKING_AND_EXERCISE', 'MESSAGE', 1, '10:00', 'Getting moving again',
     '[Demo wording] From today, walk a little and build up your activity gradually. Please avoid heavy lifting and strenuous activity while you recover. An ice pack can ease local soreness. If you are worried, call the clinic: we are here for you.',
     null, null, null),
    (3, 'GP_BONE_DENSITY_LETTER', 'TASK', 2, '10:00', 'Write to the GP recommending a bone density scan',
     'Recommend to the patient''s GP a bone density scan, if not already done, to consider treatment that lowers the chance of further fractures.',
     null, null, null),
    (4, 'SIX_WEEK_REVIEW', 'APPOINTMENT', 42, '10:00', 'Six-week review with your surgeon',
     'Book the six-week post-procedure review with the treating surgeon.',
     null, 7, 14)
) as s (position, code, kind, offset_days, send_at, title, body, content_section, window_days, book_within);
