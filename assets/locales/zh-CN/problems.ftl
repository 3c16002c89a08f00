# 一个人给出的值哪里不对（"<字段>：<问题>"）。
problem-decided-needs-reason = { $line } 已经确认：修改时请用 --reason 说明原因
problem-more-than-0-at-most = 须大于 0，且不超过 { $max }
problem-whole-number-from-to = 须为 { $min } 到 { $max } 之间的整数
problem-severity = 须为 1、2 或 3
problem-complaint-step = { $from }的投诉不能改为{ $to }；步骤为 待受理 → 已受理 → 已解决 → 已关闭
problem-empty = 不能为空
problem-control-char = 含有控制字符 U+{ $code }；请用普通文字
problem-invisible-char = 含有不可见字符 U+{ $code }；请去掉它再输入
problem-name-char = 姓名中不能含 U+{ $code }（符号、格式字符或姓名不用的字母）；请去掉它再输入
problem-name-mark = 在另一种文字的字母上带有标记 U+{ $code }；请用一种文字书写姓名
problem-name-scripts = 混用了多种文字（拉丁字母与西里尔或希腊字母，或三种文字），这是仿冒姓名的做法；请用一种文字书写
problem-pin-reset-newer = （{ $name }）设置得比你的早：只有在它之前就设有自己 PIN 的车间主管才能重置（{ $name } 本人可以修改，或请资历更早的车间主管）
problem-pin-reset-not-own = 是 { $by } 替你设置的：重置别人的 PIN 之前，请先设置你自己的 PIN
problem-too-long = 长 { $n } 个字符；最多 { $max } 个
problem-phone-chars = 只能包含数字、空格和 + - ( ) . /
problem-pin-digits = 须为 4 到 12 位数字
problem-between = 须在 { $min } 到 { $max } 之间
problem-between-km = 须在 { $min } 到 { $max } 公里之间
problem-item-mark = “{ $text }”应写成 ID=pass|fail|na
problem-item-result = 未知结果“{ $value }”；可选：pass、fail、na
problem-item-not-na = “{ $item }”不能不适用；请标为合格或不合格
problem-item-twice = “{ $item }”标记了两次
problem-fuel = “{ $text }”不是油量：请按八分之几写，0/8 到 8/8
problem-walkaround-needed = 本店接车须做环车检查：记录油量、损伤、贵重物品或故障灯，或登记客户拒绝（--walkaround-declined，表单“拒绝环检”）
problem-walkaround-both = 不能既记录环车检查又登记客户拒绝：二选一
problem-damage = “{ $text }”：请写明部位和情况，如“前保险杠: 划痕”
problem-above-approved = { $job } 合计 { $total }，比客户确认的 { $approved } 多出 { $above }；请把差额作为项目请客户确认，或由车间主管登记差额（`job adjust`）
hint-items = 检查项：{ $list }
problem-currency-code = “{ $code }”不是货币代码；请用三个字母，如 CNY、EUR、USD
problem-amount-negative = “{ $text }”是负数；金额须为 0 或以上
problem-amount-form = “{ $text }”不是金额；请写成 1280.50 这样
problem-amount-decimals = “{ $text }”的小数位超过 { $code } 的 { $decimals } 位
problem-amount-max = “{ $text }”超过 { $max } { $code }
problem-vin-length = “{ $value }”有 { $n } 个字符；车架号（VIN）为 17 位
problem-vin-char = “{ $value }”含有“{ $char }”；车架号只用 A–Z 和 0–9，不含 I、O、Q
problem-vin-check = “{ $value }”未通过北美校验位（第 9 位为 { $found }，应为 { $expected }）
hint-number-form = 请写成 { $prefix }-123 或 123
problem-give-a-role = 请至少给一个 --role（technician、foreman、qc、advisor、parts）
hint-no-staff-yet = 门店还没有这样的员工；请用 `bayboard staff add` 添加
hint-staff = 员工：{ $list }
hint-which-person = 可能是：{ $list }；请输入全名
hint-bays = 工位：{ $list }
hint-see-jobs = 见 `bayboard job list`
hint-see-lines = 见 `bayboard line list 工单`
hint-see-parts = 见 `bayboard parts list`
hint-see-appointments = 见 `bayboard appt list`
hint-see-complaints = 见 `bayboard complaint list`
hint-see-staff = 见 `bayboard staff list`
problem-phone-needs-name = 留电话时请一并给出客户姓名
problem-odometer-below = { $km } 公里低于 { $plate } 在 { $job } 记录的 { $last } 公里；请核对读数，或用 --odometer-corrected 说明原因后记录
problem-reassign-what = 请给出新的 --bay、新的 --tech，或两者都给
problem-reassign-same = { $job } 已在工位 { $bay }、由技师 { $tech } 负责；无需更改
problem-priority-same = { $job } 已经是{ $priority }
problem-promise-same = { $job } 的承诺交车时间已是该时间，无需变更
problem-call-number = “{ $text }”不是来电编号：请写 T-3
problem-second-followup-days = { $n } 天：二次回访须在首次回访后 0（不做）到 30 天
problem-call-who = 请写明来电人：工单、车牌、来电人或电话
problem-call-unknown = 没有来电 { $call }
problem-call-closed = { $call } 已办结
problem-needs-own-details = { $action }需要单独填写详情
problem-decided-once = { $line } 已由 { $by }{ $decision }（{ $via }，{ $at }）；确认只能做一次
problem-currency-in-use = 已有按 { $currency } 记录的金额；改币种只会换标签、不会换算
problem-pass-with-failed = { $job } 有不合格项（{ $items }），不能通过；请用 `qc fail` 退回返工
problem-fail-needs-item = { $job } 判为不合格时至少要有一个不合格项（--item ID=fail）
problem-more-than-0 = 须大于 0
problem-within-approved = { $job } 合计 { $total } 未超过客户确认的 { $approved }：无需接受差额
problem-more-than-over = 超过了比客户确认多出的 { $over }
problem-washed-already = { $job } 已经洗过车（时间见进度记录）
problem-comeback-of = { $job } 当前为{ $status }，车牌 { $plate }：返修须针对同一辆车已交车的工单
problem-score-needs-reached = 有评分须先联系上客户（--reached yes）
problem-followup-delivered-only = { $job } 当前为{ $status }：回访只针对已交车的工单
problem-followup-done = { $job } 的回访已结束：{ $state }
problem-job-or-plate = 请给出 --job 工单 或 --plate 车牌
problem-appt-arrived = { $appt } 已到店，工单 { $job }
problem-appt-no-show = { $appt } 已记为爽约
problem-appt-cancelled = { $appt } 已取消
problem-appt-other-car = { $appt } 预约的是 { $booked }，不是 { $plate }；接其他车时请不要带 --appointment
problem-appt-needs-time = 请给出时间（--at）
problem-appt-past = 该时间已过；预约须是将来的时间
problem-appt-not-late = { $appt } 还没迟到：过了预约时间 { $minutes } 分钟后才能记爽约
problem-complaint-number = “{ $text }”不是投诉编号（C-12 或 12）
problem-appt-number = “{ $text }”不是预约编号（A-7 或 7）
problem-not-a-day = “{ $text }”不是日期；请写成 2026-11-24
problem-shop-set-what = 请给出 --labour-rate、--currency、--require-pins、--followup-days、--comeback-days、--day-hours 或 --language
problem-time-form = “{ $text }”不是时间；请写成 15:30、12-04 15:30、明天 15:30 或 2026-12-04 15:30
problem-time-missing = “{ $text }”在本地时区不存在；请写成 15:30、12-04 15:30、明天 15:30 或 2026-12-04 15:30
problem-time-far = “{ $text }”在一年以后；请写成 15:30、12-04 15:30、明天 15:30 或 2026-12-04 15:30
problem-unknown-code = 未知的{ $what }“{ $given }”；可选：{ $list }
problem-checklist-toml = 检查单不是有效的 TOML：{ $error }
problem-checklist-empty = 检查单没有任何检查项
problem-checklist-twice = 检查项“{ $item }”出现了两次
problem-self-check-at-finish = 自检由本单技师在完工时签字：job finish JOB --item ID=pass|fail
problem-levels-order = 检验级别须依次为自检、互检、终检（self、peer、final；实际：{ $levels }）
problem-levels-signer = 检验级别“{ $level }”：按岗位签字的级别须列出岗位，自检不列
problem-amount-comma = “{ $text }”中的逗号不是千位分隔符；请写成 1280.50 或 1,280.50
problem-time-leap-second = “{ $text }”是闰秒（第 60 秒）；请写前一秒或后一秒
check-signatures-none = 尚无{ $before ->
        [0] {""}
       *[other] （启用签名前已写入 { $before } 条记录）
    }
check-signatures-verified = { $signed } 条记录已用本店密钥签名，验证通过{ $before ->
        [0] {""}
       *[other] （启用签名前已写入 { $before } 条记录）
    }
check-signatures-no-key = { $signed } 条记录已签名，未验证：本文件旁没有本店密钥（副本的密钥留在原件旁）{ $before ->
        [0] {""}
       *[other] （启用签名前已写入 { $before } 条记录）
    }
check-signatures-unreadable-key = { $signed } 条记录已签名，未验证：无法读取本店密钥（{ $why }）{ $before ->
        [0] {""}
       *[other] （启用签名前已写入 { $before } 条记录）
    }
check-note-spellings = { $plates } 是同一车牌的不同写法：按同一辆车读取（来店记录、拒做项目和返修一并显示）
check-note-vins = 车牌 { $plates } 登记了不止一个 VIN（{ $vins }）：同一车牌下的另一辆车，分开记录
problem-catalogue-hours = 工时“{ $text }”不是 0 到 1000 之间的数
problem-catalogue-bay-kind = “{ $text }”不是工位类型
problem-catalogue-twice = { $code } 在文件中出现两次
problem-catalogue-price = 价格“{ $text }”不是金额
problem-catalogue-column = 没有名为“{ $column }”的列；可用的列：{ $known }
problem-catalogue-missing-column = 缺少“{ $column }”列
problem-catalogue-csv = 不是 CSV：{ $error }
problem-catalogue-code = “{ $text }”不是代码：字母、数字、- _ . /，最多 30 个
problem-catalogue-name = { $column } 为空或过长
problem-catalogue-refused = 有 { $n } 行不合格：未导入任何内容；请修改文件后重新导入
hint-catalogue-list = `bayboard catalogue list` 列出公开价目表
problem-price-needs-reason = 与价目表不同的价格需要 --reason：说明客户为何按此价格付费
problem-printer-name = “{ $name }”不是有效的打印机名称：CUPS 名称不含空格、/、# 或逗号（可用 lpstat -e 查看）
problem-price-negative = 价格不能为负
problem-price-needs-list = --price 用于改动公开价格：请给出 --op 或 --part（自填项目用 --hours 和 --parts-amount）
problem-gate-pass-early = { $job } 还不能开出门证：当前为{ $status }{ $paid ->
        [yes] {""}
       *[no] ，且未登记付款
    }；质检合格并已付款后车辆方可出厂
note-unwashed = 提示：{ $job } 未洗车即交车
note-old-parts-asked = 提示：客户接车时要求带走旧件；请记录旧件去向{ $cli ->
        [yes] （--old-parts returned|disposed）
       *[no] {""}
    }
note-no-payment = 提示：未记录付款方式{ $cli ->
        [yes] （--paid）
       *[no] {""}
    }；出门证需在付款后打印
problem-claim-step = { $claim } 当前为 { $from }：只能改为 { $next }（不能改为 { $to }）
problem-claim-final = { $claim } 已为 { $from }，不能再更改
problem-recall-csv = 无法读取召回文件：{ $error }
problem-recall-columns = 召回文件须有 campaign、title、vin 三列（实际：{ $found }）
problem-recall-unknown-column = 召回文件有无法识别的列：{ $column }
problem-recall-line = 第 { $line } 行：须有活动代码、标题和 17 位 VIN
problem-recall-refused = 未导入：{ $bad } 行有误；第一处：{ $first }
problem-recall-empty = 召回文件没有数据行
problem-campaign-is-warranty = 召回活动由厂家付费：--payer warranty（或不填）
problem-claim-needs-warranty = { $job } 没有索赔或三包项目：请先用 --payer warranty 添加
problem-claim-once = { $job } 已有索赔单：{ $claim }
problem-next-service-km = 须大于当前里程 { $odometer } km
problem-key-tag-taken = 钥匙牌 { $tag } 正挂在 { $job }（未结单）的钥匙上：请换一个钥匙牌
problem-timezone = 本机不认识时区 { $zone }：请用 IANA 名称，如 Asia/Shanghai 或 Europe/London
problem-claim-sent = 本工单的索赔单 { $claim } 现为{ $status }：不能再加入厂家索赔或三包项目（可改为客户付费、善意维修或内部结算）
problem-claim-number = { $claim } 须按厂家索赔单号批准：请填写索赔单号
