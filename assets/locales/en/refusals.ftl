# Why something was refused. Each names the thing, its state and what would
# be allowed, so a person can act on it.
refusal-illegal-transition = { $job } is { $status }: cannot { $action }; { $allowed }
refusal-allowed-now = allowed now: { $list }
refusal-allowed-nothing = nothing more can be done with it
refusal-wrong-role = { $who } may not { $action } { $job } ({ $status }): only a { $needs } can
refusal-wrong-role-setup = { $who } may not { $action }: only a { $needs } can
refusal-not-your-job = { $job } ({ $status }) is { $owner }'s job: { $who } may not { $action } it
refusal-no-bay = { $job } ({ $status }) has no bay: the foreman must give it a bay first (reassign)
refusal-bay-taken = bay { $bay } is taken by { $holder }; free bays: { $free }
word-none = none
refusal-bay-inactive = bay { $bay } is inactive
refusal-technician-busy = { $who } is clocked on { $other }; pause or finish it before starting { $job }
refusal-not-a-technician = { $who } is not a technician and cannot be given { $job }
refusal-own-work = { $who } worked on { $job } ({ $status }) and may not inspect it; another QC inspector must
refusal-stale = { $job } changed since you looked (version { $seen } → { $now }); it is now { $status }; nothing was changed
refusal-unknown = unknown { $what } '{ $name }'
refusal-unknown-hint = unknown { $what } '{ $name }'; { $hint }
refusal-look-alike = '{ $name }' looks like { $existing }, who is already on the staff; choose a name no one can mistake for theirs (add an initial, say)
refusal-duplicate = { $what } '{ $name }' already exists
refusal-invalid = { $field }: { $problem }
refusal-parts-transition = parts issue P-{ $id } is { $status }: cannot mark it { $to }; { $allowed }
refusal-parts-open = { $job } ({ $status }) still has open parts issues ({ $issues }); resolve or cancel them before delivery
refusal-lines-open = { $job } ({ $status }) cannot { $action } yet: { $lines }
refusal-not-their-job = { $who } may not { $action } here: only the job's own technician or the foreman may
refusal-line-not-now = { $job } is { $status }: it cannot { $what } now
refusal-line-state = { $line } is { $status }: it cannot { $what }
refusal-pin-needed = { $who } keeps a PIN: give it with --pin or BAYBOARD_PIN (in the board, log in with it)
refusal-wrong-pin = wrong PIN for { $who }
refusal-wrong-pin-locked = wrong PIN for { $who }; locked for { $minutes } minute(s), and a foreman can unlock them
refusal-wrong-pin-last = wrong PIN for { $who }; one more wrong try locks them for a while
refusal-wrong-pin-few = wrong PIN for { $who }; { $left } more wrong tries lock them for a while
refusal-pin-locked = { $who } is locked after too many wrong PINs for { $minutes } more minute(s); a foreman can unlock them now (`bayboard staff unlock`)
refusal-no-pin-kept = { $who } keeps no PIN, and the shop requires one to { $action }; a foreman who keeps one sets it with `bayboard staff pin`
refusal-foreman-pin-needed = only a foreman who keeps a PIN may { $action }
refusal-foreman-pin-needed-once = only a foreman who keeps a PIN may { $action } once anyone in the shop keeps one
refusal-need-actor = who is doing this? pass --as NAME or set BAYBOARD_USER
refusal-need-foreman = who is doing this? { $action } needs a foreman: pass --as NAME or set BAYBOARD_USER
# How lists join inside a sentence.
sep-or = { " or " }
sep-list = { ", " }
sep-items = { "; " }

# The things a refusal names ("unknown <thing> 'X'").
thing-person = person
thing-job = job
thing-bay = bay
thing-line = line
thing-parts_issue = parts issue
thing-appointment = appointment
thing-complaint = complaint
thing-checklist_item = checklist item
