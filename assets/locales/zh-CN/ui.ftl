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
ui-in-state = 本状态
ui-due = 承诺交车
ui-clocked-est = 已用/预估
ui-sold = 工时
ui-work = 项目
ui-free = 空闲
ui-closed = 停用
ui-queue = 待派工
ui-technicians = 技师
ui-clocked-sold-eff = { " · 计时 · 工时 · 效率" }
ui-no-staff-yet-add-some-with-bayboard-staff-add = 还没有员工——请用 `bayboard staff add` 添加
ui-who-is-at-this-terminal-type-to-find = 谁在用这台终端？（输入姓名或拼音查找）
ui-bays-title = 工位 { $n } · 空闲 { $free }
ui-parts-title = 备件问题 { $n } 个未结
ui-login-find = 谁在用这台终端？查找：{ $find }{ $found ->
        [none] {"——无人匹配"}
       *[some] {""}
    }
ui-late = 超时
ui-waits = 客户在等
ui-live = 实时
ui-polling = 轮询
ui-deliver = 交车
ui-n-jobs = { $n } 单
ui-severity-plate = { $severity } 级，{ $plate }
ui-complaints-overdue = ! { $n } 个投诉超时：{ $list }
