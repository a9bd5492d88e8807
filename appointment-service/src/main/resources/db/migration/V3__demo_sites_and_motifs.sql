-- Demo world of DEMO-DATA.md: four France Services sites in two departments and the phone platform.
INSERT INTO site (id, name, department, channel, address, accessibility) VALUES
    ('fs-aubervilliers', 'France Services Aubervilliers', '93', 'desk', 'Aubervilliers (93300)', 'step-free access; hearing loop'),
    ('fs-saint-denis',   'France Services Saint-Denis',   '93', 'desk', 'Saint-Denis (93200)',   'step-free access'),
    ('fs-gueret',        'France Services Guéret',        '23', 'desk', 'Guéret (23000)',        'step-free access; parking nearby'),
    ('fs-aubusson',      'France Services Aubusson',      '23', 'desk', 'Aubusson (23200)',      'ground floor'),
    ('tel-national',     'Plateforme téléphonique',       NULL, 'phone', NULL,                   'call-back on any phone');

INSERT INTO counter (id, site_id, label) VALUES
    ('fs-aubervilliers-g1', 'fs-aubervilliers', 'Guichet 1'),
    ('fs-aubervilliers-g2', 'fs-aubervilliers', 'Guichet 2'),
    ('fs-saint-denis-g1',   'fs-saint-denis',   'Guichet 1'),
    ('fs-saint-denis-g2',   'fs-saint-denis',   'Guichet 2'),
    ('fs-saint-denis-g3',   'fs-saint-denis',   'Guichet 3'),
    ('fs-gueret-g1',        'fs-gueret',        'Guichet 1'),
    ('fs-aubusson-g1',      'fs-aubusson',      'Guichet 1'),
    ('tel-national-l1',     'tel-national',     'Ligne 1'),
    ('tel-national-l2',     'tel-national',     'Ligne 2'),
    ('tel-national-l3',     'tel-national',     'Ligne 3'),
    ('tel-national-l4',     'tel-national',     'Ligne 4');

-- Monday to Friday 09:00-12:30 and 13:30-17:00; Guéret and Aubusson closed on Wednesday afternoon.
INSERT INTO opening_period (site_id, day_of_week, opens, closes)
SELECT s.id, d.day, p.opens, p.closes
FROM site s
CROSS JOIN generate_series(1, 5) AS d(day)
CROSS JOIN (VALUES (TIME '09:00', TIME '12:30'), (TIME '13:30', TIME '17:00')) AS p(opens, closes)
WHERE NOT (s.id IN ('fs-gueret', 'fs-aubusson') AND d.day = 3 AND p.opens = TIME '13:30');

INSERT INTO motif (id, title, channel, duration_minutes, min_notice_minutes, max_horizon_minutes) VALUES
    ('cni-biometrie',       'Carte d''identité : prise d''empreintes',  'desk',  20, 120, 60 * 24 * 60),
    ('cni-remise',          'Carte d''identité : remise du titre',      'desk',  10, 120, 90 * 24 * 60),
    ('accompagnement',      'Accompagnement dans une démarche',         'desk',  30,  60, 30 * 24 * 60),
    ('rappel-telephonique', 'Rappel par un conseiller',                 'phone', 15,  30, 14 * 24 * 60);

INSERT INTO motif_step (motif_id, step) VALUES
    ('cni-biometrie',       'cni-renouvellement/rdv-biometrie'),
    ('cni-remise',          'cni-renouvellement/remise'),
    ('accompagnement',      '*'),
    ('rappel-telephonique', '*');

INSERT INTO motif_site (motif_id, site_id)
SELECT m.id, s.id FROM motif m CROSS JOIN site s
WHERE (m.channel = 'desk' AND s.channel = 'desk') OR (m.channel = 'phone' AND s.channel = 'phone');
