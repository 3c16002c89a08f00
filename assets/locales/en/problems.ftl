# What is wrong with a value a person gave ("<field>: <problem>").
problem-decided-needs-reason = { $line } is already decided: give a --reason for the change
problem-more-than-0-at-most = must be more than 0 and at most { $max }
problem-whole-number-from-to = must be a whole number from { $min } to { $max }
problem-severity = must be 1, 2 or 3
problem-complaint-step = a complaint that is { $from } cannot be marked { $to }; the steps are open → acknowledged → resolved → closed
problem-empty = must not be empty
problem-control-char = contains the control character U+{ $code }; use plain text
problem-invisible-char = contains the invisible character U+{ $code }; type the text without it
problem-name-char = may not hold U+{ $code } in a name (a symbol, a format character or a letter names do not use); type the name without it
problem-name-mark = has the mark U+{ $code } on a letter of another script; type the name in one script
problem-name-scripts = mixes scripts the way look-alike names are made (Latin with Cyrillic or Greek, or three scripts); type it in one script
problem-pin-reset-newer = of { $name } was set before yours: only a foreman who kept their own PIN before it may reset it ({ $name } can change it, or a longer-standing foreman can)
problem-pin-reset-not-own = you use was set for you by { $by }: set your own PIN before you reset anyone else's
problem-too-long = is { $n } characters long; at most { $max } are allowed
problem-phone-chars = may hold only digits, spaces and + - ( ) . /
problem-pin-digits = must be 4 to 12 digits
problem-between = must be between { $min } and { $max }
problem-between-km = must be between { $min } and { $max } km
problem-item-mark = '{ $text }' should be ID=pass|fail|na
problem-item-result = unknown result '{ $value }'; one of: pass, fail, na
problem-item-not-na = '{ $item }' cannot be n/a; mark it pass or fail
problem-item-twice = '{ $item }' is marked twice
problem-fuel = '{ $text }' is not a fuel level: write eighths, 0/8 to 8/8
problem-walkaround-needed = the shop wants the walk-around: fuel, damages, valuables or warning lights, or the customer's no (--walkaround-declined, the form's Declined)
problem-walkaround-both = a walk-around was noted and declined at once: one or the other
problem-damage = '{ $text }': write where and what, like 'front bumper: scratch'
problem-above-approved = { $job }'s total { $total } is { $above } above the { $approved } the customer approved; add the difference as a line for the customer to approve, or have a foreman record it (`job adjust`)
hint-items = items: { $list }
problem-currency-code = '{ $code }' is not a currency code; use three letters such as CNY, EUR, USD
problem-amount-negative = '{ $text }' is negative; amounts are 0 or more
problem-amount-form = '{ $text }' is not an amount; write it like 1280.50
problem-amount-decimals = '{ $text }' has more than { $decimals } decimals for { $code }
problem-amount-max = '{ $text }' is more than { $max } { $code }
problem-vin-length = '{ $value }' has { $n } characters; a VIN has 17
problem-vin-char = '{ $value }' contains '{ $char }'; a VIN uses A–Z and 0–9 without I, O and Q
problem-vin-check = '{ $value }' fails the North-American check digit (position 9 is { $found }, should be { $expected })
hint-number-form = write it as { $prefix }-123 or 123
problem-give-a-role = give at least one --role (technician, foreman, qc, advisor, parts)
hint-no-staff-yet = the shop has no such staff yet; add them with `bayboard staff add`
hint-staff = staff: { $list }
hint-which-person = it could be: { $list }; give the whole name
hint-bays = bays: { $list }
hint-see-jobs = see `bayboard job list`
hint-see-lines = see `bayboard line list JOB`
hint-see-parts = see `bayboard parts list`
hint-see-appointments = see `bayboard appt list`
hint-see-complaints = see `bayboard complaint list`
hint-see-staff = see `bayboard staff list`
problem-phone-needs-name = give the customer's name with their phone
problem-odometer-below = { $km } km is below the { $last } km recorded for { $plate } at { $job }; check the reading, or record it with --odometer-corrected NOTE saying why
problem-reassign-what = give a new --bay, a new --tech, or both
problem-reassign-same = { $job } already has bay { $bay } and technician { $tech }; nothing to change
problem-priority-same = { $job } is already { $priority }
problem-promise-same = { $job } is already promised for that time
problem-call-number = '{ $text }' is not a call: write T-3
problem-second-followup-days = { $n } days: the second follow-up call is 0 (none) to 30 days after the first
problem-call-who = say who called: a job, a plate, the caller or a phone
problem-call-unknown = there is no call { $call }
problem-call-closed = { $call } is already closed
problem-needs-own-details = { $action } needs its own details
problem-decided-once = { $line } was already { $decision } by { $by } ({ $via }, { $at }); a decision is taken once
problem-currency-in-use = amounts are already recorded in { $currency }; changing the currency would relabel them without converting
problem-pass-with-failed = { $job } cannot pass with failed items ({ $items }); send it back with `qc fail`
problem-fail-needs-item = failing { $job } needs at least one failed item (--item ID=fail)
problem-more-than-0 = must be more than 0
problem-within-approved = { $job }'s total { $total } is within the { $approved } the customer approved: nothing to accept
problem-more-than-over = is more than the { $over } above what the customer approved
problem-washed-already = { $job } was washed already (its timeline says when)
problem-comeback-of = { $job } is { $status } with plate { $plate }: a comeback is of a delivered job of the same car
problem-score-needs-reached = a score needs the customer reached (--reached yes)
problem-followup-delivered-only = { $job } is { $status }: follow-up calls are for delivered jobs
problem-followup-done = { $job }'s follow-up is done: { $state }
problem-job-or-plate = give --job JOB or --plate PLATE
problem-appt-arrived = { $appt } arrived already, as { $job }
problem-appt-no-show = { $appt } was recorded as a no-show
problem-appt-cancelled = { $appt } was cancelled
problem-appt-other-car = { $appt } is booked for { $booked }, not { $plate }; check another car in without --appointment
problem-appt-needs-time = give the time (--at)
problem-appt-past = that time has passed; a booking is for a time to come
problem-appt-not-late = { $appt } is not late yet: a no-show is recorded once { $minutes } minutes have passed after its time
problem-complaint-number = '{ $text }' is not a complaint number (C-12 or 12)
problem-appt-number = '{ $text }' is not an appointment number (A-7 or 7)
problem-not-a-day = '{ $text }' is not a day; write 2026-11-24
problem-shop-set-what = give --labour-rate, --currency, --require-pins, --followup-days, --comeback-days, --day-hours or --language
problem-time-form = '{ $text }' is not a time; write 15:30, 12-04 15:30, tomorrow 15:30 or 2026-12-04 15:30
problem-time-missing = '{ $text }' does not exist in the local time zone; write 15:30, 12-04 15:30, tomorrow 15:30 or 2026-12-04 15:30
problem-time-far = '{ $text }' is more than a year away; write 15:30, 12-04 15:30, tomorrow 15:30 or 2026-12-04 15:30
problem-unknown-code = unknown { $what } '{ $given }'; one of: { $list }
problem-checklist-toml = the checklist is not valid TOML: { $error }
problem-checklist-empty = the checklist has no items
problem-checklist-twice = checklist item '{ $item }' appears twice
problem-self-check-at-finish = the self-check is signed by the job's technician at finish: job finish JOB --item ID=pass|fail
problem-levels-order = the inspection levels must be self, peer, final in that order (found: { $levels })
problem-levels-signer = inspection level '{ $level }': a level signed by roles lists them, the self-check lists none
problem-amount-comma = '{ $text }' has a comma that is not a thousands separator; write it like 1280.50 or 1,280.50
problem-time-leap-second = '{ $text }' is a leap second (second 60); write the second before or after it
check-signatures-none = none yet{ $before ->
        [0] {""}
       *[other] {" "}({ $before } earlier events were written before signing began)
    }
check-signatures-verified = { $signed } events signed with the shop key, verified{ $before ->
        [0] {""}
       *[other] {" "}({ $before } earlier events were written before signing began)
    }
check-signatures-no-key = { $signed } events signed, NOT verified: no shop key beside this file (a copy's key stays with the original){ $before ->
        [0] {""}
       *[other] {" "}({ $before } earlier events were written before signing began)
    }
check-signatures-unreadable-key = { $signed } events signed, NOT verified: the shop key cannot be read ({ $why }){ $before ->
        [0] {""}
       *[other] {" "}({ $before } earlier events were written before signing began)
    }
check-note-spellings = { $plates } are one plate typed more than one way: read as one car (its visits, declined work and comebacks together)
check-note-vins = plate { $plates } is on record with more than one VIN ({ $vins }): another car under a kept plate, kept apart
problem-catalogue-hours = hours '{ $text }' are not a number of hours from 0 to 1000
problem-catalogue-bay-kind = '{ $text }' is not a kind of bay
problem-catalogue-twice = { $code } is in the file twice
problem-catalogue-price = price '{ $text }' is not an amount
problem-catalogue-column = no column '{ $column }' is known; the columns are { $known }
problem-catalogue-missing-column = the column '{ $column }' is missing
problem-catalogue-csv = not CSV: { $error }
problem-catalogue-code = '{ $text }' is not a code: letters, digits, - _ . / up to 30
problem-catalogue-name = { $column } is empty or too long
problem-catalogue-refused = { $n ->
        [one] one row was refused
       *[other] { $n } rows were refused
    }: nothing was imported; correct the file and import it again
hint-catalogue-list = `bayboard catalogue list` shows the published list
problem-price-needs-reason = a price other than the list's needs --reason: why the customer pays another price
problem-printer-name = “{ $name }” is not a printer name: CUPS names have no spaces, /, # or commas (see lpstat -e)
problem-price-negative = a price cannot be below nothing
problem-price-needs-list = --price changes a published price: give --op or --part (a free-text line takes --hours and --parts-amount)
problem-gate-pass-early = no gate pass for { $job } yet: it is { $status }{ $paid ->
        [yes] {""}
       *[no] {" "}and no payment is recorded
    }; the car leaves once it passed QC and was paid for
note-unwashed = note: { $job } was handed over unwashed
note-old-parts-asked = note: the customer asked for the old parts back at reception; record what became of them{ $cli ->
        [yes] {" "}(--old-parts returned|disposed)
       *[no] {""}
    }
note-no-payment = note: no payment recorded{ $cli ->
        [yes] {" "}(--paid)
       *[no] {""}
    }; the gate pass waits for one
problem-claim-step = { $claim } is { $from }: it may go to { $next } (not { $to })
problem-claim-final = { $claim } is { $from }: it changes no more
problem-recall-csv = the recall file cannot be read: { $error }
problem-recall-columns = the recall file needs the columns campaign, title, vin (found: { $found })
problem-recall-unknown-column = the recall file has a column bayboard does not know: { $column }
problem-recall-line = line { $line }: a campaign, a title and a 17-character VIN are needed
problem-recall-refused = nothing imported: { $bad } bad rows; the first: { $first }
problem-recall-empty = the recall file has no rows
problem-campaign-is-warranty = a recall campaign is paid by the maker: --payer warranty (or leave it out)
problem-claim-needs-warranty = { $job } has no warranty or 三包 line: add one with --payer warranty first
problem-claim-once = { $job } already has a claim: { $claim }
problem-next-service-km = must be beyond the odometer's { $odometer } km
problem-key-tag-taken = key tag { $tag } is on the keys of { $job }, still open: give another tag
problem-timezone = { $zone } is not a time zone this computer knows: give an IANA name such as Asia/Shanghai or Europe/London
problem-claim-sent = the job's claim { $claim } is { $status }: a warranty or 三包 line can no longer join it (add it as the customer's, goodwill or the shop's)
problem-claim-number = { $claim } is approved under the maker's claim number: give the number
