# 看板自己的文字：标题、列名、登录界面。普通词的 id 是 `ui-` 加上英文（`words::ui`）。
ui-board = 看板
ui-my-work = 我的工单
ui-parts = 备件
ui-qc = 质检
ui-approvals = 待确认
ui-today = 今日
ui-follow-up = 回访
ui-complaints = 投诉
ui-dashboard = 数据
ui-bay = 工位
ui-plate = 车牌
ui-vehicle = 车辆
ui-job = 工单
ui-technician = 技师
ui-status = 状态
ui-in-state = 状态时长
ui-due = 承诺交车
ui-clocked-est = 实际/预估
ui-sold = 结算工时
ui-work = 维修项目
ui-free = 空闲
ui-closed = 停用
ui-queue = 待派工
ui-technicians = 技师
ui-clocked-sold-eff = { " · 实际工时 · 结算工时 · 效率" }
ui-no-staff-yet-add-some-with-bayboard-staff-add = 还没有员工——请用 `bayboard staff add` 添加
ui-who-is-at-this-terminal-type-to-find = 请选择登录人员（输入姓名或拼音查找）
ui-bays-title = 工位 { $n } · 空闲 { $free }
ui-parts-title = 备件问题 { $n } 个未结
ui-login-find = 请选择登录人员 · 查找：{ $find }{ $found ->
        [none] {"（无人匹配）"}
       *[some] {""}
    }
ui-late = 超时
ui-waits = 等候
ui-mark-waits = 客等
ui-live = 实时
ui-polling = 轮询
ui-deliver = 待交车
ui-n-jobs = { $n } 单
ui-severity-plate = （{ $severity } 级，{ $plate }）
ui-complaints-overdue = ! { $n } 个投诉超时：{ $list }
ui-keys-any-key-closes = 按键 · 按任意键关闭
ui-in-state-how-long-a-job-has-been-in-its-status-clocked-est-hours-on-the-clock = 状态时长：工单处于当前状态的时长。已用/预估：计时工时
ui-against-the-estimate-sold-flat-rate-hours-of-its-work = 与预估工时之比。工时：项目的标准工时。
ui-only-the-keys-your-roles-allow-are-offered-the-footer-shows-them = 仅显示你岗位可用的按键（见底栏）。
ui-changes-from-other-terminals-appear-by-themselves = 其他终端的更改会自动显示。
ui-quit = 退出？
ui-the-form-has-unsaved-input-quit-anyway-y-n = 表单有未保存的内容。仍要退出？y / n
ui-close-the-form = 关闭表单？
ui-it-holds-input-that-would-be-lost-close-anyway-y-n = 已填写的内容会丢失。仍要关闭？y / n
ui-self-check-done-send-it-to-qc-only-qc-sends-it-back-y-n = 自检完成：送质检？只有质检员能退回。y / n
ui-free-the-bay-the-car-goes-to-the-lot-the-job-keeps-its-place-y-n = 移出工位（车辆移至停车区）？工单保留排队顺序。y / n
ui-record-the-booking-as-a-no-show-the-car-can-then-only-be-checked-in-anew-y-n = 把预约记为爽约？之后此车只能重新接车。y / n
ui-mark-this-parts-issue-resolved-it-cannot-be-reopened-y-n = 把此备件问题标为已解决？之后不能重开。y / n
ui-cancel-this-parts-issue-it-cannot-be-reopened-y-n = 取消此备件问题？之后不能重开。y / n
ui-confirm-deliver = 交车 { $job }
ui-confirm-finish = 完工 { $job }
ui-confirm-release = 空出 { $job } 的工位
ui-confirm-resolve = 解决 { $issue }
ui-confirm-cancel-issue = 取消 { $issue }
ui-confirm-complaint = 将 { $complaint } 标为{ $to }
ui-confirm-no-show = { $appt } 没有来
ui-no-job-for-you-right-now = 你现在没有工单。
ui-the-foreman-dispatches-the-next-one-it-appears-here-at-once = 车间主管派下一单后，会立即显示在这里。
ui-current-job = 当前工单
ui-priority = 优先级
ui-no-bay = —（无工位）
ui-customer-waiting-on-site = 客户在店等候
ui-return-old-parts-keep-them-for-the-customer = 旧件交还客户：请保留旧件
ui-clocked = 实际工时
ui-clocked-estimate = 实际/预估
ui-rework-found = 返工 ×{ $n } — 质检员 { $inspector } 发现：
ui-parts-here-s-to-resume = 备件到了 — 按 s 继续
ui-work-order-line-space-done-w-found-work-tab-your-jobs = 委托项目（↑↓ 选项目 · 空格 完工 · w 增项 · Tab 我的工单）
ui-work-order-tab-to-move-over-the-lines = 委托项目（按 Tab 在项目间移动）
ui-for-duration = 已持续 { $d }
ui-rework = 返工
ui-qc-title = { $peer ->
        [0] {""}
       *[other] 待互检 { $peer } ·{" "}
    }待终检 { $qc } · 待交车 { $ready }
ui-issue = 单号
ui-part = 备件
ui-blocks = 影响
ui-eta = 预计到货
ui-kind = 类型
ui-age = 时长
ui-logged-by = 登记人
ui-no = 否
ui-terminal-too-small = 终端窗口太小
ui-enlarge-the-window-or-press-q-to-quit = 请放大窗口，或按 q 退出
ui-database-file-replaced-reopen = 数据库文件已被替换 — 请重新打开
ui-not-logged-in = 未登录
ui-arrival-walk-around = { $appt } 到店：环车检查
ui-check-a-vehicle-in = 接车登记
ui-complaint = 故障描述
ui-make = 品牌
ui-model = 车型
ui-customer = 客户姓名
ui-phone = 联系电话
ui-promised = 交车时间
ui-odometer = 里程
ui-fuel = 油量
ui-damages = 外观损伤
ui-valuables = 贵重物品
ui-warnings = 故障灯
ui-old-parts = 旧件
ui-the-customer-waits-on-site = 客户在店等候
ui-the-customer-wants-the-old-parts = 客户要带走旧件
ui-declined = 拒绝环检
ui-the-customer-declined-the-walk-around = 客户拒绝环车检查
ui-approve = 客户同意
ui-decline = 客户拒修
ui-how = 确认方式
ui-note = 备注
ui-p-phone-i-in-person-m-message = p 电话 · i 当面 · m 短信
ui-what = 内容
ui-urgency = 紧急程度
ui-hours = 工时
ui-blocking = 停工待料
ui-s-safety-o-soon-a-advisory = s 安全隐患 · o 近期维修 · a 建议
ui-yes-i-cannot-go-on-until-the-customer-decides = 是 — 客户确认前无法继续
ui-no-i-carry-on-with-the-rest = 否 — 我先做其他项目
ui-found-work-on = { $job } 的增项
ui-reassign = 改派
ui-dispatch = 派工
ui-find = 查找
ui-busy = 忙
ui-n-assigned = 已派 { $n } 单
ui-quantity = 数量
ui-log-parts-on = 登记 { $job } 的备件问题
ui-yes-the-job-waits-for-this-part = 是 — 停工待料
ui-pin-for = { $name }的 PIN 码
ui-to-log-in = 用于登录
ui-sign-qc-of = 签字质检 { $job }
ui-your-pin-signs-the-inspection = 你的 PIN 即质检签字
ui-type-your-pin-then = 请输入 PIN，再按 ⏎
ui-cancel-job = 取消 { $job }
ui-reason = 原因
ui-required-at-most = 必填，最多 { $max } 个字
ui-issue-ordered = { $issue } 已订货
ui-15-30-2026-11-24-10-00-or-empty = 15:30、2026-11-24 10:00 或留空
ui-followup-reached = { $job } 回访：已接通
ui-followup-missed = { $job } 回访：未接通
ui-score = 评分
ui-the-score-1-5-then-a-comment-4-happy-with-the-brakes = 先写评分 1–5，再写评价：4 刹车修得满意
ui-optional-voicemail-wrong-number = 选填：无人接听、关机、空号……
ui-priority-of = { $job } 的优先级
ui-waiting-for-the-customer = 待客户确认
ui-no-found-work-waits-for-a-customer-s-decision = 没有等待客户确认的增项。
ui-when-a-technician-adds-some-it-appears-here-at-once = 技师添加增项后，会立即显示在这里。
ui-price = 价格
ui-line = 项目
ui-waiting = 已等
ui-overbooked = {" 超负荷"}
ui-load = 负荷
ui-today-title = 今日预约 { $n }
ui-followups-title = 待回访 { $n }
ui-out = 交车后
ui-tries = 次数
ui-complaints-title = 投诉 { $n } 个未结
ui-respond-by = 受理期限
ui-reply = 受理
ui-resolve-by = 解决期限
ui-fix = 解决
ui-to-close = 待关闭
ui-overdue = 超时
ui-sev = 级别
ui-no-bookings-for-today = 今天没有预约。
ui-book-with-bayboard-appt-new = 用 `bayboard appt new` 预约。
ui-no-follow-up-call-is-due = 没有到期的回访。
ui-delivered-cars-fall-due-after-the-shop-s-follow-up-days = 交车后到了门店规定的回访天数才到期。
ui-no-open-complaint = 没有未结的投诉。
ui-record-one-with-bayboard-complaint-new = 用 `bayboard complaint new` 登记。
ui-road-test-km-how-far-was-it-driven = 路试公里数：开了多远？
ui-road-km-range = 路试公里数：大于 0，最多 { $max }
ui-road-km = 路试公里
ui-verdict-fail = 不合格，返工项：{ $items }
ui-verdict-todo = 暂不能签字：还有 { $n } 项必检未检查
ui-pass-every-required-item-pass-or-n-a = 合格 — 所有必检项合格或不适用
ui-sign-off = 签字
ui-items-unmarked = 还有 { $n } 个必检项未标记：每项按 p 合格、f 不合格、n 不适用
ui-bays = 工位
ui-section-no-bay = 无工位
ui-working = 正在做
ui-hours-today = 今日
ui-ready-for-delivery = 待交车
ui-comeback = 返修
ui-comeback-of = 原工单 { $job }{ $has_tech ->
        [yes] {"（技师 "}{ $tech }）
       *[no] {""}
    }
ui-came-back = 又来返修
ui-came-back-as = 工单 { $jobs }
ui-waiting-on-site = 在店等候
ui-hand-over = 交车
ui-my-jobs = 我的工单
ui-job-details = 工单详情
ui-everywhere = 通用
ui-my-work-bay-terminal = 我的工单（工位终端）
done-act = { $job } { $what ->
        [started] 已开工
        [resumed] 已继续
        [paused] 已暂停
        [finished] 自检完成：待质检
        [released] 已移出工位 — 按 `a` 可重新分配工位
        [delivered] 已交车
       *[other] { $what }
    }
done-cancelled = { $job } 已取消
done-arrived = { $appt } 已到店：{ $job } { $plate } 进入待派工队列
done-checked-in = { $job } 接车完成：{ $plate } — 待派工
done-comeback-of = {" · "}返修，原工单 { $job }
done-more-declined = {"（另有 "}{ $n } 项，见详情）
done-dispatched = { $job } 已派工：{ $bay } · { $tech }
done-qc-passed = { $job } 质检合格 — 工位已空出，待交车
done-qc-failed = { $job } 退回返工：{ $items }
done-peer-passed = { $job } 互检合格，转终检
done-peer-failed = { $job } 互检不合格，退回返工：{ $items }
done-self-check-passed = { $job } 自检完成 — { $status }
done-self-check-failed = { $job } 继续维修 — 自检发现：{ $items }
done-line-added = { $line } { $work } 已加入 { $job }{ $held ->
        [yes] {" — "}工单等待客户确认
       *[no] {" — "}由服务顾问联系客户
    }
done-line-decided = { $line } { $work } { $customer }{ $decision ->
        [approved] 同意
       *[declined] 拒修
    }；{ $job } 现为{ $status }
done-line-marked = { $line } { $work } { $done ->
        [yes] 已完工 — 再按空格重开
       *[no] 已重开
    }
done-no-show = { $appt } { $plate } 已记为爽约
done-parts-logged = { $issue } 已登记到 { $job }{ $blocking ->
        [yes] {" — "}停工待料
       *[no] {""}
    }
done-parts-ordered = { $issue } 已订货
done-parts-cancelled = { $issue } 已取消
done-priority = { $job } 优先级改为{ $priority }
done-reassigned = { $job } 已改派：{ $bay } · { $tech }
ui-eta-passed = 已过预计到货时间
ui-after-the-promised-time = 晚于承诺交车
ui-open-over-a-day = 超过一天未处理
ui-bay-taken-by = { $kind } · 占用：{ $job }
ui-bay-free-fits = { $kind } · 空闲 · 合适
ui-bay-free = { $kind } · 空闲
ui-bay-free-misfit = ! 不适合{ $want } · { $kind } · 空闲
ui-mark-blocking = ⛔ 停工待料
ui-person-roles = { $name }（{ $roles }）
ui-load-of = {" · "}{ $used }/{ $of } h
ui-waited = 已等 { $d }
## A job in full (`job show`, the board's details)
detail-state = { $job }  { $symbol } { $status }  已持续 { $for }  （第 { $version } 版）
detail-unreadable = ⚠ 数据库中无法读取：{ $fields }（在 bayboard 之外被改动；请运行 `bayboard check`）
detail-followup = { $state }（{ $due } 到期）{ $score ->
        [none] {""}
       *[other] ，满意度 { $score }/5
    }{ $missed ->
        [0] {""}
       *[other] ，未接通 { $missed } 次
    }
detail-washed = 已洗车 { $at }
detail-key-tag = 钥匙牌 { $tag }
detail-spot = 停放于 { $spot }
detail-paid = 已付款：{ $how }
detail-old-parts = 旧件{ $what }
detail-accepted = { $by } 同意 { $amount }：{ $reason }
detail-estimate-accepted = 估价（客户已确认）：{ $amount }
detail-promise = 优先级 { $priority }   承诺交车 { $promised }   预估 { $estimate }   实际工时 { $clocked } h{ $over ->
        [yes] {" "}— 超出预估
       *[no] {""}
    }
detail-people = 工位 { $bay }   技师 { $tech }   返工 ×{ $rework }
detail-parts = 备件问题
detail-blocking = ⛔ 停工待料
detail-eta = 预计到货 { $at }
detail-qc = 检验记录（自检、互检、终检）
detail-road-km = 路试 { $km } km
detail-road-done = 已路试
detail-road-none = 未路试
detail-item-failed = ✗ 不合格
detail-item-na = – 不适用
detail-note = 备注：{ $note }
detail-timeline = 进度记录
detail-work-order = 维修项目  结算工时 { $hours } h · 已确认 { $total }
detail-decided = 客户 { $by }{ $via }{ $approved ->
        [yes] 同意
       *[no] 拒绝
    }，{ $at }
detail-declined-before = 以往拒做项目
detail-declined = { $at } 在 { $job } 拒做{ $by }：{ $work }{ $urgency }
detail-by = （{ $who }）
detail-fuel = 油量 { $eighths }/8
detail-valuables = 贵重物品：{ $what }
detail-warning-lights = 故障灯：{ $what }
detail-return-old-parts = 旧件交还客户
detail-walkaround = 环车检查 { $facts }（{ $by }，{ $at }）
detail-walkaround-declined = 客户拒绝
detail-damage = {"  "}损伤   { $place }：{ $what }
## Why a key did nothing
why-not-this-row = { $what }：不适用于所选行
why-not-no-job = { $what }：请先选择工单（↑↓，Tab 切换面板）
why-not-state = { $job } 当前为{ $status }：{ $what }需要工单处于 { $states }
why-not-lines-to-do = { $job }：还有 { $n } 项未完工，请先逐项标记完工（空格）
why-not-found-work-waits = { $job }：增项待客户确认
why-not-someone-elses = { $job } 不是你的工单{ $has_tech ->
        [yes] （技师 { $tech }）
       *[no] {""}
    }
why-not-not-now = { $what }：{ $job } 现在不能操作
done-parts-now = { $issue } { $part } 现为{ $status }
ui-item-not-na = “{ $item }”不能选不适用：请标合格或不合格
ui-required = 必检
ui-optional = 选检
ui-missed-calls = 未接通 { $n } 次
ui-at-bay = 工位 { $bay }
ui-yes = 是
ui-details = 详情
ui-space = 空格
ui-check-in-hint = 车牌、故障描述必填 · 承诺交车 15:30 · 油量 3/8 · 损伤：保险杠：划痕；…
ui-qc-inspection = 质检
ui-self-check = 自检
ui-peer-check = 互检
ui-open-parts-issues = 未结备件问题
ui-load-ahead = 未来负荷
ui-any-key = 任意键
ui-complaint-overdue-line = 投诉超时：{ $complaint } { $severity } 级 { $plate } — { $late }（负责人 { $owner }）
ui-unreadable-table = 无法读取，显示为空：{ $table } — 请运行 `bayboard check`
ui-ready = 待检
ui-labour = 工时费
ui-total = 合计
ui-estimate-accepted-at-reception = 估价（客户已确认）
ui-approved-by-the-customer = 客户已确认
inv-title = 结算单 { $job }
inv-accepted = { $by } 同意：{ $reason }
inv-above = 超出已确认金额 { $amount }：客户确认或同意前不能交车
inv-rates = 工时单价 { $rates }/小时。金额单位：{ $currency ->
        [CNY] 元
       *[other] { $currency }
    }。
ui-shop-settings =
    店名         { $shop }
    币种         { $currency }
    工时单价     { $rate }/结算工时
    PIN 要求     { $pins }
    回访         交车后 { $followup } 天
    二次回访     { $second ->
        [0] 不做
       *[other] 首次回访接通后 { $second } 天
    }
    返修         { $comeback } 天内回厂算返修
    日工时       每名技师 { $hours } h
    环车检查     { $walkaround ->
        [required] 每次接车必须做（或登记客户拒绝）
       *[optional] 可选
    }
    互检         { $peer ->
        [on] 开启：终检前由另一名技师或班组长检查
       *[off] 关闭
    }
    语言         { $language ->
        [zh-CN] 简体中文 (zh-CN)
        [en] 英语 (en)
       *[other] 各终端自选
    }
    打印机       { $nprinters ->
        [0] 未设置：使用 CUPS 默认打印机
       *[other] { $printers }（第一台为默认）
    }
    时区         { $timezone ->
        [none] 各终端自选（TZ）
       *[other] { $timezone }{ $zoneknown ->
            [no] （本机不认识：本终端按自身 TZ）
           *[yes] （所有终端）
        }
    }
    {""}
ui-locked-until = 锁定至 { $at }
shop-zone-recorded = 时区 { $zone }（取自本机）：所有终端按此显示本店日期和时间
    更改：`bayboard shop set --timezone <时区>`
shop-zone-unknown = 注意：本机不认识本店时区 { $zone }；本终端改按自身时区（TZ）显示时间
shop-zone-not-recorded = 时区：未记录（本机 TZ 不是可识别的时区名），各终端按自身时区显示
    请用 `bayboard shop set --timezone <时区>` 指定，如 Asia/Shanghai
ui-comebacks-n = 返修 { $n }
done-bay-added = 已添加工位 { $bay }（{ $kind }）
done-staff-added = 已添加 { $name }（{ $roles }）
done-pin = { $name } 的 PIN { $cleared ->
        [yes] 已清除
       *[no] 已设置
    }
done-unlocked = { $name } 已解锁
ui-due-on = { $day } 到期
ui-low-score-complaint = 已登记投诉 { $complaint }（2 级），关于 { $job }：满意度 { $score }/5
ui-respond-by-at = { $at } 前受理
ui-resolve-by-at = { $at } 前解决
ui-severity-n = { $n } 级
ui-load-line = 负荷：预约 { $booked } h + 在修结算 { $open } h，可用 { $available } h（{ $percent } %）
ui-appt-taken-as = 预约时间 { $typed } 记为 { $at }（{ $today ->
        [yes] 今天
       *[no] 明天
    }）
## bayboard check and verify
check-summary =
    完整性：{ $integrity }
    工单 { $jobs } 张，记录 { $events } 条
    记录链末端：{ $has_head ->
        [yes] { $head }
       *[no] （尚无记录）
    }
    签名：{ $signatures }
check-problem = 问题：{ $problem }
check-rules-ok = 规则：正常
check-verify-summary =
    备份末端：{ $backup }
    现文件末端：{ $live }
    签名：{ $signatures }
check-verify-ok = 现文件完整保留了备份中的每条记录，未被改动，其后的记录也没有伪造
ui-waiting-for = 已等 { $for }
ui-no-customer-on-record = 无客户记录
ui-find-a-job = 查找工单
ui-number-plate-phone-or-name-pinyin-too = 工单号、车牌、电话或姓名（可用拼音）
ui-find-count = { $n ->
        [0] 看板上没有符合的工单
       *[other] 符合 { $n } 张
    }
ui-find-nothing = 看板上没有符合“{ $text }”的工单；`bayboard job find` 可查所有来店记录
ui-not-your-view = { $view } 不在你的视图中；你的视图：{ $yours }
## The wall
wall-waiting-for-db = 等待数据库：{ $why }
wall-reading = 正在读取看板…
wall-live = 实时
wall-reconnecting = 重新连接中… { $for }
wall-page = 第 { $page }/{ $pages } 页
wall-late-by = 超时 { $by }（承诺 { $due }）
wall-due = 承诺交车 { $due }
wall-no-promise = 未定交车时间
wall-in-state = 状态时长 { $for }
wall-customer-waiting = 客户在店等候
wall-waits = 客等
wall-none = 无
wall-more = 另有 { $n } 台
wall-waiting-what = { $what ->
        [parts] 待料
       *[approval] 待确认
    }{ $wide ->
        [yes] {" "}已等
       *[no] {""}
    } { $for }
wall-ready = { $spot ->
        [none] {""}
       *[other] { $spot }{" · "}
    }{ $tag ->
        [none] {""}
       *[other] 钥匙牌 { $tag }{" · "}
    }已等 { $for }{ $due ->
        [none] {""}
       *[other] {" · "}承诺 { $due }
    }
wall-next-up = 待派工
wall-waiting-long = 待料 / 待客户确认
wall-waiting-short = 等待中
wall-ready-for-qc = 待检验（互检/终检）
wall-ready-long = 待交车
wall-ready-short = 待交车
wall-whats-next = 接下来
check-note = 提示：{ $note }
## clap's own words, for --help in another language
help-clap-template = {"{"}before-help{"}"}{"{"}about-with-newline{"}"}
    用法：{"{"}usage{"}"}
    {""}
    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-clap-help = 显示帮助
help-clap-version = 显示版本
help-clap-options = 选项
help-clap-arguments = 参数
help-clap-commands = 命令
ui-mark-pass = 合格
ui-mark-fail = 不合格
ui-mark-na = 不适用
ui-sign-off-is = 签字：
ui-must-be-whole-kilometres-like-45800 = 须为整数公里，如 45800
done-followup-reached = { $job } 已回访，已接通
done-followup-missed = { $job } 回访未接通（第 { $misses } 次，共 { $tries } 次）{ $unreachable ->
        [yes] ：无法联系
       *[no] {""}
    }
done-followup-complaint = ；已生成 2 级投诉 { $complaint }
done-adjusted = { $job }：合计 { $total }，已确认 { $approved }
check-ok = 正常
inv-col-line = 序号
inv-col-work = 维修项目
inv-col-hours = 工时
inv-col-labour = 工时费
inv-col-parts = 材料费
inv-col-price = 小计
ui-cannot-read-file = 无法读取 { $file }：{ $error }
done-catalogue-imported = 新增 { $added } 条，变更 { $changed } 条，未变 { $unchanged } 条
ui-catalogue-row = 第 { $line } 行：{ $why }
ui-catalogue-csv-which = --csv 一次列出一个文件的内容：请加 --ops 或 --parts
ui-labour-operations = 工时项目
ui-catalogue-parts = 备件
inv-off-list = 价目表价格 { $list }；已改价：{ $reason }
## Documents (bayboard print)
doc-title-ro = 委托书
doc-title-card = 派工单
doc-title-added = 增项确认单
doc-title-settlement = 结算单
doc-title-gate = 出门证
doc-copy = 第 { $copy } 份 · 打印于 { $at }
doc-customer = 客户
doc-vehicle = 车辆
doc-odometer = 里程
doc-checked-in = 接车
doc-promised = 交车时间
doc-col-line = 序号
doc-col-work = 维修项目
doc-col-hours = 工时
doc-col-price = 金额
doc-date-line = 日期 ____________
doc-estimate = 估价（客户已确认）
doc-ro-consent = 客户委托本店按上列项目及价格维修；增项须经客户同意后方可施工。
doc-sign-customer = 客户签字
doc-sign-advisor = 服务顾问
doc-sign-technician = 技师（自检）
doc-sign-qc = 质检员
doc-sign-guard = 门卫
doc-sign-declined = 客户签字（拒做）
doc-bay = 工位
doc-technician = 技师
doc-priority = 优先级
doc-complaint = 故障描述
doc-declined-by = { $by } 拒做
doc-approved-by = { $by } 同意
doc-undecided = 待客户确认
doc-added-consent = 客户对上列各项按所标同意或拒做。
doc-declined-safety = 客户拒做的安全隐患项目
doc-qc-passed = 质检合格
doc-paid = 已付款
doc-gate-note = 车辆已质检合格并已付款，准予出厂。
doc-page = 第 { $page }/{ $pages } 页
done-pdf-written = 已写入 { $file }（{ $bytes } 字节）
ui-pdf-no-font = 本机没有可用于 PDF 的中文字体：请安装（Debian：apt-get install fonts-noto-cjk）
ui-pdf-failed = 无法生成 PDF：{ $why }
ui-cannot-write-file = 无法写入 { $file }：{ $error }
done-printed = { $default ->
        [yes] 已发送到 CUPS 默认打印机
       *[no] 已发送到打印机 { $printer }
    }
ui-no-lp = 本机没有可用于打印的 `lp`：请安装 CUPS（Debian：apt-get install cups-client）
ui-printer-refused = 打印机 { $printer } 未接受：{ $why }
ui-op-reading = 正在读取价目表…
ui-op-first-match = ⏎ 选择 { $price } · { $hours } h · { $op }{ $more ->
        [0] {""}
       *[other] {" "}（另有 { $more } 项，请继续输入）
    }
ui-op-no-match = 价目表中没有与“{ $find }”相符的工时项目
ui-op-none-taken = 输入代码或名称（可用拼音）：⏎ 选择，⌫ 撤销
ui-op-taken = { $many ->
        [yes] 工时估价 { $total } · { $hours } h：{ $names }
       *[no] 标准价 { $total } · { $hours } h
    }
ui-operation = 工时项目
ui-cannot-read-price-list = 无法读取价目表：{ $why }
ui-from-the-price-list = 按价目表
ui-print-where = 选择打印机 · { $job } { $document }
ui-default = 默认
ui-printed-doc = { $job } { $document }（第 { $copy } 份）{ $sent }
why-not-role = { $what }由{ $roles }操作
why-not-no-key = { $key } 在此无作用：按 ? 查看本页按键
doc-vin = 车架号
ui-op-pending = 已输入“{ $find }”但未选择：按 ⏎ 选择第一个匹配项，或清除
ui-delivered = { $job } 已交车
ui-washed = { $job } 已洗车
ui-paid = 付款方式
ui-not-recorded = 未记录
ui-not-said = 未说明
ui-gate-pass = 出门证
ui-print-it-once-delivered = 交车后打印
ui-waits-for-the-payment = 需先记录付款
ui-gate-pass-printed = 出门证{ $sent }
ui-gate-pass-not-printed = 出门证未打印：{ $why }
wall-no-bay = 无工位{ $wide ->
        [yes] {" "}· { $status }
       *[no] {""}
    } { $for }
ui-customer-decided = { $jobs }：客户已对增项作出决定（见维修项目）；按 s 继续施工
done-promised = {" · "}承诺交车 { $day ->
        [today] 今天 { $when }
       *[other] { $when }（非今天）
    }
ui-move-promise = 变更 { $job } 交车时间
ui-the-new-time-then-why-tomorrow-10-00-parts-late = 新时间，再写原因：明天 10:00 配件晚到
ui-write-why-after-the-time-parts-late = 请在时间后写明变更原因，如：配件晚到
ui-promises-moved-title = 今日交车时间变更 { $n } — 请致电告知客户
ui-promise-moved-row = { $job } { $plate } { $who } → { $at }：{ $reason }（{ $by }）
ui-call-incoming = { $call } · { $who } · 来电：{ $about }{ $p ->
        [no] {""}
       *[yes] {" · "}承诺：{ $promised }
    }{ $d ->
        [no] {""}
       *[yes] {" · "}{ $due } 前{ $late ->
            [1] {" "}! 已超时
           *[other] {""}
        }
    }
ui-call-second-followup = { $call } · 二次回访 · { $who } · { $due } 到期{ $late ->
        [1] {" "}! 已超时
       *[other] {""}
    }
ui-call-closed-note = {" · "}{ $by } 办结：{ $note }
ui-calls-title = 待回复来电 { $n }
ui-log-call = 客户来电：{ $job }
ui-call = 来电
ui-outcome = 处理结果
ui-by-when-then-what-they-asked-16-00-is-the-car-ready = 先写何时前回复，再写客户问了什么：16:00 问车修好没有
ui-close-call = 办结 { $call }
ui-what-was-done-called-back-parts-due-friday = 处理结果：已回电，配件周五到
ui-write-what-the-customer-asked = 请写明客户问了什么
ui-write-what-was-done = 请写明处理结果
done-call-logged = 已登记来电 { $call }：办结前一直列在“回访”视图
done-call-closed = 来电 { $call } 已办结
cli-time-taken = { $field } { $text } 按{ $day ->
        [today] 今天
       *[other] 明天
    }（{ $shown }）计
cli-time-past = 注意：{ $field } { $shown } 已经过去
ui-time-already-past = { $typed } 已经过去；再按 Enter 保留，或修改
ui-log-in-as = 以 { $name } 的身份登录？再按 ⏎ 确认（未设 PIN）
ui-failed-last-time = ✗ 上次不合格{ $has ->
        [yes] ：{ $note }
       *[no] {""}
    }
ui-complaint-step-hint = { $to ->
        [acknowledged] 可选：告知客户的内容
       *[other] 必填：处理措施及客户的意见
    }
ui-complaint-step-needs-note = 请填写处理情况：投诉记录会保留
ui-start-with-the-customer-s-score-1-to-5-then-a-comment = 请先填客户评分 1–5，再写意见
ui-parts-in = 备件{ $currency ->
        [CNY] 金额
       *[other] { $currency }
    }
ui-work-head = 维修项目：
ui-qc-passed = { $job } 终检合格；工位已释放，可交车
ui-qc-failed = { $job } 终检不合格（第 { $rework } 次返工）：{ $items }
ui-peer-passed = { $job } 互检合格；转终检
ui-peer-failed = { $job } 互检不合格（第 { $rework } 次返工）：{ $items }
ui-self-check-passed = { $job } 自检完成：{ $status }
ui-self-check-failed = { $job } 自检发现 { $items }：继续维修，处理后再完工
ui-handed-over-inside = { $job } 停放于 { $spot }，已交服务顾问
ui-handed-over-inside-keys = { $job } 停放于 { $spot }，钥匙牌 { $tag }，已交服务顾问
ui-ready-title = 待交车 { $n } — 停车位、钥匙牌
ui-ready-row = { $job } { $plate } · { $spot } · 钥匙牌 { $tag } · { $who } { $phone }
ui-not-handed-over = 未内部交车
ui-hand-over-inside = { $job } 内部交车
ui-spot = 车位
ui-where-the-car-is-parked-p-12 = 车停在哪个车位：P-12
ui-write-where-the-car-is-parked = 请填写停车位
done-handed-over-inside = { $job } 停放于 { $spot }，已交服务顾问
ui-key-tag = 钥匙牌
ui-not-charged-to-the-customer = 不向客户收费
inv-part-tag = 旧件挂签 { $tag }
ui-claim-line = { $claim } { $job } { $plate } { $status }{ $number ->
        [none] {""}
       *[other] {" "}{ $number }
    }
ui-no-claims = 本月没有索赔单
ui-month-format = 不是月份：{ $value }（格式 YYYY-MM，例如 2026-11）
ui-recall-done = 已在 { $job } 完成
ui-recall-open = 未完成
ui-recalls-imported = 新增召回记录 { $added } 条，已有 { $known } 条
ui-recall-flag = ⚠ 未完成召回 { $campaign }：{ $title }
ui-recall = 召回
ui-none-due = 暂无需要保养提醒的车辆
ui-reminder-logged = 已登记 { $job } 的保养提醒电话
ui-next-service = 下次保养：{ $on }{ $km ->
        [none] {""}
       *[other] {" "}或 { $km } km
    }（{ $job } 设定）
ui-wear-note = 易损件：{ $note }
ui-no-next-service-set-yet = 未设置下次保养
ui-recall-done-line = 召回 { $campaign }：{ $title } — 已在 { $job } 完成
ui-visits = 历次进厂
ui-odometer-lower-than-before = {" "}⚠ 里程低于上次
ui-comeback-of-short = （{ $job } 返修）
ui-due-line = { $plate }  { $who } { $phone }  { $on }{ $km ->
        [none] {""}
       *[other] {" "}或 { $km } km
    } 到期（{ $job }）
ui-final-inspection-qc = 终检
ui-service-due-title = 本周保养到期 { $n } — 请电话提醒客户
ui-next-on = 下次保养
ui-next-km = 保养里程
ui-wear = 易损件
ui-write-it-as-a-whole-number-of-km = 请填整数公里数
ui-no-odometer-read = 未录入里程
ui-pads-4-mm-tyres-3-mm = 如：刹车片剩 4 mm，胎纹剩 3 mm
ui-a-later-day-like = 须晚于今天，如 { $example }
ui-next-service-default = { $on }（按保养周期）
ui-next-km-default = { $km } km（按保养周期）
ui-who-pays = 付费方
ui-reminder-reached = 保养提醒：已接通 — { $job }
ui-reminder-missed = 保养提醒：未接通 — { $job }
ui-optional-booked-for-tuesday-9-00 = 选填：已约周二 9:00
ui-vehicle-file-title = { $plate } · 车辆档案
ui-claims-title = 索赔 — 待索赔 { $to_claim } · 未结索赔 { $claims }
ui-to-claim-line = { $job }  { $plate }  { $lines } 项索赔项目 — 尚未建索赔单
ui-desk-claim-line = { $claim }  { $job }  { $plate }  { $status }{ $number ->
        [none] {""}
       *[other] {" "}索赔单号 { $number }
    }  故障件 { $part }
ui-symptom = 故障现象
ui-cause = 故障原因
ui-repair = 维修措施
ui-part-no = 索赔件号
ui-next-state = 下一状态
ui-claim-no = 索赔单号
ui-new-claim = 新建索赔单 — { $job }
ui-move-claim = 索赔单 { $claim }（{ $status }）
ui-claim-opened = 已为 { $job } 建索赔单 { $claim }
ui-claim-moved = 索赔单 { $claim } 现为{ $status }
ui-check-in-recall = ⚠ 未完成召回 { $campaign } — 请本次一并处理：
ui-more-fields-below = {"   "}↓ 下面还有 { $n } 行（Tab 继续）
ui-parked-key = 停车位 · 钥匙牌
ui-claim-moved-elsewhere = { $claim } 已在别处更新：现为{ $status }
ui-claim-final = { $claim } 现为{ $status }，无需再处理
ui-state = 状态
