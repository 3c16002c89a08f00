## The figures: the dashboard and `bayboard report`

# The range the dashboard shows (t/w/m, and [ ] for an earlier one).
figures-period-today = today
figures-period-week = this week
figures-period-30-days = last 30 days
figures-period-earlier = earlier
figures-range-title = { $period } · { $from } to { $to } ({ $n } { $n ->
        [one] day
       *[other] days
    })
figures-reading = {" · "}reading…
figures-just-read = just read
figures-read-ago = read { $min } min ago
figures-more-below = ↓ { $n } more below: ↑↓ scroll

# A figure against the previous range's. $unit: none (a narrow tile),
# one or other (points).
figures-up = ↑ up { $d }{ $unit ->
        [none] {""}
        [one] {" point"}
       *[other] {" points"}
    }
figures-down = ↓ down { $d }{ $unit ->
        [none] {""}
        [one] {" point"}
       *[other] {" points"}
    }
figures-same = {"="} same
figures-none-to-count = none to count
figures-none-to-count-was = none to count (was { $was } %)
figures-nothing-before = nothing before
figures-none-before = none before to compare
figures-share = { $pct } ({ $count } of { $of })
figures-share-none = — (none to count)
figures-count-of = { $count } of { $of }

# Complaint severities: long in the report, short on the dashboard.
figures-severity-1 = severity 1 (safety, repeated, legal)
figures-severity-2 = severity 2 (repair or service)
figures-severity-3 = severity 3 (other)
figures-severity = severity { $level }

# The headline figures.
figures-on-time = On time
figures-qc-first-pass = QC first pass
figures-level-first-pass = { $level ->
        [self] Self-check first pass
        [peer] Peer check first pass
       *[final] Final (QC) first pass
    }
figures-levels-head = First pass self/peer/QC
figures-comebacks = Comebacks
figures-followups-reached = Follow-ups reached
figures-reached = Reached
figures-satisfied = Satisfied
figures-target-below = { $value } below { $target }
figures-target-met = { $value } met { $target }

# `bayboard report`, as text.
figures-report-title = Figures for { $from } to { $to } ({ $n } { $n ->
        [one] day
       *[other] days
    }); previous: { $pfrom } to { $pto }
figures-delivered = Delivered
figures-previous = previous { $n }
figures-checkin-to-delivery = Check-in to delivery
figures-lead-times = p50 { $p50 } · p90 { $p90 }
figures-lead-times-none = p50 — · p90 —
figures-target = {"  "}satisfaction target { $target } %: { $met ->
        [met] met
        [missed] missed
       *[none] no scores
    }
figures-wip-now = Work in progress now
figures-no-delivery = no job was delivered in this range
figures-state-hours = Average time in each state per delivered job
figures-technicians = Technicians
figures-clocked = clocked
figures-sold = sold
figures-efficiency = efficiency
figures-comebacks-column = comebacks
figures-nobody-clocked = {"  "}nobody clocked or sold time
figures-bay-hours = Bay utilisation, % of each hour of the day on the clock
figures-bay = bay
figures-approvals = Approvals
figures-approvals-counts = asked { $asked } · approved { $approved } · declined { $declined } · undecided { $undecided } · median decision { $median }
figures-parts-by-kind = Parts waiting, hours by kind
figures-complaints-recorded = Complaints recorded
figures-complaints-counts = { $opened } opened · { $ontime } resolved in time · { $overdue } past the resolve-by date · { $open } open

# `bayboard report`: what it says on stderr.
figures-reading-history = reading history [{ $bar }] { $pct } % ({ $done } of { $total } days)
figures-read-days = read { $n } days in { $secs } s
figures-clock-sums-built = counted the clocked hours again by day in the shop's time zone ({ $secs } s, once); later reports read the sums
figures-from-after-to = --from { $from } is after --to { $to }; the first day comes first
figures-after-today = note: the range runs to { $to }, after today ({ $today }); the days to come count nothing yet

# The dashboard's sections.
figures-per-day = Delivered per day
figures-in-all = {" "}({ $n } in all)
figures-in-all-most = {" "}({ $n } in all, most { $most } on { $day })
figures-checkin-arrow-delivery = Check-in → delivery
figures-half-within = half within  { $hours }
figures-nine-in-ten-within = 9 in 10 within { $hours }
figures-half-within-none = half within  —
figures-nine-in-ten-within-none = 9 in 10 within —
figures-delivered-before = delivered before: { $n }
figures-from-to = {"  "}{ $from } to { $to }
figures-hours-in-state = Hours in each state per delivered job
figures-technician = Technician
figures-effic = effic.
figures-nobody-clocked-range = nobody clocked or sold time in this range
figures-more-technicians = +{ $n } more (bayboard report lists all)
figures-bay-by-hour = Bay utilisation by hour
figures-bay-by-hour-what = {" "}(share of the hour someone was on the clock)
figures-heat-none = none
figures-heat-under-25 = under 25 %
figures-heat-25-50 = 25–50 %
figures-heat-50-75 = 50–75 %
figures-heat-75-over = 75 % and over
figures-added-work = Added work put to customers
figures-asked-approved = asked { $asked } · approved { $approved }
figures-declined-undecided = declined { $declined } · undecided { $undecided }
figures-median-decision = median decision { $hours }
figures-parts-waiting = Parts waiting, hours
figures-no-parts-wait = no job waited for parts
figures-complaints-resolve-by = Complaints, against resolve-by
figures-complaints-row = { $name }: { $opened } · { $ontime } on time ·{" "}
figures-complaints-overdue = { $n } past resolve-by
figures-complaints-open = {" · "}{ $n } open

# Pressing ] on the latest range (said by `tui/update/actions/dashboard.rs`).
figures-latest-range = this is the latest range: it ends today
