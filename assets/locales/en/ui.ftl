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
ui-waits = waits
ui-live = live
ui-polling = polling
ui-deliver = deliver
ui-n-jobs = { $n ->
        [one] { $n } job
       *[other] { $n } jobs
    }
ui-severity-plate = severity { $severity }, { $plate }
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
ui-hand-the-vehicle-back-to-the-customer-and-close-the-job-y-n = Hand the vehicle back to the customer and close the job? y / n
ui-close-the-form = Close the form?
ui-it-holds-input-that-would-be-lost-close-anyway-y-n = It holds input that would be lost. Close anyway? y / n
ui-self-check-done-send-it-to-qc-only-qc-sends-it-back-y-n = Self-check done: send it to QC? Only QC sends it back. y / n
ui-free-the-bay-the-car-goes-to-the-lot-the-job-keeps-its-place-y-n = Free the bay (the car goes to the lot)? The job keeps its place. y / n
ui-the-customer-agrees-it-is-settled-this-step-is-not-taken-back-y-n = The customer agrees it is settled? This step is not taken back. y / n
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
ui-qc-title = QC { $qc } · ready for delivery { $ready }
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
