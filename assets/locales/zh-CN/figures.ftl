## 经营数据：看板的“数据”页和 `bayboard report`

# 数据页显示的时段（t/w/m；[ ] 看更早的）。
figures-period-today = 今日
figures-period-week = 本周
figures-period-30-days = 近 30 天
figures-period-earlier = 上期
figures-range-title = { $period } · { $from } 至 { $to }（{ $n } 天）
figures-reading = {" · "}读取中…
figures-just-read = 刚刚更新
figures-read-ago = { $min } 分钟前读取
figures-more-below = ↓ 下方还有 { $n } 项：↑↓ 滚动

# 与上期相比。$unit：none 为窄格（不写“个百分点”）。
figures-up = ↑ 上升 { $d }{ $unit ->
        [none] {""}
       *[other] {" 个百分点"}
    }
figures-down = ↓ 下降 { $d }{ $unit ->
        [none] {""}
       *[other] {" 个百分点"}
    }
figures-same = {"="} 持平
figures-none-to-count = 无可统计
figures-none-to-count-was = 无可统计（上期 { $was } %）
figures-nothing-before = 上期无数据
figures-none-before = 上期无数据可比
figures-share = { $pct }（{ $count }/{ $of }）
figures-share-none = —（无可统计）
figures-count-of = { $count }/{ $of }

# 投诉等级：报表写全，数据页只写级别。
figures-severity-1 = 1 级（安全、重复故障、法规）
figures-severity-2 = 2 级（维修或保养）
figures-severity-3 = 3 级（其他）
figures-severity = { $level } 级

# 主要指标。
figures-on-time = 准时交车率
figures-qc-first-pass = 一次合格率
figures-level-first-pass = { $level ->
        [self] 自检一次合格率
        [peer] 互检一次合格率
       *[final] 终检一次合格率
    }
figures-levels-head = 一次合格 自检/互检/终检
figures-comebacks = 返修率
figures-followups-reached = 回访接通率
figures-reached = 回访接通率
figures-satisfied = 满意度
figures-target-below = { $value } 未达 { $target }
figures-target-met = { $value } 达标 { $target }

# `bayboard report` 的文本。
figures-report-title = 统计 { $from } 至 { $to }（{ $n } 天）；上期：{ $pfrom } 至 { $pto }
figures-delivered = 交车台次
figures-previous = 上期 { $n }
figures-checkin-to-delivery = 接车→交车
figures-lead-times = 半数 { $p50 } 内 · 九成 { $p90 } 内
figures-lead-times-none = —（无可统计）
figures-target = {"  "}满意度目标 { $target } %：{ $met ->
        [met] 达标
        [missed] 未达标
       *[none] 无评分
    }
figures-wip-now = 当前在修
figures-no-delivery = 本期没有交车
figures-state-hours = 每台交车在各状态的平均时长
figures-technicians = 技师
figures-clocked = 实际工时
figures-sold = 结算工时
figures-efficiency = 工时效率
figures-comebacks-column = 返修
figures-nobody-clocked = {"  "}无人打卡或结算工时
figures-bay-hours = 工位利用率：每天各小时有人打卡的时间占比（%）
figures-bay = 工位
figures-approvals = 增项客户确认
figures-approvals-counts = 提报 { $asked } · 同意 { $approved } · 拒修 { $declined } · 未答复 { $undecided } · 答复用时中位 { $median }
figures-parts-by-kind = 待料时长（按类型）
figures-complaints-recorded = 投诉（按等级）
figures-complaints-counts = 受理 { $opened } · 按期解决 { $ontime } · 超过解决期限 { $overdue } · 未结 { $open }

# `bayboard report` 写到 stderr 的话。
figures-reading-history = 正在读取历史 [{ $bar }] { $pct } %（{ $done }/{ $total } 天）
figures-read-days = 已读取 { $n } 天，用时 { $secs } 秒
figures-clock-sums-built = 已按本店时区逐日重算实际工时（用时 { $secs } 秒，仅此一次）；之后的报表直接读取
figures-from-after-to = --from { $from } 晚于 --to { $to }；起始日须在前
figures-after-today = 注意：时段截至 { $to }，晚于今天（{ $today }）；未来的日子尚无数据

# 数据页的各部分。
figures-per-day = 每日交车
figures-in-all = （共 { $n } 台）
figures-in-all-most = （共 { $n } 台，{ $day } 最多 { $most } 台）
figures-checkin-arrow-delivery = 接车→交车
figures-half-within = 半数在 { $hours } 内
figures-nine-in-ten-within = 九成在 { $hours } 内
figures-half-within-none = 半数：—
figures-nine-in-ten-within-none = 九成：—
figures-delivered-before = 上期交车：{ $n } 台
figures-from-to = {"  "}{ $from } 至 { $to }
figures-hours-in-state = 每台交车在各状态的平均时长
figures-technician = 技师
figures-effic = 工时效率
figures-nobody-clocked-range = 本期无人打卡或结算工时
figures-more-technicians = 另有 { $n } 人（bayboard report 列出全部）
figures-bay-by-hour = 各小时工位利用率
figures-bay-by-hour-what = （该小时内有人打卡的时间占比）
figures-heat-none = 无
figures-heat-under-25 = 25 % 以下
figures-heat-25-50 = 25–50 %
figures-heat-50-75 = 50–75 %
figures-heat-75-over = 75 % 及以上
figures-added-work = 增项客户确认
figures-asked-approved = 提报 { $asked } · 同意 { $approved }
figures-declined-undecided = 拒修 { $declined } · 未答复 { $undecided }
figures-median-decision = 答复用时中位数 { $hours }
figures-parts-waiting = 待料时长
figures-no-parts-wait = 没有工单待料
figures-complaints-resolve-by = 投诉（对照解决期限）
figures-complaints-row = { $name }：受理 { $opened } · 按时 { $ontime } ·{" "}
figures-complaints-overdue = 超解决期限 { $n }
figures-complaints-open = {" · "}未结 { $n }

# 已是最新时段时按 ]（由 `tui/update/actions/dashboard.rs` 提示）。
figures-latest-range = 已是最新时段：截至今天
