# The board's own words: titles, column names, the login screen. A plain
# word's id is `ui-` and its English (`words::ui`).
ui-board = Board
ui-my-work = My work
ui-parts = Parts
ui-qc = QC
ui-approvals = Approvals
ui-today = Today
ui-follow-up = Follow-up
ui-complaints = Complaints
ui-dashboard = Dashboard
ui-bay = Bay
ui-plate = Plate
ui-vehicle = Vehicle
ui-job = Job
ui-technician = Technician
ui-status = Status
ui-in-state = In state
ui-due = Due
ui-clocked-est = Clocked/est
ui-sold = Sold
ui-work = Work
ui-free = free
ui-closed = closed
ui-queue = QUEUE
ui-technicians = TECHNICIANS
ui-clocked-sold-eff = { " · clocked · sold · eff." }
ui-no-staff-yet-add-some-with-bayboard-staff-add = No staff yet — add some with `bayboard staff add`
ui-who-is-at-this-terminal-type-to-find = Who is at this terminal? (type to find)
ui-bays-title = BAYS { $n } · { $free } free
ui-parts-title = PARTS { $n } open
ui-login-find = Who is at this terminal? find: { $find }{ $found ->
        [none] {" — nobody"}
       *[some] {""}
    }
ui-late = late
ui-waits = Waits
ui-mark-waits = waits
ui-live = live
ui-polling = polling
ui-deliver = deliver
ui-n-jobs = { $n ->
        [one] { $n } job
       *[other] { $n } jobs
    }
ui-severity-plate = (severity { $severity }, { $plate })
ui-complaints-overdue = ! { $n ->
        [one] { $n } complaint
       *[other] { $n } complaints
    } overdue: { $list }
ui-keys-any-key-closes = Keys · any key closes
ui-in-state-how-long-a-job-has-been-in-its-status-clocked-est-hours-on-the-clock = In state: how long a job has been in its status. Clocked/est: hours on the clock
ui-against-the-estimate-sold-flat-rate-hours-of-its-work = against the estimate. Sold: flat-rate hours of its work.
ui-only-the-keys-your-roles-allow-are-offered-the-footer-shows-them = Only the keys your roles allow are offered; the footer shows them.
ui-changes-from-other-terminals-appear-by-themselves = Changes from other terminals appear by themselves.
ui-quit = Quit?
ui-the-form-has-unsaved-input-quit-anyway-y-n = The form has unsaved input. Quit anyway? y / n
ui-close-the-form = Close the form?
ui-it-holds-input-that-would-be-lost-close-anyway-y-n = It holds input that would be lost. Close anyway? y / n
ui-self-check-done-send-it-to-qc-only-qc-sends-it-back-y-n = Self-check done: send it to QC? Only QC sends it back. y / n
ui-free-the-bay-the-car-goes-to-the-lot-the-job-keeps-its-place-y-n = Free the bay (the car goes to the lot)? The job keeps its place. y / n
ui-record-the-booking-as-a-no-show-the-car-can-then-only-be-checked-in-anew-y-n = Record the booking as a no-show? The car can then only be checked in anew. y / n
ui-mark-this-parts-issue-resolved-it-cannot-be-reopened-y-n = Mark this parts issue resolved? It cannot be reopened. y / n
ui-cancel-this-parts-issue-it-cannot-be-reopened-y-n = Cancel this parts issue? It cannot be reopened. y / n
ui-confirm-deliver = Deliver { $job }
ui-confirm-finish = Finish { $job }
ui-confirm-release = Release the bay of { $job }
ui-confirm-resolve = Resolve { $issue }
ui-confirm-cancel-issue = Cancel { $issue }
ui-confirm-complaint = Mark { $complaint } { $to }
ui-confirm-no-show = { $appt } did not come
ui-no-job-for-you-right-now = No job for you right now.
ui-the-foreman-dispatches-the-next-one-it-appears-here-at-once = The foreman dispatches the next one; it appears here at once.
ui-current-job = CURRENT JOB
ui-priority = Priority
ui-no-bay = — (no bay)
ui-customer-waiting-on-site = CUSTOMER WAITING on site
ui-return-old-parts-keep-them-for-the-customer = RETURN OLD PARTS: keep them for the customer
ui-clocked = Clocked
ui-clocked-estimate = clocked/estimate
ui-rework-found = Rework ×{ $n } — QC by { $inspector } found:
ui-parts-here-s-to-resume = Parts here — s to resume
ui-work-order-line-space-done-w-found-work-tab-your-jobs = Work order  (↑↓ line · space done · w found work · Tab your jobs)
ui-work-order-tab-to-move-over-the-lines = Work order  (Tab to move over the lines)
ui-for-duration = for { $d }
ui-rework = Rework
ui-qc-title = { $peer ->
        [0] {""}
       *[other] peer check { $peer } ·{" "}
    }QC { $qc } · ready for delivery { $ready }
ui-issue = Issue
ui-part = Part
ui-blocks = Blocks
ui-eta = ETA
ui-kind = Kind
ui-age = Age
ui-logged-by = Logged by
ui-no = no
ui-terminal-too-small = terminal too small
ui-enlarge-the-window-or-press-q-to-quit = enlarge the window, or press q to quit
ui-database-file-replaced-reopen = database file replaced — reopen
ui-not-logged-in = not logged in
ui-arrival-walk-around = Arrival of { $appt }: the walk-around
ui-check-a-vehicle-in = Check a vehicle in
ui-complaint = Complaint
ui-make = Make
ui-model = Model
ui-customer = Customer
ui-phone = Phone
ui-promised = Promised
ui-odometer = Odometer
ui-fuel = Fuel
ui-damages = Damages
ui-valuables = Valuables
ui-warnings = Warnings
ui-old-parts = Old parts
ui-the-customer-waits-on-site = the customer waits on site
ui-the-customer-wants-the-old-parts = the customer wants the old parts
ui-declined = Declined
ui-the-customer-declined-the-walk-around = the customer declined the walk-around
ui-approve = Approve
ui-decline = Decline
ui-how = How
ui-note = Note
ui-p-phone-i-in-person-m-message = p phone · i in person · m message
ui-what = What
ui-urgency = Urgency
ui-hours = Hours
ui-blocking = Blocking
ui-s-safety-o-soon-a-advisory = s safety · o soon · a advisory
ui-yes-i-cannot-go-on-until-the-customer-decides = yes — I cannot go on until the customer decides
ui-no-i-carry-on-with-the-rest = no — I carry on with the rest
ui-found-work-on = Found work on { $job }
ui-reassign = Reassign
ui-dispatch = Dispatch
ui-find = find
ui-busy = busy
ui-n-assigned = { $n } assigned
ui-quantity = Quantity
ui-log-parts-on = Log a parts issue on { $job }
ui-yes-the-job-waits-for-this-part = yes — the job waits for this part
ui-pin-for = PIN for { $name }
ui-to-log-in = to log in
ui-sign-qc-of = Sign QC of { $job }
ui-your-pin-signs-the-inspection = your PIN signs the inspection
ui-type-your-pin-then = type your PIN, then ⏎
ui-cancel-job = Cancel { $job }
ui-reason = Reason
ui-required-at-most = required, at most { $max } characters
ui-issue-ordered = { $issue } ordered
ui-15-30-2026-11-24-10-00-or-empty = 15:30, 2026-11-24 10:00 or empty
ui-followup-reached = Follow-up of { $job }: reached
ui-followup-missed = Follow-up of { $job }: not reached
ui-score = Score
ui-the-score-1-5-then-a-comment-4-happy-with-the-brakes = the score 1–5, then a comment: 4 happy with the brakes
ui-optional-voicemail-wrong-number = optional: voicemail, wrong number…
ui-priority-of = Priority of { $job }
ui-waiting-for-the-customer = WAITING FOR THE CUSTOMER
ui-no-found-work-waits-for-a-customer-s-decision = No found work waits for a customer's decision.
ui-when-a-technician-adds-some-it-appears-here-at-once = When a technician adds some, it appears here at once.
ui-price = Price
ui-line = Line
ui-waiting = Waiting
ui-overbooked = {" overbooked"}
ui-load = load
ui-today-title = TODAY { $n ->
        [one] { $n } booking
       *[other] { $n } bookings
    }
ui-followups-title = FOLLOW-UP CALLS DUE { $n }
ui-out = Out
ui-tries = Tries
ui-complaints-title = COMPLAINTS { $n } open
ui-respond-by = respond by
ui-reply = reply
ui-resolve-by = resolve by
ui-fix = fix
ui-to-close = to close
ui-overdue = OVERDUE
ui-sev = sev
ui-no-bookings-for-today = No bookings for today.
ui-book-with-bayboard-appt-new = Book with `bayboard appt new`.
ui-no-follow-up-call-is-due = No follow-up call is due.
ui-delivered-cars-fall-due-after-the-shop-s-follow-up-days = Delivered cars fall due after the shop's follow-up days.
ui-no-open-complaint = No open complaint.
ui-record-one-with-bayboard-complaint-new = Record one with `bayboard complaint new`.
ui-road-test-km-how-far-was-it-driven = road test km: how far was it driven?
ui-road-km-range = road test km: a number above 0, at most { $max }
ui-road-km = Road km
ui-verdict-fail = FAIL — rework: { $items }
ui-verdict-todo = not yet — { $n ->
        [one] { $n } required item
       *[other] { $n } required items
    } to mark
ui-pass-every-required-item-pass-or-n-a = PASS — every required item pass or n/a
ui-sign-off = Sign-off
ui-items-unmarked = { $n ->
        [one] { $n } required item
       *[other] { $n } required items
    } not marked yet: p pass, f fail, n n/a on each
ui-bays = BAYS
ui-working = working
ui-ready-for-delivery = READY FOR DELIVERY
ui-section-no-bay = NO BAY
ui-hours-today = today
ui-comeback = Comeback
ui-comeback-of = of { $job }{ $has_tech ->
        [yes] {" "}(technician { $tech })
       *[no] {""}
    }
ui-came-back = Came back
ui-came-back-as = as { $jobs }
ui-waiting-on-site = waiting on site
ui-hand-over = Hand-over
ui-my-jobs = MY JOBS
ui-job-details = Job details
ui-everywhere = Everywhere
ui-my-work-bay-terminal = My work (bay terminal)
done-act = { $job } { $what ->
        [started] started
        [resumed] resumed
        [paused] paused
        [finished] self-check done: ready for QC
        [released] bay released — `a` gives it a bay again
        [delivered] delivered
       *[other] { $what }
    }
done-cancelled = { $job } cancelled
done-arrived = { $appt } arrived: { $job } { $plate } is waiting in the queue
done-checked-in = { $job } checked in: { $plate } — waiting for dispatch
done-comeback-of = {" · "}a comeback of { $job }
done-more-declined = {" "}(+{ $n } more, see details)
done-dispatched = { $job } dispatched to { $bay } · { $tech }
done-qc-passed = { $job } passed QC — bay freed, ready for delivery
done-qc-failed = { $job } sent back for rework: { $items }
done-peer-passed = { $job } passed the peer check — on to QC
done-peer-failed = { $job } failed the peer check, back for rework: { $items }
done-self-check-passed = { $job } self-check done — { $status }
done-self-check-failed = { $job } stays in progress — the self-check found: { $items }
done-line-added = { $line } { $work } added to { $job }{ $held ->
        [yes] {" — "}the job waits for the customer's decision
       *[no] {" — "}the advisor asks the customer
    }
done-line-decided = { $line } { $work } { $decision ->
        [approved] approved
       *[declined] declined
    } by { $customer }; { $job } is { $status }
done-line-marked = { $line } { $work } { $done ->
        [yes] done — space again to reopen
       *[no] reopened
    }
done-no-show = { $appt } { $plate } recorded as a no-show
done-parts-logged = { $issue } logged on { $job }{ $blocking ->
        [yes] {" — "}job waits for parts
       *[no] {""}
    }
done-parts-ordered = { $issue } ordered
done-parts-cancelled = { $issue } cancelled
done-priority = { $job } is now { $priority }
done-reassigned = { $job } reassigned to { $bay } · { $tech }
ui-eta-passed = ETA passed
ui-after-the-promised-time = after the promised time
ui-open-over-a-day = open over a day
ui-bay-taken-by = { $kind } · taken by { $job }
ui-bay-free-fits = { $kind } · free · fits
ui-bay-free = { $kind } · free
ui-bay-free-misfit = ! not { $want } · { $kind } · free
ui-mark-blocking = ⛔ blocking
ui-person-roles = { $name } ({ $roles })
ui-load-of = {" · "}{ $used } of { $of } h
ui-waited = waited { $d }
## A job in full (`job show`, the board's details)
detail-state = { $job }  { $symbol } { $status }  for { $for }  (version { $version })
detail-unreadable = ⚠ unreadable in the database: { $fields } (changed outside bayboard; see `bayboard check`)
detail-followup = { $state } (due { $due }){ $score ->
        [none] {""}
       *[other] , satisfaction { $score }/5
    }{ $missed ->
        [0] {""}
       *[other] , { $missed } missed
    }
detail-washed = washed { $at }
detail-key-tag = keys: tag { $tag }
detail-spot = parked at { $spot }
detail-paid = paid: { $how }
detail-old-parts = old parts { $what }
detail-accepted = { $amount } accepted by { $by }: { $reason }
detail-estimate-accepted = Estimate accepted at reception: { $amount }
detail-promise = Priority   { $priority }   Promised { $promised }   Estimate { $estimate }   Clocked { $clocked } h{ $over ->
        [yes] {" "}— over the estimate
       *[no] {""}
    }
detail-people = Bay        { $bay }   Technician { $tech }   Rework ×{ $rework }
detail-parts = Parts issues
detail-blocking = ⛔ blocking
detail-eta = ETA { $at }
detail-qc = Inspections (self-check, peer check, QC)
detail-road-km = road test { $km } km
detail-road-done = road test done
detail-road-none = no road test
detail-item-failed = ✗ failed
detail-item-na = – n/a
detail-note = note: { $note }
detail-timeline = Timeline
detail-work-order = Work order  sold { $hours } h · { $total } approved
detail-decided = { $approved ->
        [yes] approved
       *[no] declined
    } by { $by }{ $via }, { $at }
detail-declined-before = Declined on earlier visits
detail-declined = declined { $at } on { $job }{ $by }: { $work }{ $urgency }
detail-by = {" "}by { $who }
detail-fuel = fuel { $eighths }/8
detail-valuables = valuables: { $what }
detail-warning-lights = warning lights: { $what }
detail-return-old-parts = RETURN OLD PARTS to the customer
detail-walkaround = Walk-around { $facts } (by { $by } at { $at })
detail-walkaround-declined = declined by the customer
detail-damage = {"  "}damage   { $place }: { $what }
## Why a key did nothing
why-not-this-row = { $what }: not for the selected row
why-not-no-job = { $what }: choose a job first (↑↓, Tab for another panel)
why-not-state = { $job } is { $status }: { $what } needs a job that is { $states }
why-not-lines-to-do = { $job }: { $n ->
        [one] one line
       *[other] { $n } lines
    } still to do — mark each done (space) first
why-not-found-work-waits = { $job }: found work waits for the customer's decision
why-not-someone-elses = { $job } is { $has_tech ->
        [yes] { $tech }'s job
       *[no] nobody's job
    }
why-not-not-now = { $what }: not possible on { $job } now
done-parts-now = { $issue } { $part } is now { $status }
ui-item-not-na = “{ $item }” cannot be n/a: mark it pass or fail
ui-required = required
ui-optional = optional
ui-missed-calls = { $n } missed
ui-at-bay = at bay { $bay }
ui-yes = yes
ui-details = details
ui-space = space
ui-check-in-hint = plate, complaint required · promised 15:30 · fuel 3/8 · damages: bumper: scratch; …
ui-qc-inspection = QC inspection
ui-self-check = Self-check
ui-peer-check = Peer check
ui-open-parts-issues = OPEN PARTS ISSUES
ui-load-ahead = LOAD AHEAD
ui-any-key = any key
ui-complaint-overdue-line = COMPLAINT OVERDUE: { $complaint } severity { $severity } { $plate } — { $late } (owner { $owner })
ui-unreadable-table = unreadable, shown empty: { $table } — run `bayboard check`
ui-ready = ready
ui-labour = Labour
ui-total = TOTAL
ui-estimate-accepted-at-reception = Estimate accepted at reception
ui-approved-by-the-customer = Approved by the customer
inv-title = Settlement of { $job }
inv-accepted = Accepted by { $by }: { $reason }
inv-above = { $amount } above what was approved: not deliverable until approved or accepted
inv-rates = Labour at { $rates } per hour. Prices in { $currency }.
ui-shop-settings =
    shop         { $shop }
    currency     { $currency }
    labour rate  { $rate } per sold hour
    PINs needed  { $pins }
    follow-up    { $followup } days after delivery
    second call  { $second ->
        [0] none
       *[other] { $second } days after the first is answered
    }
    comebacks    back within { $comeback } days
    day hours    { $hours } h per technician
    walk-around  { $walkaround ->
        [required] required at every check-in (or the customer's no)
       *[optional] optional
    }
    peer check   { $peer ->
        [on] on: a second technician or the team leader checks before QC
       *[off] off
    }
    language     { $language ->
        [zh-CN] Simplified Chinese (zh-CN)
        [en] English (en)
       *[other] each terminal's own
    }
    printers     { $nprinters ->
        [0] none: CUPS's default
       *[other] { $printers } (the first is the default)
    }
    timezone     { $timezone ->
        [none] each terminal's own (TZ)
       *[other] { $timezone } { $zoneknown ->
            [no] (not known on this computer: its own TZ here)
           *[yes] (every terminal)
        }
    }
    {""}
ui-locked-until = locked until { $at }
shop-zone-recorded = time zone { $zone } (this computer's), for every terminal
    change it with `bayboard shop set --timezone ZONE`
shop-zone-unknown = note: the shop's time zone { $zone } is not known on this computer; this terminal shows its own time (TZ)
shop-zone-not-recorded = time zone: none recorded (TZ is not a zone name), each terminal its own
    name one with `bayboard shop set --timezone ZONE`, e.g. Asia/Shanghai
ui-comebacks-n = comebacks { $n }
done-bay-added = bay { $bay } added ({ $kind })
done-staff-added = { $name } added ({ $roles })
done-pin = PIN of { $name } { $cleared ->
        [yes] cleared
       *[no] set
    }
done-unlocked = { $name } unlocked
ui-due-on = due { $day }
ui-low-score-complaint = opened { $complaint } (severity 2) about { $job }: satisfaction { $score }/5
ui-respond-by-at = respond by { $at }
ui-resolve-by-at = resolve by { $at }
ui-severity-n = sev { $n }
ui-load-line = load { $booked } h booked + { $open } h open sold of { $available } h available ({ $percent } %)
ui-appt-taken-as = appointment { $typed } taken as { $at } ({ $today ->
        [yes] today
       *[no] tomorrow
    })
## bayboard check and verify
check-summary =
    integrity: { $integrity }
    { $jobs } jobs, { $events } events
    chain head: { $has_head ->
        [yes] { $head }
       *[no] (no events yet)
    }
    signatures: { $signatures }
check-problem = problem: { $problem }
check-rules-ok = rules: ok
check-verify-summary =
    backup head: { $backup }
    live head:   { $live }
    signatures:  { $signatures }
check-verify-ok = the live file holds every event of the backup, unchanged, and nothing after them is forged
ui-waiting-for = waiting { $for }
ui-no-customer-on-record = no customer on record
ui-find-a-job = Find a job
ui-number-plate-phone-or-name-pinyin-too = number, plate, phone or name (pinyin too)
ui-find-count = { $n ->
        [0] nothing on the board fits
        [one] one job fits
       *[other] { $n } jobs fit
    }
ui-find-nothing = nothing on the board fits “{ $text }”; `bayboard job find` searches every visit
ui-not-your-view = { $view } is not among your views; yours: { $yours }
## The wall
wall-waiting-for-db = waiting for the database: { $why }
wall-reading = reading the board…
wall-live = live
wall-reconnecting = reconnecting… { $for }
wall-page = page { $page }/{ $pages }
wall-late-by = LATE by { $by } (due { $due })
wall-due = due { $due }
wall-no-promise = no promised time
wall-in-state = { $for } in state
wall-customer-waiting = CUSTOMER WAITING
wall-waits = waits
wall-none = none
wall-more = +{ $n } more
wall-waiting-what = { $what ->
        [parts] parts
       *[approval] approval
    }{ $wide ->
        [yes] {" "}for
       *[no] {""}
    } { $for }
wall-ready = { $spot ->
        [none] {""}
       *[other] at { $spot }{" · "}
    }{ $tag ->
        [none] {""}
       *[other] keys { $tag }{" · "}
    }ready { $for }{ $due ->
        [none] {""}
       *[other] {" · "}due { $due }
    }
wall-next-up = NEXT UP
wall-waiting-long = WAITING PARTS / APPROVAL
wall-waiting-short = WAITING
wall-ready-for-qc = INSPECTION (PEER / QC)
wall-ready-long = READY FOR DELIVERY
wall-ready-short = FOR DELIVERY
wall-whats-next = what's next
check-note = note: { $note }
## clap's own words, for --help in another language
help-clap-template = {"{"}before-help{"}"}{"{"}about-with-newline{"}"}
    Usage: {"{"}usage{"}"}
    {""}
    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-clap-help = Print help
help-clap-version = Print version
help-clap-options = Options
help-clap-arguments = Arguments
help-clap-commands = Commands
ui-mark-pass = pass
ui-mark-fail = FAIL
ui-mark-na = n/a
ui-sign-off-is = Sign-off:{" "}
ui-must-be-whole-kilometres-like-45800 = must be whole kilometres, like 45800
done-followup-reached = { $job } follow-up: reached
done-followup-missed = { $job } follow-up: not reached ({ $misses } of { $tries } tries){ $unreachable ->
        [yes] : unreachable
       *[no] {""}
    }
done-followup-complaint = ; { $complaint } opened (severity 2)
done-adjusted = { $job }: total { $total }, approved { $approved }
check-ok = ok
inv-col-line = Line
inv-col-work = Work
inv-col-hours = Hours
inv-col-labour = Labour
inv-col-parts = Parts
inv-col-price = Price
ui-cannot-read-file = cannot read { $file }: { $error }
done-catalogue-imported = { $added } added, { $changed } changed, { $unchanged } unchanged
ui-catalogue-row = line { $line }: { $why }
ui-catalogue-csv-which = --csv lists one file's worth: add --ops or --parts
ui-labour-operations = LABOUR OPERATIONS
ui-catalogue-parts = PARTS
inv-off-list = list price { $list }; changed: { $reason }
## Documents (bayboard print)
doc-title-ro = REPAIR ORDER
doc-title-card = JOB CARD
doc-title-added = ADDED WORK
doc-title-settlement = SETTLEMENT
doc-title-gate = GATE PASS
doc-copy = copy { $copy } · printed { $at }
doc-customer = Customer
doc-vehicle = Vehicle
doc-odometer = Odometer
doc-checked-in = In
doc-promised = Promised
doc-col-line = Line
doc-col-work = Work
doc-col-hours = Hours
doc-col-price = Price
doc-date-line = Date ____________
doc-estimate = Estimate, as accepted by the customer
doc-ro-consent = The customer asks for the work above at the prices shown; added work is done only with their consent.
doc-sign-customer = Customer
doc-sign-advisor = Service advisor
doc-sign-technician = Technician (self-check)
doc-sign-qc = QC inspector
doc-sign-guard = Gate
doc-sign-declined = Customer, declined
doc-bay = Bay
doc-technician = Technician
doc-priority = Priority
doc-complaint = Complaint
doc-declined-by = declined by { $by }
doc-approved-by = approved by { $by }
doc-undecided = waiting for the customer
doc-added-consent = The customer approves or declines each item above as marked.
doc-declined-safety = SAFETY WORK THE CUSTOMER DECLINED
doc-qc-passed = QC passed
doc-paid = Paid
doc-gate-note = The vehicle passed QC and is paid for; it may leave the premises.
doc-page = page { $page } of { $pages }
done-pdf-written = { $file } written ({ $bytes } bytes)
ui-pdf-no-font = no Chinese font on this system for the PDF: install one (Debian: apt-get install fonts-noto-cjk)
ui-pdf-failed = the PDF could not be made: { $why }
ui-cannot-write-file = cannot write { $file }: { $error }
done-printed = { $default ->
        [yes] sent to CUPS's default printer
       *[no] sent to the printer { $printer }
    }
ui-no-lp = no `lp` here to print with: install CUPS (Debian: apt-get install cups-client)
ui-printer-refused = the printer { $printer } did not take it: { $why }
ui-op-reading = reading the price list…
ui-op-first-match = ⏎ takes { $price } · { $hours } h · { $op }{ $more ->
        [0] {""}
       *[other] {" "}(+{ $more } more: type more)
    }
ui-op-no-match = no operation on the list matches “{ $find }”
ui-op-none-taken = type a code or name (pinyin too): ⏎ takes, ⌫ gives back
ui-op-taken = { $many ->
        [yes] labour estimate { $total } · { $hours } h: { $names }
       *[no] list price { $total } · { $hours } h
    }
ui-operation = Operation
ui-cannot-read-price-list = cannot read the price list: { $why }
ui-from-the-price-list = from the price list
ui-print-where = Printer for the { $document } of { $job }
ui-default = default
ui-printed-doc = { $job } { $document } (copy { $copy }) { $sent }
why-not-role = { $what } is for the { $roles }
why-not-no-key = { $key } does nothing here: ? lists this screen's keys
doc-vin = VIN
ui-op-pending = “{ $find }” is typed but not taken: ⏎ takes the first match, or clear it
ui-delivered = { $job } delivered
ui-washed = { $job } washed
ui-paid = Paid
ui-not-recorded = not recorded
ui-not-said = not said
ui-gate-pass = Gate pass
ui-print-it-once-delivered = print it once delivered
ui-waits-for-the-payment = waits for the payment
ui-gate-pass-printed = gate pass { $sent }
ui-gate-pass-not-printed = the gate pass was not printed: { $why }
wall-no-bay = no bay{ $wide ->
        [yes] {" "}· { $status }
       *[no] {""}
    } { $for }
ui-customer-decided = { $jobs }: the customer has decided on the found work — its lines say what; s resumes
done-promised = {" · "}promised { $day ->
        [today] today { $when }
       *[other] { $when } (not today)
    }
ui-move-promise = Move the time promised for { $job }
ui-the-new-time-then-why-tomorrow-10-00-parts-late = the new time, then why: tomorrow 10:00 parts late
ui-write-why-after-the-time-parts-late = write why after the time: parts late
ui-promises-moved-title = PROMISES MOVED TODAY { $n } — tell the customer
ui-promise-moved-row = { $job } { $plate } { $who } → { $at }: { $reason } ({ $by })
ui-call-incoming = { $call } · { $who } · asked: { $about }{ $p ->
        [no] {""}
       *[yes] {" · "}promised: { $promised }
    }{ $d ->
        [no] {""}
       *[yes] {" · "}by { $due }{ $late ->
            [1] {" "}! late
           *[other] {""}
        }
    }
ui-call-second-followup = { $call } · second follow-up call · { $who } · due { $due }{ $late ->
        [1] {" "}! late
       *[other] {""}
    }
ui-call-closed-note = {" · "}closed by { $by }: { $note }
ui-calls-title = CALLS TO RETURN { $n }
ui-log-call = A customer called about { $job }
ui-call = Call
ui-outcome = Outcome
ui-by-when-then-what-they-asked-16-00-is-the-car-ready = by when, then what they asked: 16:00 is the car ready?
ui-close-call = Close { $call }
ui-what-was-done-called-back-parts-due-friday = what was done: called back, parts due Friday
ui-write-what-the-customer-asked = write what the customer asked
ui-write-what-was-done = write what was done
done-call-logged = { $call } logged: it stays under Follow-up until closed
done-call-closed = { $call } closed
cli-time-taken = { $field } { $text } taken as { $shown } ({ $day ->
        [today] today
       *[other] tomorrow
    })
cli-time-past = warning: { $field } { $shown } is already in the past
ui-time-already-past = { $typed } is already past; press Enter again to keep it, or change it
ui-log-in-as = log in as { $name }? ⏎ again (no PIN is kept)
ui-failed-last-time = ✗ last time{ $has ->
        [yes] : { $note }
       *[no] {""}
    }
ui-complaint-step-hint = { $to ->
        [acknowledged] optional: what the customer was told
       *[other] required: what was done, and what the customer said
    }
ui-complaint-step-needs-note = write what was done: the record keeps it
ui-start-with-the-customer-s-score-1-to-5-then-a-comment = start with the customer's score, 1 to 5, then a comment
ui-parts-in = Parts { $currency }
ui-work-head = Work:
ui-qc-passed = { $job } passed QC; bay freed, ready for delivery
ui-qc-failed = { $job } failed QC (rework ×{ $rework }): { $items }
ui-peer-passed = { $job } passed the peer check; on to QC
ui-peer-failed = { $job } failed the peer check (rework ×{ $rework }): { $items }
ui-self-check-passed = { $job } self-check done: { $status }
ui-self-check-failed = { $job } self-check found { $items }: the job stays in progress; fix it and finish again
ui-handed-over-inside = { $job } parked at { $spot }, handed to the advisor
ui-handed-over-inside-keys = { $job } parked at { $spot }, keys { $tag }, handed to the advisor
ui-ready-title = READY FOR THE CUSTOMER { $n } — parked at, keys
ui-ready-row = { $job } { $plate } · { $spot } · keys { $tag } · { $who } { $phone }
ui-not-handed-over = not handed over
ui-hand-over-inside = Hand { $job } to the advisor
ui-spot = Spot
ui-where-the-car-is-parked-p-12 = where the car is parked: P-12
ui-write-where-the-car-is-parked = write where the car is parked
done-handed-over-inside = { $job } parked at { $spot }, handed to the advisor
ui-key-tag = Key tag
ui-not-charged-to-the-customer = Not charged to the customer
inv-part-tag = old part tag { $tag }
ui-claim-line = { $claim } { $job } { $plate } { $status }{ $number ->
        [none] {""}
       *[other] {" "}{ $number }
    }
ui-no-claims = no claims opened in this month
ui-month-format = not a month: { $value } (write YYYY-MM, e.g. 2026-11)
ui-recall-done = done on { $job }
ui-recall-open = open
ui-recalls-imported = { $added } campaign rows added, { $known } already known
ui-recall-flag = ⚠ open recall { $campaign }: { $title }
ui-recall = Recall
ui-none-due = no car is due for its service reminder
ui-reminder-logged = reminder call logged on { $job }
ui-next-service = Next service: { $on }{ $km ->
        [none] {""}
       *[other] {" "}or at { $km } km
    } (set on { $job })
ui-wear-note = Wear parts: { $note }
ui-no-next-service-set-yet = No next service set yet
ui-recall-done-line = recall { $campaign }: { $title } — done on { $job }
ui-visits = Visits
ui-odometer-lower-than-before = {" "}⚠ odometer lower than before
ui-comeback-of-short = {" "}(comeback of { $job })
ui-due-line = { $plate }  { $who } { $phone }  due { $on }{ $km ->
        [none] {""}
       *[other] {" "}or { $km } km
    }  ({ $job })
ui-final-inspection-qc = Final inspection (QC)
ui-service-due-title = SERVICE DUE THIS WEEK { $n } — call to remind the customer
ui-next-on = Next on
ui-next-km = Next km
ui-wear = Wear
ui-write-it-as-a-whole-number-of-km = write it as a whole number of km
ui-no-odometer-read = no odometer read
ui-pads-4-mm-tyres-3-mm = pads 4 mm, tyres 3 mm
ui-a-later-day-like = a day after today, like { $example }
ui-next-service-default = { $on } (the shop's interval)
ui-next-km-default = { $km } km (the shop's interval)
ui-who-pays = Who pays
ui-reminder-reached = Service reminder reached — { $job }
ui-reminder-missed = Service reminder not answered — { $job }
ui-optional-booked-for-tuesday-9-00 = optional: booked for Tuesday 9:00
ui-vehicle-file-title = { $plate } · vehicle file
ui-claims-title = WARRANTY — to claim { $to_claim } · claims not paid { $claims }
ui-to-claim-line = { $job }  { $plate }  { $lines ->
        [one] 1 warranty line
       *[other] { $lines } warranty lines
    } — no claim yet
ui-desk-claim-line = { $claim }  { $job }  { $plate }  { $status }{ $number ->
        [none] {""}
       *[other] {" "}no. { $number }
    }  part { $part }
ui-symptom = Symptom
ui-cause = Cause
ui-repair = Repair
ui-part-no = Part no.
ui-next-state = Next state
ui-claim-no = Claim no.
ui-new-claim = New warranty claim — { $job }
ui-move-claim = Claim { $claim } ({ $status })
ui-claim-opened = claim { $claim } opened for { $job }
ui-claim-moved = claim { $claim } is now { $status }
ui-check-in-recall = ⚠ open recall { $campaign } — do it on this visit:
ui-more-fields-below = {"   "}↓ { $n } more lines below (Tab goes on)
ui-parked-key = Parked · key
ui-claim-moved-elsewhere = { $claim } was moved on elsewhere: it is now { $status }
ui-claim-final = { $claim } is { $status }: nothing more to do
ui-state = State
