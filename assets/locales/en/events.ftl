# What an event says happened, from the facts it stores. A message's
# attributes are the optional parts: each is added when the event has the
# argument of that name (`.note`: what a person typed with it).
event-created = { $complaints }
    .corrected = {" · "}odometer corrected: { $corrected }
    .comeback = {" · "}comeback of { $comeback }
    .estimate = {" · "}estimate accepted: { $estimate }
event-dispatched = bay { $bay }, technician { $tech }
event-reassigned = { $what ->
        [both] bay { $bay_from } → { $bay_to }, technician { $tech_from } → { $tech_to }
        [bay] bay { $bay_from } → { $bay_to }
       *[tech] technician { $tech_from } → { $tech_to }
    }
event-priority = { $from } → { $to }
event-released = bay { $bay } freed
    .note = {": "}{ $note }
event-parts-cancelled = { $part } cancelled with the job
event-line-added = { $line } { $work } ({ $kind }{ $found ->
        [yes] , { $urgency }{ $blocking ->
            [yes] , blocking
           *[no] {""}
        }
       *[no] {""}
    })
    .sold = {" "}{ $sold }
    .payer = {" · paid by "}{ $payer }
    .note = {" — "}{ $note }
event-line-decided = { $line } { $work } — { $decision ->
        [approved] approved
       *[declined] declined
    } by { $customer } { $via }
    .note = {": "}{ $note }
event-line-done = { $line } { $work } done
event-line-reopened = { $line } { $work } reopened
event-line-priced = { $line } { $work }: { $before } → { $after }
    .note = {" ("}{ $note })
# What a line sells: hours, an amount, both, or nothing yet.
line-sold = { $what ->
        [both] { $hours } h + { $amount }
        [hours] { $hours } h
        [amount] { $amount }
       *[none] —
    }
event-shop-money = currency { $currency }, labour rate { $rate } per hour
event-shop-aftersales = follow-up after { $followup } days, comeback window { $comeback } days, { $hours } h technician day
event-shop-renamed = { $name }
event-shop-language = language { $language }
event-shop-timezone = time zone { $zone }
event-shop-printers = { $n ->
        [0] printers: none (CUPS's default)
        [one] printer { $list }
       *[other] printers { $list } (the first is the default)
    }
event-shop-walkaround = walk-around at check-in: { $rule ->
        [required] required
       *[optional] optional
    }
event-shop-second-followup = second follow-up call: { $days ->
        [0] none
       *[other] { $days } days after the first
    }
event-bay-added = { $bay } ({ $kind })
event-staff-added = { $name } ({ $roles })
event-pin-set = { $name } · key { $key }
event-pin-person = { $name }
event-pin-rule = { $rule }
event-parts-logged = { $part } { $what } ×{ $qty } ({ $kind }{ $blocking ->
        [yes] , blocking
       *[no] {""}
    })
event-parts-updated = { $part } { $what } { $to }
    .eta = {", ETA "}{ $eta }
    .note = {": "}{ $note }
event-complaint-opened = { $complaint } severity { $severity } about { $about }, owner { $owner }: { $text }
event-complaint-step = { $complaint } { $to }
event-followup-reached = reached
    .score = {", satisfaction "}{ $score }/5
event-followup-missed = not reached (try { $try })
event-followup-unreachable = not reached ({ $tries } tries): unreachable
event-appt-booked = { $appt } { $plate }: { $work }
event-appt-arrived = { $appt } arrived as { $job }
event-appt-closed = { $appt } { $plate }
event-qc-passed = all items pass or n/a
event-qc-failed = rework: { $items }
event-handed-over-inside = parked at { $spot }, handed to the advisor
event-shop-peer-check = peer check { $rule ->
    [on] on: finished jobs go to a second technician or the team leader before QC
   *[off] off: finished jobs go straight to QC
}
event-self-check-failed = self-check found: { $items }; the job stays in progress
event-washed = washed for hand-over
event-adjusted = { $amount } accepted
    .note = {": "}{ $note }
event-promise-moved = promised { $from } → { $to }
    .note = {": "}{ $note }
event-promise-set = promised { $to }
    .note = {": "}{ $note }
event-call-logged = { $call } logged
    .note = {": "}{ $note }
event-call-second-followup = { $call }: second follow-up call in { $days } days
event-call-closed = { $call } closed
    .note = {": "}{ $note }
# A sign-off made with a PIN someone else set (issue 20): the setter could
# have signed it, so it stays marked on the record.
mark-pin-set-by = ⚠ PIN set by { $by }
note-pin-set-by = your PIN was set by { $by }: what you sign is marked until you set your own (staff pin "{ $name }" --new …)
event-catalogue-op-added = { $code } { $name }: { $hours } h, published
event-catalogue-op-changed = { $code } { $name }: { $was } h → { $hours } h
event-catalogue-part-added = { $number } { $name }: { $price }, published
event-catalogue-part-changed = { $number } { $name }: { $was } → { $price }
event-line-off-list = { $line } priced off the list: { $list } → { $price }
event-printed = { $document }, copy { $copy }
event-vehicles-merged = { $plates } are one car (plate { $key })
event-claim-opened = warranty claim { $claim } opened (causal part { $part })
event-claim-updated = warranty claim { $claim } { $status }
    .number = {", claim number "}{ $number }
    .note = {" — "}{ $note }
event-recalls-imported = recall campaigns imported: { $added } added, { $known } already known
event-next-service = next service { $on }
    .km = {" or at "}{ $km } km
    .note = {" — wear: "}{ $note }
event-reminder = service reminder call: { $reached ->
        [yes] reached
       *[no] not reached
    }
    .note = {" — "}{ $note }
