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
