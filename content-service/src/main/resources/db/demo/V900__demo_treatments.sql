-- DEMO CONTENT, not clinically signed off: placeholders until the sign-off workflow publishes reviewed versions.
insert into treatment (slug, title, summary) values
    ('balloon-kyphoplasty', 'Balloon kyphoplasty',
     '[Demo text] A short procedure for a painful vertebral compression fracture: a balloon restores some of the '
     || 'bone''s height, then bone cement fills the space. Done under local anaesthetic with sedation; most people go '
     || 'home the same day.'),
    ('vertebroplasty', 'Vertebroplasty',
     '[Demo text] Bone cement is injected straight into a painful, unhealed compression fracture to steady it, '
     || 'without a balloon. Done under local anaesthetic with sedation; most people go home the same day.');
