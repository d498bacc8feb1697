-- The SQL peer of `sightline replay`: four of Sightline's overdue-duty
-- questions asked the way a council analyst would, as SQL over the stored
-- events, with the sqlite3 command-line shell:
--
--   sqlite3 DB < bench/peers/overdue_duties.sql
--
-- It expects what bench/replay-1m-children loads:
--   events(seq, type, at, recorded, by, json)   one row per feed line
--       (bench/peers/import_python.py: recorded is at when a line has none),
--       indexed on type;
--   calendar(d, wd)       every date, with the number of working days on or
--                         before it;
--   working_days(n, d)    the n-th working day.
-- Working days are Monday to Friday minus the England and Wales bank holidays
-- of tests/data/bank-holidays/england_and_wales_bank_holidays_2011_2028.csv;
-- other years have weekdays only. "Within N WD of D" (D not counted) is the
-- working day numbered wd(D) + N.
--
-- Each question follows the catalogue (docs/safeguards-v1.md) as an analyst
-- would read it, on the replay clock: a duty is done in time when the event
-- that does it was recorded by the end of the due date, and a duty is only
-- counted overdue when the feed runs past its due date (a replay stops at the
-- last event). What it leaves out, Sightline does: owners found per area,
-- escalation, resolution dates, the other 23 rules.
-- It prints one line per rule: rule|overdue duties.

.bail on

-- What the four questions share, extracted once.
CREATE TEMP TABLE feed_end AS
  SELECT max(substr(recorded, 1, 10)) AS d FROM events;

CREATE TEMP TABLE agency_kind AS
  SELECT json_extract(json, '$.id') AS id, json_extract(json, '$.kind') AS kind
  FROM events WHERE type = 'agency';
CREATE INDEX temp.agency_kind_id ON agency_kind(id);

-- Sightings of a child by a health-visiting agency: attended appointments and
-- contacts with the child seen.
CREATE TEMP TABLE hv_seen AS
  SELECT json_extract(e.json, '$.child') AS child, substr(e.at, 1, 10) AS at,
         substr(e.recorded, 1, 10) AS rec,
         json_extract(e.json, '$.kind') AS kind
  FROM events e JOIN agency_kind k ON k.id = e.by AND k.kind = 'health_visiting'
  WHERE e.type = 'appointment' AND json_extract(e.json, '$.outcome') = 'attended'
  UNION ALL
  SELECT p.value, substr(e.at, 1, 10), substr(e.recorded, 1, 10), NULL
  FROM events e JOIN agency_kind k ON k.id = e.by AND k.kind = 'health_visiting',
       json_each(e.json, '$.persons') p
  WHERE e.type = 'contact' AND json_extract(e.json, '$.child_seen') = 1;
CREATE INDEX temp.hv_seen_child ON hv_seen(child, rec);

CREATE TEMP TABLE births AS
  SELECT json_extract(json, '$.child') AS child, substr(at, 1, 10) AS d
  FROM events WHERE type = 'birth';
CREATE INDEX temp.births_child ON births(child);

CREATE TEMP TABLE outcomes AS
  SELECT json_extract(json, '$.referral') AS referral, json_extract(json, '$.outcome') AS outcome,
         substr(recorded, 1, 10) AS rec
  FROM events WHERE type = 'referral_outcome';
CREATE INDEX temp.outcomes_referral ON outcomes(referral, rec);

-- hv-new-registration: a registration of a child under 5 with a GP practice;
-- a health-visiting agency sees the child within 7 WD.
SELECT 'hv-new-registration', count(*)
FROM (SELECT json_extract(e.json, '$.child') AS child, substr(e.at, 1, 10) AS d
      FROM events e
      JOIN agency_kind k ON k.id = json_extract(e.json, '$.agency') AND k.kind = 'gp_practice'
      WHERE e.type = 'registration') r
JOIN births b ON b.child = r.child AND r.d < date(b.d, '+5 years')
JOIN calendar c ON c.d = r.d
JOIN working_days due ON due.n = c.wd + 7
WHERE due.d < (SELECT d FROM feed_end)
  AND NOT EXISTS (SELECT 1 FROM hv_seen s
                  WHERE s.child = r.child AND s.at >= r.d AND s.rec <= due.d);

-- referral-decision-overdue: a referral to children's social care; a
-- referral_outcome within 1 WD.
SELECT 'referral-decision-overdue', count(*)
FROM (SELECT json_extract(e.json, '$.id') AS id, substr(e.at, 1, 10) AS d
      FROM events e
      JOIN agency_kind k ON k.id = json_extract(e.json, '$.to') AND k.kind = 'childrens_social_care'
      WHERE e.type = 'referral') r
JOIN calendar c ON c.d = r.d
JOIN working_days due ON due.n = c.wd + 1
WHERE due.d < (SELECT d FROM feed_end)
  AND NOT EXISTS (SELECT 1 FROM outcomes o WHERE o.referral = r.id AND o.rec <= due.d);

-- healthy-child-contact-overdue: a birth sets three health-visiting duties,
-- each done by an attended appointment of its kind or a health-visiting
-- contact with the child seen in its window: the new birth visit by day 14
-- (window from birth), the 6-8 week review by day 56 (from day 42), the
-- 1-year review by 12 months (from 9 months).
SELECT 'healthy-child-contact-overdue', count(*)
FROM (SELECT b.child, b.d AS born, 'new_birth_visit' AS kind,
             b.d AS window_from, date(b.d, '+14 days') AS due FROM births b
      UNION ALL
      SELECT b.child, b.d, 'review_6_8_week', date(b.d, '+42 days'), date(b.d, '+56 days')
      FROM births b
      UNION ALL
      SELECT b.child, b.d, 'review_1_year', date(b.d, '+9 months'), date(b.d, '+12 months')
      FROM births b) t
WHERE t.due < (SELECT d FROM feed_end)
  AND NOT EXISTS (SELECT 1 FROM hv_seen s
                  WHERE s.child = t.child AND s.rec <= t.due
                    AND (s.kind = t.kind
                         OR (s.kind IS NULL AND s.at >= t.window_from AND s.at <= t.due)));

-- assessment-overdue: a child_and_family, pre_birth or s47 assessment is
-- completed (an s47: concluded) within 45 WD of the referral that led to it
-- (the child's latest referral on or before the start, to the assessing
-- agency, not turned away), else of its start.
CREATE TEMP TABLE referrals AS
  SELECT e.seq, json_extract(e.json, '$.id') AS id, json_extract(e.json, '$.child') AS child,
         json_extract(e.json, '$.to') AS to_agency, substr(e.at, 1, 10) AS d,
         (SELECT o.outcome FROM outcomes o
          WHERE o.referral = json_extract(e.json, '$.id') ORDER BY o.rec LIMIT 1) AS outcome
  FROM events e WHERE e.type = 'referral';
CREATE INDEX temp.referrals_child ON referrals(child, d, seq);

SELECT 'assessment-overdue', count(*)
FROM (SELECT a.id, a.kind, coalesce(
               (SELECT r.d FROM referrals r
                WHERE r.child = a.child AND r.d <= a.d AND r.to_agency = a.agency
                  AND (r.outcome IS NULL OR r.outcome IN ('assessment', 'strategy_discussion'))
                  AND r.seq = (SELECT max(r2.seq) FROM referrals r2
                               WHERE r2.child = a.child AND r2.d <= a.d)),
               a.d) AS from_d
      FROM (SELECT json_extract(json, '$.id') AS id, json_extract(json, '$.kind') AS kind,
                   json_extract(json, '$.child') AS child,
                   json_extract(json, '$.agency') AS agency, substr(at, 1, 10) AS d
            FROM events WHERE type = 'assessment_started') a
      WHERE a.kind IN ('child_and_family', 'pre_birth', 's47')) s
JOIN calendar c ON c.d = s.from_d
JOIN working_days due ON due.n = c.wd + 45
LEFT JOIN (SELECT json_extract(json, '$.assessment') AS assessment, type,
                  min(substr(recorded, 1, 10)) AS rec
           FROM events WHERE type IN ('assessment_completed', 's47_concluded')
           GROUP BY 1, 2) done
  ON done.assessment = s.id
 AND done.type = CASE s.kind WHEN 's47' THEN 's47_concluded' ELSE 'assessment_completed' END
WHERE due.d < (SELECT d FROM feed_end)
  AND (done.rec IS NULL OR done.rec > due.d);
