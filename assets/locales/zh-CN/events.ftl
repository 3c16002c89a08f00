# 事件记录的事实，用话说出来。消息的属性是可选部分：事件带有同名参数时
# 才加上（`.note`：随事件一起输入的文字）。
event-created = { $complaints }
    .corrected = {" · "}里程已更正：{ $corrected }
    .comeback = {" · "}返修，原工单 { $comeback }
    .estimate = {" · "}客户确认估价 { $estimate }
event-dispatched = 工位 { $bay }，技师 { $tech }
event-reassigned = { $what ->
        [both] 工位 { $bay_from } → { $bay_to }，技师 { $tech_from } → { $tech_to }
        [bay] 工位 { $bay_from } → { $bay_to }
       *[tech] 技师 { $tech_from } → { $tech_to }
    }
event-priority = { $from } → { $to }
event-released = 工位 { $bay } 已空出
    .note = {"："}{ $note }
event-parts-cancelled = { $part } 随工单取消
event-line-added = { $line } { $work }（{ $kind }{ $found ->
        [yes] ，{ $urgency }{ $blocking ->
            [yes] ，须先确认
           *[no] {""}
        }
       *[no] {""}
    }）
    .sold = {" "}{ $sold }
    .payer = {" · "}{ $payer }
    .note = {" — "}{ $note }
event-line-decided = { $line } { $work } — { $customer }{ $via }{ $decision ->
        [approved] 同意
       *[declined] 拒绝
    }
    .note = {"："}{ $note }
event-line-done = { $line } { $work } 已完工
event-line-reopened = { $line } { $work } 已重开
event-line-priced = { $line } { $work }：{ $before } → { $after }
    .note = {"（"}{ $note }）
# 一个项目卖的是什么：工时、金额、两者，或尚未定价。
line-sold = { $what ->
        [both] { $hours } 工时 + { $amount }
        [hours] { $hours } 工时
        [amount] { $amount }
       *[none] —
    }
event-shop-money = 币种 { $currency }，工时单价每小时 { $rate }
event-shop-aftersales = 交车 { $followup } 天后回访，返修期 { $comeback } 天，技师每天 { $hours } 工时
event-shop-renamed = { $name }
event-shop-language = 语言 { $language }
event-shop-timezone = 时区 { $zone }
event-shop-printers = { $n ->
        [0] 打印机：未设置（使用 CUPS 默认打印机）
       *[other] 打印机 { $list }（第一台为默认）
    }
event-shop-walkaround = 接车环车检查：{ $rule ->
        [required] 必须
       *[optional] 可选
    }
event-shop-second-followup = 二次回访：{ $days ->
        [0] 不做
       *[other] 首次回访后 { $days } 天
    }
event-bay-added = { $bay }（{ $kind }）
event-staff-added = { $name }（{ $roles }）
event-pin-set = { $name } · key { $key }
event-pin-person = { $name }
event-pin-rule = { $rule }
event-parts-logged = { $part } { $what } ×{ $qty }（{ $kind }{ $blocking ->
        [yes] ，停工待料
       *[no] {""}
    }）
event-parts-updated = { $part } { $what } { $to }
    .eta = {"，预计到货 "}{ $eta }
    .note = {"："}{ $note }
event-complaint-opened = { $complaint } { $severity } 级，关于 { $about }，负责人 { $owner }：{ $text }
event-complaint-step = { $complaint } { $to }
event-followup-reached = 已接通
    .score = {"，满意度 "}{ $score }/5
event-followup-missed = 未联系上（第 { $try } 次）
event-followup-unreachable = 未联系上（共 { $tries } 次）：无法联系
event-appt-booked = { $appt } { $plate }：{ $work }
event-appt-arrived = { $appt } 已到店，工单 { $job }
event-appt-closed = { $appt } { $plate }
event-qc-passed = 所有检查项合格或不适用
event-qc-failed = 返工：{ $items }
event-handed-over-inside = 停放于 { $spot }，已交服务顾问
event-shop-peer-check = 互检{ $rule ->
    [on] 开启：完工后先由另一名技师或班组长互检，再终检
   *[off] 关闭：完工后直接终检
}
event-self-check-failed = 自检发现：{ $items }；继续维修
event-washed = 交车前已洗车
event-adjusted = 已接受差额 { $amount }
    .note = {"："}{ $note }
event-promise-moved = 承诺交车 { $from } → { $to }
    .note = {"："}{ $note }
event-promise-set = 承诺交车 { $to }
    .note = {"："}{ $note }
event-call-logged = 登记来电 { $call }
    .note = {"："}{ $note }
event-call-second-followup = { $call }：{ $days } 天后二次回访
event-call-closed = 来电 { $call } 已办结
    .note = {"："}{ $note }
# 用他人设置的 PIN 签字（问题 20）：设置人也可能签了它，记录上一直标出。
mark-pin-set-by = ⚠ PIN 由 { $by } 设置
note-pin-set-by = 你的 PIN 是 { $by } 设置的：在你自己设置之前，你签的字都会被标出（staff pin "{ $name }" --new …）
event-catalogue-op-added = { $code } { $name }：{ $hours } 工时，已发布
event-catalogue-op-changed = { $code } { $name }：{ $was } → { $hours } 工时
event-catalogue-part-added = { $number } { $name }：{ $price }，已发布
event-catalogue-part-changed = { $number } { $name }：{ $was } → { $price }
event-line-off-list = { $line } 未按价目表定价：{ $list } → { $price }
event-printed = { $document }，第 { $copy } 份
event-vehicles-merged = { $plates } 为同一辆车（车牌 { $key }）
event-claim-opened = 建立索赔单 { $claim }（故障件 { $part }）
event-claim-updated = 索赔单 { $claim } { $status }
    .number = {"，索赔单号 "}{ $number }
    .note = {" — "}{ $note }
event-recalls-imported = 导入召回活动：新增 { $added } 条，已有 { $known } 条
event-next-service = 下次保养 { $on }
    .km = {" 或 "}{ $km } km
    .note = {" — 易损件："}{ $note }
event-reminder = 保养提醒电话：{ $reached ->
        [yes] 已联系上
       *[no] 未联系上
    }
    .note = {" — "}{ $note }
