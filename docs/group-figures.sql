-- Group figures: each site's `bayboard report` figures and the group's
-- totals for one range of local days, read from the sites' backups with the
-- stock sqlite3 tool (3.30 or later; no extensions). docs/group-reporting.md
-- says how to run it; in short, in ONE sqlite3 session:
--
--     .parameter set @from "'2026-11-01'"
--     .parameter set @to   "'2026-11-30'"
--     ATTACH 'file:backups/north.sqlite3?mode=ro&immutable=1' AS site;
--     .read docs/group-figures.sql
--     DETACH site;
--     ...the same three lines for every other site...
--     .headers on
--     .mode csv
--     SELECT * FROM group_figures;
--
-- Why once per site and not all sites ATTACHed together: sqlite3 is built
-- with at most ten ATTACHed files, and a group may have more sites. So each
-- read of this file copies the attached site's raw counts, milliseconds and
-- lead times into temp tables; the view group_figures adds them up at the
-- end, for each site and for the group, and only then derives percentages,
-- averages and percentiles (none of which can be added across sites).
--
-- The counting follows bayboard's own (src/store/figures.rs, src/figures/);
-- tests/it/group_report.rs checks both against each other. Times in the
-- files are UTC text like 2026-11-24T09:00:00.000Z, which sorts as time, so
-- windows are compared as text. The local days come from the TZ of the
-- sqlite3 process: run it with the zone the sites keep their days in.

------------------------------------------------------------------------
-- The range, fixed by the first site's read.
------------------------------------------------------------------------

CREATE TEMP TABLE IF NOT EXISTS span (
    one       INTEGER PRIMARY KEY CHECK (one = 1),
    -- No declared type: a day typed without its quotes arrives as a
    -- number (2026-11-01 is 2014) and must stay one to be caught.
    first_day,
    last_day,
    start,                  -- UTC, local midnight starting first_day
    "end",                  -- UTC, local midnight after last_day (excluded)
    now,                    -- open clock entries, parts waits and complaint
                            -- deadlines are measured to this moment
    -- ('+0 days' makes date() roll 2026-02-30 over, so it no longer
    -- matches; without a modifier date() passes it through.)
    CONSTRAINT "@from and @to must be days as text: .parameter set @from ""'2026-11-01'"""
        CHECK (typeof(first_day) = 'text' AND date(first_day, '+0 days') IS first_day
           AND typeof(last_day) = 'text' AND date(last_day, '+0 days') IS last_day),
    CONSTRAINT "@to is before @from; the first day comes first"
        CHECK (first_day <= last_day),
    CONSTRAINT "@now must be a UTC time like 2026-11-24T09:00:00.000Z"
        CHECK (strftime('%Y-%m-%dT%H:%M:%fZ', now) IS now)
);

-- Local midnight to UTC: sqlite's 'utc' modifier reads the input as local
-- time in the TZ of this process (a midnight that DST skips becomes the
-- first moment that exists, as in bayboard).
INSERT INTO span (one, first_day, last_day, start, "end", now)
SELECT 1, @from, @to,
       strftime('%Y-%m-%dT%H:%M:%fZ', @from, 'utc'),
       strftime('%Y-%m-%dT%H:%M:%fZ', @to, '+1 day', 'utc'),
       coalesce(@now, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
 WHERE NOT EXISTS (SELECT 1 FROM span);

------------------------------------------------------------------------
-- The site now ATTACHed as `site`, named after its file.
------------------------------------------------------------------------

CREATE TEMP TABLE IF NOT EXISTS sites (
    n        INTEGER PRIMARY KEY,   -- the order the sites were read in
    site     TEXT UNIQUE,
    file     TEXT,
    taken,                          -- 1 when the name is used already
    same_range,                     -- 1 when @from/@to are still the first site's
    missing,                        -- columns this file reads that the site lacks
    CONSTRAINT "two backups have the same file name (or one is called (group)); name each after its site"
        CHECK (NOT taken),
    CONSTRAINT "@from or @to changed between sites; run all sites in one range"
        CHECK (same_range),
    CONSTRAINT "not a bayboard file, or one older than schema 7 (open it once with bayboard to upgrade it)"
        CHECK (missing = 0)
);

INSERT INTO sites (site, file, taken, same_range, missing)
WITH
    path(p) AS (SELECT (SELECT file FROM pragma_database_list WHERE name = 'site')),
    -- basename: rtrim() strips the trailing run of non-'/' characters,
    -- leaving the directory part.
    base(b) AS (SELECT substr(p, length(rtrim(p, replace(p, '/', ''))) + 1) FROM path),
    -- ...and the same trick drops the last extension (north.sqlite3 -> north).
    name(s) AS (SELECT CASE WHEN instr(b, '.') > 1
                            THEN substr(b, 1, length(rtrim(b, replace(b, '.', ''))) - 1)
                            ELSE b END FROM base),
    -- Every column read below; a missing one would otherwise fail with a
    -- bare "no such column" halfway through.
    needed(t, c) AS (VALUES
        ('jobs', 'id'), ('jobs', 'status'), ('jobs', 'created_at'),
        ('jobs', 'closed_at'), ('jobs', 'promised_at'), ('jobs', 'rework_count'),
        ('jobs', 'comeback_of'), ('jobs', 'technician_id'),
        ('events', 'id'), ('events', 'job_id'), ('events', 'at'), ('events', 'to_status'),
        ('time_entries', 'staff_id'), ('time_entries', 'started_at'),
        ('time_entries', 'ended_at'),
        ('lines', 'kind'), ('lines', 'status'), ('lines', 'hours'),
        ('lines', 'created_at'), ('lines', 'decided_at'), ('lines', 'done_at'),
        ('lines', 'done_by'),
        ('followups', 'state'), ('followups', 'score'), ('followups', 'done_at'),
        ('parts_issues', 'kind'), ('parts_issues', 'blocking'),
        ('parts_issues', 'created_at'), ('parts_issues', 'closed_at'),
        ('complaints', 'severity'), ('complaints', 'created_at'),
        ('complaints', 'resolve_by'), ('complaints', 'resolved_at'),
        ('staff', 'id'), ('staff', 'name'),
        ('job_states', 'code'), ('job_states', 'position'), ('job_states', 'open'))
SELECT name.s, path.p,
       name.s = '(group)' OR EXISTS (SELECT 1 FROM sites WHERE sites.site = name.s),
       (SELECT first_day IS @from AND last_day IS @to FROM span),
       (SELECT count(*) FROM needed
         WHERE NOT EXISTS (SELECT 1 FROM pragma_table_info(needed.t, 'site') AS i
                            WHERE i.name = needed.c))
  FROM path, name;

------------------------------------------------------------------------
-- The open states, in bayboard's order: the rows of the site's lifecycle
-- table (job_states), kept for the view at the end.
------------------------------------------------------------------------

CREATE TEMP TABLE IF NOT EXISTS open_states (so INTEGER, state TEXT PRIMARY KEY);
INSERT OR IGNORE INTO open_states
SELECT position, code FROM site.job_states WHERE open = 1;

CREATE TEMP VIEW IF NOT EXISTS here AS
SELECT s.site, p.start, p."end", p.now
  FROM sites AS s, span AS p
 WHERE s.n = (SELECT max(n) FROM sites);

------------------------------------------------------------------------
-- Copy the site's raw figures.
--
-- fact holds what adds up across sites: counts, milliseconds, sold hours.
-- sample holds single durations, for percentiles over all sites together.
-- Durations are whole milliseconds, as bayboard counts them: julianday()
-- differences are exact to well under a millisecond, so round() restores
-- the integer.
------------------------------------------------------------------------

CREATE TEMP TABLE IF NOT EXISTS fact (
    site    TEXT NOT NULL,
    figure  TEXT NOT NULL,
    subject TEXT NOT NULL,
    value   NOT NULL            -- no type: counts stay whole numbers
);

CREATE TEMP TABLE IF NOT EXISTS sample (
    site   TEXT NOT NULL,
    figure TEXT NOT NULL,       -- 'lead' (check-in to delivery), 'decision'
    ms     INTEGER NOT NULL
);

-- Jobs delivered in the window (cancelled jobs are closed too, but are not
-- deliveries). The shares count how many of them; a job is on time when it
-- had a promise and was closed by it.
INSERT INTO fact (site, figure, subject, value)
WITH d AS (
    SELECT h.site, j.*
      FROM here AS h JOIN site.jobs AS j
     WHERE j.status = 'delivered' AND j.closed_at >= h.start AND j.closed_at < h."end"),
-- Each delivered job's first inspection of each level (self-check, peer
-- check, final), for the first pass by level.
firsts AS (
    SELECT q.level, q.result
      FROM d JOIN site.qc_inspections AS q ON q.job_id = d.id
     WHERE q.id = (SELECT min(o.id) FROM site.qc_inspections AS o
                    WHERE o.job_id = d.id AND o.level = q.level)),
levels(level) AS (VALUES ('self'), ('peer'), ('final'))
SELECT (SELECT site FROM here), 'delivered', '', count(*) FROM d
UNION ALL
SELECT (SELECT site FROM here), 'first_pass_' || l.level, 'count',
       (SELECT count(*) FROM firsts AS f WHERE f.level = l.level AND f.result = 'pass')
  FROM levels AS l
UNION ALL
SELECT (SELECT site FROM here), 'first_pass_' || l.level, 'of',
       (SELECT count(*) FROM firsts AS f WHERE f.level = l.level)
  FROM levels AS l
UNION ALL
SELECT (SELECT site FROM here), 'on_time', 'count',
       count(*) FILTER (WHERE promised_at IS NOT NULL AND closed_at <= promised_at) FROM d
UNION ALL
SELECT (SELECT site FROM here), 'on_time', 'of', count(promised_at) FROM d
UNION ALL
SELECT (SELECT site FROM here), 'qc_first_pass', 'count',
       count(*) FILTER (WHERE rework_count = 0) FROM d
UNION ALL
SELECT (SELECT site FROM here), 'comebacks', 'count',
       count(*) FILTER (WHERE comeback_of IS NOT NULL) FROM d
UNION ALL
-- The shop's local day of each delivery.
SELECT site, 'delivered_per_day', date(closed_at, 'localtime'), count(*)
  FROM d GROUP BY 3
UNION ALL
-- A comeback counts against whoever worked the earlier job.
SELECT d.site, 'technician_comebacks', coalesce(st.name, '#' || o.technician_id), count(*)
  FROM d JOIN site.jobs AS o ON o.id = d.comeback_of
  LEFT JOIN site.staff AS st ON st.id = o.technician_id
 WHERE o.technician_id IS NOT NULL
 GROUP BY o.technician_id;

-- Check-in to delivery of each, for the percentiles (a delivery recorded
-- before its check-in counts as no time, as in bayboard).
INSERT INTO sample (site, figure, ms)
SELECT h.site, 'lead',
       max(0, CAST(round((julianday(j.closed_at) - julianday(j.created_at)) * 86400000) AS INTEGER))
  FROM here AS h JOIN site.jobs AS j
 WHERE j.status = 'delivered' AND j.closed_at >= h.start AND j.closed_at < h."end";

-- Time the delivered jobs spent in each open state: each change of state
-- ends the stretch the job's previous change began (the event log, in id
-- order). Averaged per delivered job in the view.
INSERT INTO fact (site, figure, subject, value)
SELECT site, 'state_ms', was, sum(max(0, ms))
  FROM (SELECT h.site,
               lag(e.to_status) OVER job AS was,
               CAST(round((julianday(e.at) - julianday(lag(e.at) OVER job)) * 86400000)
                    AS INTEGER) AS ms
          FROM here AS h JOIN site.jobs AS j JOIN site.events AS e ON e.job_id = j.id
         WHERE j.status = 'delivered' AND j.closed_at >= h.start AND j.closed_at < h."end"
           AND e.to_status IS NOT NULL
        WINDOW job AS (PARTITION BY e.job_id ORDER BY e.id))
 WHERE was IN (SELECT code FROM site.job_states WHERE open = 1)
 GROUP BY was;

-- Time on the clock, cut to the window and to now (an entry still open
-- runs to now). Entries wholly outside cut to nothing and drop out.
INSERT INTO fact (site, figure, subject, value)
SELECT site, 'technician_clocked_ms', who,
       sum(CAST(round((julianday(b) - julianday(a)) * 86400000) AS INTEGER))
  FROM (SELECT h.site, t.staff_id, coalesce(st.name, '#' || t.staff_id) AS who,
               max(t.started_at, h.start) AS a,
               min(coalesce(t.ended_at, h.now), h."end", h.now) AS b
          FROM here AS h JOIN site.time_entries AS t
          LEFT JOIN site.staff AS st ON st.id = t.staff_id
         WHERE t.started_at < h."end")
 WHERE b > a
 GROUP BY staff_id;

-- Sold hours: lines marked done in the window, to whoever marked them.
INSERT INTO fact (site, figure, subject, value)
SELECT h.site, 'technician_sold_hours', coalesce(st.name, '#' || l.done_by), total(l.hours)
  FROM here AS h JOIN site.lines AS l
  LEFT JOIN site.staff AS st ON st.id = l.done_by
 WHERE l.done_at >= h.start AND l.done_at < h."end" AND l.done_by IS NOT NULL
 GROUP BY l.done_by;

-- Follow-up calls finished in the window; satisfaction is out of the scored
-- ones (a score of 4 or 5 is satisfied).
INSERT INTO fact (site, figure, subject, value)
WITH f AS (
    SELECT fu.* FROM here AS h JOIN site.followups AS fu
     WHERE fu.done_at >= h.start AND fu.done_at < h."end")
SELECT (SELECT site FROM here), 'followups_reached', 'count',
       count(*) FILTER (WHERE state = 'reached') FROM f
UNION ALL
SELECT (SELECT site FROM here), 'followups_reached', 'of', count(*) FROM f
UNION ALL
SELECT (SELECT site FROM here), 'satisfaction', 'count',
       count(*) FILTER (WHERE score >= 4) FROM f
UNION ALL
SELECT (SELECT site FROM here), 'satisfaction', 'of', count(score) FROM f;

-- Added work put to customers in the window, by its state now ('done'
-- was approved first).
INSERT INTO fact (site, figure, subject, value)
WITH a AS (
    SELECT l.* FROM here AS h JOIN site.lines AS l
     WHERE l.kind = 'added' AND l.created_at >= h.start AND l.created_at < h."end")
SELECT (SELECT site FROM here), 'approvals', 'asked', count(*) FROM a
UNION ALL
SELECT (SELECT site FROM here), 'approvals', 'approved',
       count(*) FILTER (WHERE status IN ('approved', 'done')) FROM a
UNION ALL
SELECT (SELECT site FROM here), 'approvals', 'declined',
       count(*) FILTER (WHERE status = 'declined') FROM a;

INSERT INTO sample (site, figure, ms)
SELECT h.site, 'decision',
       max(0, CAST(round((julianday(l.decided_at) - julianday(l.created_at)) * 86400000) AS INTEGER))
  FROM here AS h JOIN site.lines AS l
 WHERE l.kind = 'added' AND l.created_at >= h.start AND l.created_at < h."end"
   AND l.decided_at IS NOT NULL;

-- Blocking parts issues logged in the window: how long each held its job,
-- to its closing or (still open) to now. The whole wait counts, also past
-- the window's end, as in bayboard.
INSERT INTO fact (site, figure, subject, value)
SELECT h.site, 'parts_waiting_ms', p.kind,
       sum(CAST(round((julianday(max(coalesce(p.closed_at, h.now), p.created_at))
                       - julianday(p.created_at)) * 86400000) AS INTEGER))
  FROM here AS h JOIN site.parts_issues AS p
 WHERE p.blocking = 1 AND p.created_at >= h.start AND p.created_at < h."end"
 GROUP BY p.kind;

-- Complaints recorded in the window, by severity and how they stand now:
-- resolved by the deadline, overdue (resolved late, or unresolved past
-- it), or open (unresolved, deadline ahead).
INSERT INTO fact (site, figure, subject, value)
WITH c AS (
    SELECT h.site, k.severity,
           CASE WHEN k.resolved_at IS NOT NULL AND k.resolved_at <= k.resolve_by THEN 'on_time'
                WHEN k.resolved_at IS NOT NULL OR h.now > k.resolve_by THEN 'overdue'
                ELSE 'open' END AS outcome
      FROM here AS h JOIN site.complaints AS k
     WHERE k.created_at >= h.start AND k.created_at < h."end")
SELECT site, 'complaints_opened', CAST(severity AS TEXT), count(*) FROM c GROUP BY severity
UNION ALL
SELECT site, 'complaints_' || outcome, CAST(severity AS TEXT), count(*)
  FROM c GROUP BY severity, outcome;

-- Open jobs by state as the backup was taken (not a figure of the range).
INSERT INTO fact (site, figure, subject, value)
SELECT (SELECT site FROM here), 'wip_by_state', status, count(*)
  FROM site.jobs
 WHERE closed_at IS NULL
 GROUP BY status;

------------------------------------------------------------------------
-- The result: one row per figure, each site in the order read, then
-- '(group)'. Counts and milliseconds are summed first; percentages,
-- averages, efficiency and percentiles are derived from the sums (or, for
-- percentiles, from all sites' durations together), never averaged.
-- Rounding to 0.1 is round(x * 10) / 10, as bayboard rounds: round(x, 1)
-- rounds through text and may differ at a trailing 5. Divisions follow
-- bayboard's order too (clock and state time ms / 1000 / 3600, single
-- durations ms / 3600000), so even the last bit agrees.
------------------------------------------------------------------------

CREATE TEMP VIEW IF NOT EXISTS group_figures AS
WITH
    levels(ord, site) AS (
        SELECT n, site FROM sites
        UNION ALL
        SELECT (SELECT max(n) FROM sites) + 1, '(group)'),
    -- Each fact once for its site and once for the group.
    v(site, figure, subject, value) AS (
        SELECT site, figure, subject, sum(value)
          FROM (SELECT site, figure, subject, value FROM fact
                UNION ALL
                SELECT '(group)', figure, subject, value FROM fact)
         GROUP BY 1, 2, 3),
    w(ord, site, delivered, clocked_ms, sold_hours, tech_comebacks, sites) AS (
        SELECT l.ord, l.site,
               coalesce(sum(v.value) FILTER (WHERE v.figure = 'delivered'), 0),
               coalesce(sum(v.value) FILTER (WHERE v.figure = 'technician_clocked_ms'), 0),
               coalesce(sum(v.value) FILTER (WHERE v.figure = 'technician_sold_hours'), 0),
               coalesce(sum(v.value) FILTER (WHERE v.figure = 'technician_comebacks'), 0),
               CASE WHEN l.site = '(group)' THEN (SELECT count(*) FROM sites) ELSE 1 END
          FROM levels AS l LEFT JOIN v ON v.site = l.site
         GROUP BY l.ord, l.site),
    -- Nearest rank, as bayboard: the value at rank ceil(p * n) of the
    -- sorted durations; ceil(n / 2) = (n + 1) / 2 and
    -- ceil(9n / 10) = (9n + 9) / 10 in whole numbers.
    ranked AS (
        SELECT site, figure, ms,
               row_number() OVER (PARTITION BY site, figure ORDER BY ms) AS r,
               count(*) OVER (PARTITION BY site, figure) AS n
          FROM (SELECT site, figure, ms FROM sample
                UNION ALL
                SELECT '(group)', figure, ms FROM sample)),
    pct(site, figure, p50, p90) AS (
        SELECT site, figure,
               round(max(ms) FILTER (WHERE r = (n + 1) / 2) / 3600000.0 * 10) / 10,
               round(max(ms) FILTER (WHERE r = (9 * n + 9) / 10) / 3600000.0 * 10) / 10
          FROM ranked GROUP BY site, figure),
    days(day) AS (
        SELECT first_day FROM span
        UNION ALL
        SELECT date(day, '+1 day') FROM days, span WHERE day < last_day),
    -- Open states, in bayboard's order (its lifecycle table).
    states(so, state) AS (SELECT so, state FROM open_states),
    kinds(so, kind) AS (VALUES
        (1, 'out_of_stock'), (2, 'wrong_part'), (3, 'damaged'), (4, 'backorder'),
        (5, 'price_approval'), (6, 'other')),
    -- The five shares; two are out of the deliveries.
    shares(fo, figure, of_delivered) AS (VALUES
        (60, 'on_time', 0), (61, 'qc_first_pass', 1), (62, 'comebacks', 1),
        (63, 'followups_reached', 0), (64, 'satisfaction', 0),
        (65, 'first_pass_self', 0), (66, 'first_pass_peer', 0), (67, 'first_pass_final', 0)),
    share(ord, site, fo, figure, count, "of") AS (
        SELECT w.ord, w.site, s.fo, s.figure, coalesce(c.value, 0),
               CASE WHEN s.of_delivered THEN w.delivered ELSE coalesce(o.value, 0) END
          FROM w, shares AS s
          LEFT JOIN v AS c ON c.site = w.site AND c.figure = s.figure AND c.subject = 'count'
          LEFT JOIN v AS o ON o.site = w.site AND o.figure = s.figure AND o.subject = 'of'),
    -- Technicians are people of one site: by name for sites only.
    techs(site, name) AS (
        SELECT DISTINCT site, subject FROM fact
         WHERE figure IN ('technician_clocked_ms', 'technician_sold_hours',
                          'technician_comebacks')),
    severities(sev) AS (VALUES ('1'), ('2'), ('3')),
    complaint_parts(so, part) AS (VALUES
        (1, 'opened'), (2, 'on_time'), (3, 'overdue'), (4, 'open')),
    out(ord, fo, so, subject2, site, figure, subject, value) AS (
        SELECT ord, 10, 0, '', site, 'delivered', '', delivered FROM w
        UNION ALL
        SELECT w.ord, 20, 0, d.day, w.site, 'delivered_per_day', d.day, coalesce(v.value, 0)
          FROM w, days AS d
          LEFT JOIN v ON v.site = w.site AND v.figure = 'delivered_per_day' AND v.subject = d.day
        UNION ALL
        SELECT w.ord, 30, p.so, '', w.site, 'checkin_to_delivery_hours', p.subject, p.value
          FROM w, (SELECT 1 AS so, 'p50' AS subject, site, p50 AS value FROM pct WHERE figure = 'lead'
                   UNION ALL
                   SELECT 2, 'p90', site, p90 FROM pct WHERE figure = 'lead') AS p
         WHERE p.site = w.site
        UNION ALL
        -- (no deliveries: the percentiles are empty)
        SELECT w.ord, 30, p.so, '', w.site, 'checkin_to_delivery_hours', p.subject, NULL
          FROM w, (SELECT 1 AS so, 'p50' AS subject UNION ALL SELECT 2, 'p90') AS p
         WHERE NOT EXISTS (SELECT 1 FROM pct WHERE pct.site = w.site AND pct.figure = 'lead')
        UNION ALL
        SELECT w.ord, 40, s.so, '', w.site, 'wip_by_state', s.state, coalesce(v.value, 0)
          FROM w, states AS s
          LEFT JOIN v ON v.site = w.site AND v.figure = 'wip_by_state' AND v.subject = s.state
        UNION ALL
        -- Average hours per delivered job in each state.
        SELECT w.ord, 50, s.so, '', w.site, 'hours_in_state', s.state,
               CASE WHEN w.delivered > 0
                    THEN round(coalesce(v.value, 0) / 1000.0 / 3600.0 / w.delivered * 10) / 10
                    ELSE 0.0 END
          FROM w, states AS s
          LEFT JOIN v ON v.site = w.site AND v.figure = 'state_ms' AND v.subject = s.state
        UNION ALL
        SELECT ord, fo, 1, '', site, figure, 'count', count FROM share
        UNION ALL
        SELECT ord, fo, 2, '', site, figure, 'of', "of" FROM share
        UNION ALL
        SELECT ord, fo, 3, '', site, figure, 'pct',
               CASE WHEN "of" > 0 THEN round(count * 100.0 / "of" * 10) / 10 END FROM share
        UNION ALL
        -- Per technician (sites only), in name order.
        SELECT w.ord, 70, 1, t.name, w.site, 'technician_clocked_hours', t.name,
               round(coalesce(c.value, 0) / 1000.0 / 3600.0 * 10) / 10
          FROM w JOIN techs AS t ON t.site = w.site
          LEFT JOIN v AS c ON c.site = w.site AND c.figure = 'technician_clocked_ms' AND c.subject = t.name
        UNION ALL
        SELECT w.ord, 70, 2, t.name, w.site, 'technician_sold_hours', t.name,
               round(coalesce(s.value, 0) * 10) / 10
          FROM w JOIN techs AS t ON t.site = w.site
          LEFT JOIN v AS s ON s.site = w.site AND s.figure = 'technician_sold_hours' AND s.subject = t.name
        UNION ALL
        SELECT w.ord, 70, 3, t.name, w.site, 'technician_efficiency_pct', t.name,
               CASE WHEN c.value > 0
                    THEN round(coalesce(s.value, 0) * 100.0 / (c.value / 1000.0 / 3600.0) * 10) / 10 END
          FROM w JOIN techs AS t ON t.site = w.site
          LEFT JOIN v AS c ON c.site = w.site AND c.figure = 'technician_clocked_ms' AND c.subject = t.name
          LEFT JOIN v AS s ON s.site = w.site AND s.figure = 'technician_sold_hours' AND s.subject = t.name
        UNION ALL
        SELECT w.ord, 70, 4, t.name, w.site, 'technician_comebacks', t.name, coalesce(k.value, 0)
          FROM w JOIN techs AS t ON t.site = w.site
          LEFT JOIN v AS k ON k.site = w.site AND k.figure = 'technician_comebacks' AND k.subject = t.name
        UNION ALL
        -- All technicians together: of a site, and of the group.
        SELECT ord, 75, 1, '', site, 'technicians_clocked_hours', '',
               round(clocked_ms / 1000.0 / 3600.0 * 10) / 10 FROM w
        UNION ALL
        SELECT ord, 75, 2, '', site, 'technicians_sold_hours', '',
               round(sold_hours * 10) / 10 FROM w
        UNION ALL
        SELECT ord, 75, 3, '', site, 'technicians_efficiency_pct', '',
               CASE WHEN clocked_ms > 0
                    THEN round(sold_hours * 100.0 / (clocked_ms / 1000.0 / 3600.0) * 10) / 10 END FROM w
        UNION ALL
        SELECT ord, 75, 4, '', site, 'technicians_comebacks', '', tech_comebacks FROM w
        UNION ALL
        SELECT w.ord, 80, a.so, '', w.site, 'approvals', a.subject, coalesce(v.value, 0)
          FROM w, (SELECT 1 AS so, 'asked' AS subject UNION ALL SELECT 2, 'approved'
                   UNION ALL SELECT 3, 'declined') AS a
          LEFT JOIN v ON v.site = w.site AND v.figure = 'approvals' AND v.subject = a.subject
        UNION ALL
        SELECT w.ord, 80, 4, '', w.site, 'approvals', 'undecided',
               coalesce(sum(v.value) FILTER (WHERE v.subject = 'asked'), 0)
             - coalesce(sum(v.value) FILTER (WHERE v.subject <> 'asked'), 0)
          FROM w LEFT JOIN v ON v.site = w.site AND v.figure = 'approvals'
         GROUP BY w.ord, w.site
        UNION ALL
        SELECT w.ord, 85, 0, '', w.site, 'approvals_median_decision_hours', '', p.p50
          FROM w LEFT JOIN pct AS p ON p.site = w.site AND p.figure = 'decision'
        UNION ALL
        SELECT w.ord, 90, k.so, '', w.site, 'parts_waiting_hours', k.kind,
               round(coalesce(v.value, 0) / 3600000.0 * 10) / 10
          FROM w, kinds AS k
          LEFT JOIN v ON v.site = w.site AND v.figure = 'parts_waiting_ms' AND v.subject = k.kind
        UNION ALL
        SELECT w.ord, 100 + s.sev, c.so, '', w.site, 'complaints_' || c.part, s.sev,
               coalesce(v.value, 0)
          FROM w, severities AS s, complaint_parts AS c
          LEFT JOIN v ON v.site = w.site AND v.figure = 'complaints_' || c.part
                     AND v.subject = s.sev
        UNION ALL
        SELECT ord, 200, 0, '', site, 'sites', '', sites FROM w WHERE site = '(group)')
SELECT o.site, p.first_day AS "from", p.last_day AS "to", o.figure, o.subject, o.value
  FROM out AS o, span AS p
 ORDER BY o.ord, o.fo, o.so, o.subject2;
