<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About ReviewDesk</source>
        <translation>关于评查工作台</translation>
    </message>
    <message>
        <source>ReviewDesk {version}</source>
        <translation>评查工作台 {version}</translation>
    </message>
    <message>
        <source>Workstation for law-enforcement supervision case review. Works offline; all data stays encrypted in the workspace folder.</source>
        <translation>执法监督案件评查工作站。离线运行；所有数据均加密保存在工作区文件夹中。</translation>
    </message>
    <message>
        <source>Third-party software and licences:</source>
        <translation>第三方软件及其许可：</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add account</source>
        <translation>添加账户</translation>
    </message>
    <message>
        <source>letters and digits, e.g. zhanghua</source>
        <translation>字母和数字，例如 zhanghua</translation>
    </message>
    <message>
        <source>e.g. Zhang Hua</source>
        <translation>例如：张华</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>至少 8 位</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>角色(&amp;O)：</translation>
    </message>
    <message>
        <source>Initial &amp;password:</source>
        <translation>初始密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>再次输入密码(&amp;R)：</translation>
    </message>
    <message>
        <source>Give the person the user name and initial password in person, and ask them to change the password at their first log-in (menu File → Change my password).</source>
        <translation>请当面将用户名和初始密码告知本人，并请其首次登录后立即修改密码（菜单“文件 → 修改我的密码”）。</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Adding the account…</source>
        <translation>正在添加账户…</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Administrator account</source>
        <translation>管理员账户</translation>
    </message>
    <message>
        <source>The administrator (the organising office) adds the other accounts later. Choose a password of at least 8 characters that others cannot guess.</source>
        <translation>管理员（组织单位）稍后再添加其他账户。请设置一个至少 8 位、他人难以猜到的密码。</translation>
    </message>
    <message>
        <source>Create workspace</source>
        <translation>创建工作区</translation>
    </message>
    <message>
        <source>e.g. Liu Jianguo</source>
        <translation>例如：刘建国</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>再次输入密码(&amp;R)：</translation>
    </message>
    <message>
        <source>User names use letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (for example admin or liu.jg).</source>
        <translation>用户名由字母、数字或“. _ -”组成（例如 admin 或 liu.jg）。</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Enter a password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>The two passwords differ. Type them again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
    <message>
        <source>Creating the encrypted workspace…</source>
        <translation>正在创建加密工作区…</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>The workspace in this folder is incomplete (setup was interrupted or a file was removed). Restore it from a backup, or press Change… to choose another folder.</source>
        <translation>此文件夹中的工作区不完整（初始化中断或文件被删除）。请从备份恢复，或点击“更改…”选择其他文件夹。</translation>
    </message>
    <message>
        <source>Restoring the workspace from {name}…</source>
        <translation>正在从 {name} 恢复工作区…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>The workspace now holds the data of the backup {name}. The data it replaced were moved into a folder named &quot;replaced-…&quot; in the workspace folder.</source>
        <translation>工作区现在是备份 {name} 中的数据。被替换的原数据已移到工作区文件夹中名为“replaced-…”的文件夹里，没有删除。</translation>
    </message>
    <message>
        <source>The restore did not take place: {reason} Log in again to go on working.</source>
        <translation>恢复未进行：{reason} 请重新登录，继续工作。</translation>
    </message>
</context>
<context>
    <name>AssignmentPage</name>
    <message>
        <source>empty: a new random seed</source>
        <translation>留空则随机生成</translation>
    </message>
    <message>
        <source>The same seed with the same cases and experts gives the same panels.</source>
        <translation>相同的随机种子、相同的案件和专家，分组结果完全相同。</translation>
    </message>
    <message>
        <source>&amp;Choose cases…</source>
        <translation>选择案件(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Draw panels (preview)</source>
        <translation>分组预览(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Save these panels</source>
        <translation>保存分组(&amp;S)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <source>&amp;Replace (recusal)…</source>
        <translation>回避替换(&amp;R)…</translation>
    </message>
    <message>
        <source>C&amp;hange member…</source>
        <translation>调整成员(&amp;H)…</translation>
    </message>
    <message>
        <source>Record a recusal &amp;matter…</source>
        <translation>登记回避事项(&amp;M)…</translation>
    </message>
    <message>
        <source>C&amp;onfirm recusal…</source>
        <translation>确认回避(&amp;O)…</translation>
    </message>
    <message>
        <source>C&amp;lear…</source>
        <translation>排除疑点(&amp;L)…</translation>
    </message>
    <message>
        <source>Experts who may not sit on this case, and why. A name-only match waits for your decision: confirm it (the expert is excluded) or clear it (the expert may sit). Every decision is logged.</source>
        <translation>不得参加本案评查的专家及原因。仅姓名相同的情形需要您决定：确认回避（该专家被排除）或排除疑点（该专家可以参加）。每项决定都记入日志。</translation>
    </message>
    <message>
        <source>Panel</source>
        <translation>评查组</translation>
    </message>
    <message>
        <source>Recusal</source>
        <translation>回避情况</translation>
    </message>
    <message>
        <source>Panels</source>
        <translation>评查分组</translation>
    </message>
    <message>
        <source>Choose the cases of the campaign, then draw a panel for each: nobody with a conflict sits on a panel, at most one member comes from a unit, at least one member knows the case type, and loads stay even. Check the draw, then save it.</source>
        <translation>先选定本次评查的案件，再为每件案件抽取评查组：有回避情形的专家一律不入组，同一单位至多一人，至少一名成员具备该案件类型的专长，各专家分案数量均衡。核对预览后再保存。</translation>
    </message>
    <message>
        <source>No cases are chosen for this campaign yet. Press “Choose cases…” to draw or pick them.</source>
        <translation>本活动尚未选定案件。请点击“选择案件…”抽取或指定案件。</translation>
    </message>
    <message>
        <source>{cases} cases chosen; no panels saved yet. Press “Draw panels” to see a draw.</source>
        <translation>已选定 {cases} 件案件，尚未保存评查组。请点击“分组预览”查看分组结果。</translation>
    </message>
    <message>
        <source>{cases} cases chosen; {panels} panels saved.</source>
        <translation>已选定 {cases} 件案件，已保存 {panels} 个评查组。</translation>
    </message>
    <message>
        <source>Handlers with interests in a party (for the office to look into): {flags}</source>
        <translation>与当事人存在利益关联的原办案人员（供组织方核查）：{flags}</translation>
    </message>
    <message>
        <source>Drawing panels…</source>
        <translation>正在分组…</translation>
    </message>
    <message>
        <source>Preview (not saved): {cases} cases, seed {seed}.</source>
        <translation>预览（尚未保存）：共 {cases} 件案件，随机种子 {seed}。</translation>
    </message>
    <message>
        <source>{n} cases have no full panel; select them to see why.</source>
        <translation>{n} 件案件未能组成完整评查组，选中该案件可查看原因。</translation>
    </message>
    <message>
        <source>Impossible, proven by the solver: {reason}</source>
        <translation>求解器已证明不可能：{reason}</translation>
    </message>
    <message>
        <source>Not proven: the exact search reached its time limit. This is the best draw it found, but a draw meeting more requirements or with more even loads may exist.</source>
        <translation>未经证明：精确求解已达时限。这是找到的最佳分案方案，但可能存在满足更多要求或分案更均衡的方案。</translation>
    </message>
    <message>
        <source>Save the {n} panels on screen? Panels saved earlier for this campaign are replaced.</source>
        <translation>保存屏幕上的 {n} 个评查组？本活动此前保存的评查组将被替换。</translation>
    </message>
    <message>
        <source>{n} cases stay without a full panel; you can staff them by hand afterwards.</source>
        <translation>{n} 件案件仍无完整评查组，保存后可手工调整。</translation>
    </message>
    <message>
        <source>Save panels</source>
        <translation>保存评查组</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>{case}: {expert} — {evidence}</source>
        <translation>{case}：{expert} — {evidence}</translation>
    </message>
    <message>
        <source>… and {n} more.</source>
        <translation>……另有 {n} 项。</translation>
    </message>
    <message>
        <source>{n} recusal findings are still awaiting your decision. Until you confirm or clear them, these experts stay off these cases (the draw left them out):</source>
        <translation>有 {n} 项回避情形尚待决定。在您确认回避或排除疑点之前，下列专家不会分到这些案件（本次分组已把他们排除在外）：</translation>
    </message>
    <message>
        <source>Saving panels…</source>
        <translation>正在保存评查组…</translation>
    </message>
    <message>
        <source>Panels saved. Every member was checked for conflicts again before saving.</source>
        <translation>评查组已保存。保存前已对每名成员重新进行回避审查。</translation>
    </message>
    <message>
        <source>Replace a member</source>
        <translation>替换成员</translation>
    </message>
    <message>
        <source>{name} leaves the panel of case {case}; the best backup who is still free of conflicts takes the place.</source>
        <translation>{name} 退出案件 {case} 的评查组，由排名最前且无回避情形的候补专家递补。</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Change a member</source>
        <translation>调整成员</translation>
    </message>
    <message>
        <source>Put another expert in place of {name} on the panel of case {case}. The expert is checked for conflicts and the one-per-unit rule first.</source>
        <translation>在案件 {case} 的评查组中以其他专家替换 {name}。系统会先审查该专家的回避情形和“同一单位至多一人”规则。</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Expert to put in:</source>
        <translation>替换为：</translation>
    </message>
    <message>
        <source>Panel of case {case} changed; the change and its reason are on record.</source>
        <translation>案件 {case} 的评查组已调整，调整情况及理由已记录。</translation>
    </message>
    <message>
        <source>Confirm recusal</source>
        <translation>确认回避</translation>
    </message>
    <message>
        <source>Clear the finding</source>
        <translation>排除疑点</translation>
    </message>
    <message>
        <source>{name} will not sit on case {case}.</source>
        <translation>{name} 将不参加案件 {case} 的评查。</translation>
    </message>
    <message>
        <source>{name} may sit on case {case} despite this finding.</source>
        <translation>排除疑点后，{name} 可以参加案件 {case} 的评查。</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>排除</translation>
    </message>
    <message>
        <source>Recorded. Draw the panels again, or replace the member, for it to count.</source>
        <translation>已登记。请重新分组或替换相关成员，使其生效。</translation>
    </message>
    <message>
        <source>Decision recorded. Draw the panels again for it to count.</source>
        <translation>决定已记录。请重新分组，使该决定生效。</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>its content was changed</source>
        <translation>内容被修改</translation>
    </message>
    <message>
        <source>its details were changed</source>
        <translation>详情被修改</translation>
    </message>
    <message>
        <source>it was replaced or moved</source>
        <translation>记录被替换或调换了顺序</translation>
    </message>
    <message>
        <source>the newest entries were removed</source>
        <translation>最新的记录被删除</translation>
    </message>
    <message>
        <source>an entry is missing</source>
        <translation>有记录缺失</translation>
    </message>
    <message>
        <source>the record of the log&apos;s end does not match</source>
        <translation>日志末条记录与登记的不符</translation>
    </message>
    <message>
        <source>it does not match a signed checkpoint</source>
        <translation>与已签名的检查点不符</translation>
    </message>
    <message>
        <source>user name, e.g. admin</source>
        <translation>用户名，例如 admin</translation>
    </message>
    <message>
        <source>word in the object or details</source>
        <translation>对象或详情中的文字</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>查询(&amp;S)</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>清除条件(&amp;L)</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>操作类型：</translation>
    </message>
    <message>
        <source>Contains:</source>
        <translation>包含文字：</translation>
    </message>
    <message>
        <source>&amp;Verify integrity</source>
        <translation>校验完整性(&amp;V)</translation>
    </message>
    <message>
        <source>Recompute the chain of every entry and check the signed checkpoints</source>
        <translation>重新计算每条记录的哈希链，并核对已签名的检查点</translation>
    </message>
    <message>
        <source>Make &amp;checkpoint</source>
        <translation>生成检查点(&amp;C)</translation>
    </message>
    <message>
        <source>Sign the current length and end of the log with this workstation&apos;s key</source>
        <translation>用本工作站的密钥对日志当前的条数和末条记录签名</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Every log-in, lock and change is recorded here, newest first. The entries are chained by hashes, so a change to any of them is detected by Verify integrity.</source>
        <translation>每一次登录、锁定和修改都记录在此，最新的在前。各条记录以哈希值前后相连，任何一条被改动，“校验完整性”都能发现。</translation>
    </message>
    <message>
        <source>{count} entries</source>
        <translation>共 {count} 条</translation>
    </message>
    <message>
        <source>Verifying the audit log…</source>
        <translation>正在校验审计日志…</translation>
    </message>
    <message>
        <source>The audit log is intact: {entries} entries, {checkpoints} signed checkpoints checked.</source>
        <translation>审计日志完整：已校验 {entries} 条记录和 {checkpoints} 个签名检查点。</translation>
    </message>
    <message>
        <source>The audit log has been tampered with or damaged at entry {seq}: {reason}. Entries before it are intact. Do not change anything; tell the organising office and keep a copy of the workspace folder as evidence.</source>
        <translation>审计日志在第 {seq} 条记录处被篡改或损坏：{reason}。此前的记录完好。请不要做任何改动，立即报告组织单位，并保留工作区文件夹的副本作为证据。</translation>
    </message>
    <message>
        <source>Making a checkpoint…</source>
        <translation>正在生成检查点…</translation>
    </message>
    <message>
        <source>Checkpoint made: the first {size} entries are now signed (key {key}).</source>
        <translation>已生成检查点：前 {size} 条记录已签名（密钥 {key}）。</translation>
    </message>
</context>
<context>
    <name>BackupBox</name>
    <message>
        <source>Backup and restore</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>立即备份(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>A backup is one encrypted file (.rdbak) holding all the data of this workspace. Make one at the end of each working day and keep it on a USB stick stored apart from this computer.</source>
        <translation>备份是一个加密文件（.rdbak），包含本工作区的全部数据。建议每天工作结束时备份一次，存到 U 盘上，U 盘与这台电脑分开保管。</translation>
    </message>
    <message>
        <source>Save the backup as</source>
        <translation>备份保存为</translation>
    </message>
    <message>
        <source>ReviewDesk backups (*.rdbak)</source>
        <translation>评查工作台备份文件 (*.rdbak)</translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation>正在写入备份…</translation>
    </message>
    <message>
        <source>Backup saved: {path} ({size:.1f} MB). Keep it in a safe place.</source>
        <translation>备份已保存：{path}（{size:.1f} MB）。请妥善保管。</translation>
    </message>
    <message>
        <source>Choose the backup to restore</source>
        <translation>选择要恢复的备份</translation>
    </message>
    <message>
        <source>Restoring replaces ALL data of this workspace ({folder}) with the backup made on {when}: every case, score sheet, conclusion, opinion, account and audit entry since then is replaced by the state of that day. The current data are not deleted: they are moved aside into a folder named &quot;replaced-…&quot; inside the workspace folder.</source>
        <translation>恢复会用 {when} 做的备份替换本工作区（{folder}）的全部数据：此后的案件、评分表、合议结论、意见书、账户和审计记录，都会回到那一天的状态。现在的数据不会删除，而是移到工作区文件夹中名为“replaced-…”的文件夹里。</translation>
    </message>
    <message>
        <source>an unknown date</source>
        <translation>（日期不明）</translation>
    </message>
    <message>
        <source>Careful: this backup was made from ANOTHER workspace, not from this one.</source>
        <translation>请注意：这个备份来自另一个工作区，不是本工作区的备份。</translation>
    </message>
    <message>
        <source>Restore from a backup?</source>
        <translation>从备份恢复？</translation>
    </message>
    <message>
        <source>Continue…</source>
        <translation>继续…</translation>
    </message>
    <message>
        <source>Really replace the data?</source>
        <translation>确实要替换数据吗？</translation>
    </message>
    <message>
        <source>Last question: replace the data of this workspace with the backup of {when}? Work done after that moment will no longer be in the workspace.</source>
        <translation>最后确认：用 {when} 的备份替换本工作区的数据吗？那以后做的工作将不再保留在工作区中。</translation>
    </message>
    <message>
        <source>Replace with the backup</source>
        <translation>用备份替换</translation>
    </message>
    <message>
        <source>Password in the backup</source>
        <translation>备份中的密码</translation>
    </message>
    <message>
        <source>Your password as it was when the backup was made (user {user}). The workspace closes while it is restored and opens again by itself:</source>
        <translation>请输入做备份时您的密码（用户 {user}）。恢复期间工作区会关闭，恢复完成后自动重新打开：</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>No password given: nothing was restored.</source>
        <translation>没有输入密码，未做恢复。</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
</context>
<context>
    <name>CampaignCombo</name>
    <message>
        <source>Campaign:</source>
        <translation>评查活动：</translation>
    </message>
</context>
<context>
    <name>CampaignStage</name>
    <message>
        <source>Planning</source>
        <translation>筹备中</translation>
    </message>
    <message>
        <source>{cases} cases chosen, panels not drawn yet</source>
        <translation>已抽取 {cases} 件案件，尚未分组</translation>
    </message>
    <message>
        <source>All {cases} cases concluded</source>
        <translation>{cases} 件案件已全部合议</translation>
    </message>
    <message>
        <source>Under review ({concluded} of {cases} cases concluded)</source>
        <translation>评查中（已合议 {concluded}/{cases} 件）</translation>
    </message>
</context>
<context>
    <name>CampaignsModel</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>评查活动</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Regional exclusion</source>
        <translation>地域回避</translation>
    </message>
    <message>
        <source>Experts per panel</source>
        <translation>每组专家人数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>CaseDetailPane</name>
    <message>
        <source>Case details</source>
        <translation>案件信息</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>卷号</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <source>Documents of the case</source>
        <translation>案件文件</translation>
    </message>
    <message>
        <source>&amp;Open document</source>
        <translation>打开文件(&amp;O)</translation>
    </message>
    <message>
        <source>Set &amp;volume…</source>
        <translation>设置卷号(&amp;V)…</translation>
    </message>
    <message>
        <source>Which volume (卷) of the case file the document belongs to; the opinion counts the file&apos;s volumes and pages</source>
        <translation>该材料属于卷宗的第几卷；评查意见书按卷宗的卷数和页数统计</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>卷宗文件</translation>
    </message>
    <message>
        <source>Select a case in the list to see its data and documents.</source>
        <translation>在列表中选择一个案件，即可查看其信息和卷宗文件。</translation>
    </message>
    <message>
        <source>No volume given: counted in volume 1</source>
        <translation>未标注卷号：计入第1卷</translation>
    </message>
    <message>
        <source>A scan without a text layer: it can be viewed, but full-text search does not find its words.</source>
        <translation>扫描件，没有文字层：可以查看，但全文检索查不到其中的文字。</translation>
    </message>
    <message>
        <source>Documents ({n})</source>
        <translation>卷宗文件（{n} 份）</translation>
    </message>
    <message>
        <source>not closed</source>
        <translation>未结案</translation>
    </message>
    <message>
        <source>{count} petitions, first {first}, last {last}</source>
        <translation>{count} 次，首次 {first}，最近 {last}</translation>
    </message>
    <message>
        <source>Case ID</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>案由</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Handling unit</source>
        <translation>办案单位</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区划</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>评查活动</translation>
    </message>
    <message>
        <source>Petitions</source>
        <translation>信访情况</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>案情摘要</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Handlers</source>
        <translation>办案人员</translation>
    </message>
    <message>
        <source>ID {number}</source>
        <translation>身份证号 {number}</translation>
    </message>
    <message>
        <source>counsel: {names}</source>
        <translation>代理人：{names}</translation>
    </message>
</context>
<context>
    <name>CaseLabels</name>
    <message>
        <source>Criminal</source>
        <translation>刑事</translation>
    </message>
    <message>
        <source>Civil</source>
        <translation>民事</translation>
    </message>
    <message>
        <source>Administrative</source>
        <translation>行政</translation>
    </message>
    <message>
        <source>Enforcement</source>
        <translation>执行</translation>
    </message>
    <message>
        <source>Public security</source>
        <translation>治安</translation>
    </message>
    <message>
        <source>Petition</source>
        <translation>信访</translation>
    </message>
    <message>
        <source>Long unenforced</source>
        <translation>长期未执结</translation>
    </message>
    <message>
        <source>Unresolved</source>
        <translation>化解不掉</translation>
    </message>
    <message>
        <source>Repeated petitions</source>
        <translation>反复信访</translation>
    </message>
    <message>
        <source>Petition-related</source>
        <translation>涉信访</translation>
    </message>
    <message>
        <source>Text searchable</source>
        <translation>可全文检索</translation>
    </message>
    <message>
        <source>Scanned (no text layer)</source>
        <translation>扫描件（无文字层）</translation>
    </message>
    <message>
        <source>Text recognised (OCR)</source>
        <translation>已识别文字（OCR）</translation>
    </message>
    <message>
        <source>No text (not searchable)</source>
        <translation>无文字（不可检索）</translation>
    </message>
    <message>
        <source>Too large to index</source>
        <translation>文件过大，未建索引</translation>
    </message>
    <message>
        <source>Text could not be read</source>
        <translation>文字无法读取</translation>
    </message>
    <message>
        <source>Not yet read</source>
        <translation>尚未读取</translation>
    </message>
    <message>
        <source>Word document</source>
        <translation>Word 文档</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Image ({kind})</source>
        <translation>图片（{kind}）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Filing</source>
        <translation>立案</translation>
    </message>
    <message>
        <source>Investigation</source>
        <translation>侦查</translation>
    </message>
    <message>
        <source>Prosecution</source>
        <translation>审查起诉</translation>
    </message>
    <message>
        <source>Trial</source>
        <translation>审理</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>person</source>
        <translation>自然人</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>单位</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Case ID</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Case name</source>
        <translation>案件名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Handling unit</source>
        <translation>办案单位</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区划</translation>
    </message>
    <message>
        <source>Petitions</source>
        <translation>信访次数</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Click to sort by this column; click again to reverse</source>
        <translation>单击按此列排序，再次单击反向排序</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>&amp;Import package…</source>
        <translation>导入数据包(&amp;I)…</translation>
    </message>
    <message>
        <source>Import a case package (.rdpkg) sent by a reviewed unit</source>
        <translation>导入被评查单位报送的案件数据包（.rdpkg）</translation>
    </message>
    <message>
        <source>Auditors check the audit log and do not see case data. Use the Audit log page to review what was done with the cases.</source>
        <translation>审计员查看审计日志，不查看案件内容。如需了解对案件做过哪些操作，请打开“审计日志”页面。</translation>
    </message>
    <message>
        <source>Case list</source>
        <translation>案件列表</translation>
    </message>
    <message>
        <source>Search names, case numbers and document text (at least 1 character)</source>
        <translation>检索姓名、案号和卷宗文字（至少 1 个字）</translation>
    </message>
    <message>
        <source>Full-text search</source>
        <translation>全文检索</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>检索(&amp;S)</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>检索结果</translation>
    </message>
    <message>
        <source>Type a word and press Enter. Double-click a result to open it.</source>
        <translation>输入词语后按回车。双击结果即可打开。</translation>
    </message>
    <message>
        <source>e.g. 62 or 6201</source>
        <translation>如 62 或 6201</translation>
    </message>
    <message>
        <source>Start of the region code: 2 digits for a province, 4 for a prefecture, 6 for a county</source>
        <translation>行政区划代码的开头：省 2 位，市（州）4 位，县（区）6 位</translation>
    </message>
    <message>
        <source>Cases with at least one petition</source>
        <translation>至少有过一次信访的案件</translation>
    </message>
    <message>
        <source>part of the case number or name</source>
        <translation>案号或案件名称中的文字</translation>
    </message>
    <message>
        <source>C&amp;lear filter</source>
        <translation>清除筛选(&amp;L)</translation>
    </message>
    <message>
        <source>Campai&amp;gn:</source>
        <translation>评查活动(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>办案单位(&amp;U)：</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>类型(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>区划(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Contains:</source>
        <translation>包含(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Full text:</source>
        <translation>全文检索(&amp;F)：</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>全部评查活动</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>{count} cases</source>
        <translation>共 {count} 件</translation>
    </message>
    <message>
        <source>No case matches the filter. Press Clear filter to see all cases.</source>
        <translation>没有符合筛选条件的案件。按“清除筛选”可查看全部案件。</translation>
    </message>
    <message>
        <source>No cases yet. Press “Import package…” to import the packages the units sent.</source>
        <translation>还没有案件。请按“导入数据包…”导入各单位报送的数据包。</translation>
    </message>
    <message>
        <source>You see the cases of the review panels you sit on. You are on no panel yet.</source>
        <translation>您只能看到所在评查组的案件。您目前尚未被分入任何评查组。</translation>
    </message>
    <message>
        <source>No cases have been imported yet.</source>
        <translation>尚未导入任何案件。</translation>
    </message>
    <message>
        <source>Volume of the document</source>
        <translation>材料卷号</translation>
    </message>
    <message>
        <source>Volume (卷) of the case file:</source>
        <translation>所属卷宗卷号：</translation>
    </message>
    <message>
        <source>The document is now in volume {n}.</source>
        <translation>该材料已设为第{n}卷。</translation>
    </message>
    <message>
        <source>{n} results for “{text}” (at most 50). Double-click or press Enter to open.</source>
        <translation>“{text}”共检索到 {n} 条结果（最多显示 50 条）。双击或按回车打开。</translation>
    </message>
    <message>
        <source>Nothing found for “{text}”. Scanned documents without a text layer cannot be searched.</source>
        <translation>没有找到“{text}”。没有文字层的扫描件无法检索。</translation>
    </message>
    <message>
        <source>［Case］ case details</source>
        <translation>［案件］案件信息</translation>
    </message>
    <message>
        <source>［Document］ {title}, page {page}</source>
        <translation>［文件］{title}，第 {page} 页</translation>
    </message>
    <message>
        <source>［Document］ {title}</source>
        <translation>［文件］{title}</translation>
    </message>
    <message>
        <source>Double-click to open the document at this page, with the words marked</source>
        <translation>双击打开文件，直接翻到这一页，查找的词用黄色标出</translation>
    </message>
    <message>
        <source>Double-click to open the case</source>
        <translation>双击打开这件案件</translation>
    </message>
    <message>
        <source>The package&apos;s cases are in campaign {campaign}; the list now shows every campaign.</source>
        <translation>数据包中的案件属于评查活动 {campaign}，列表已改为显示全部评查活动。</translation>
    </message>
</context>
<context>
    <name>CategoryStatsModel</name>
    <message>
        <source>Problem category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件数</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>问题数</translation>
    </message>
    <message>
        <source>Share of concluded cases</source>
        <translation>占已合议案件比例</translation>
    </message>
</context>
<context>
    <name>CertifyDialog</name>
    <message>
        <source>Recusal statement</source>
        <translation>回避声明</translation>
    </message>
    <message>
        <source>I confirm that none of the above grounds for recusal applies to me</source>
        <translation>本人确认不存在上述应当回避的情形</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>I have a ground for recusal</source>
        <translation>我有应回避情形</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Case: {case}</source>
        <translation>案件：{case}</translation>
    </message>
    <message>
        <source>Do not score this case. Tell the coordinator (the organising office) about the ground for recusal; the office records it and replaces you on the panel. Nothing has been recorded here.</source>
        <translation>请不要评查本案。请将应回避的情形告知组织单位（协调人），由其记录并调整评查组成员。本系统未作任何记录。</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>至少 8 位</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>当前密码(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Repeat new password:</source>
        <translation>再次输入新密码(&amp;R)：</translation>
    </message>
    <message>
        <source>Your account {user}. After the change, log in with the new password.</source>
        <translation>您的账户：{user}。修改后请使用新密码登录。</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>请输入当前密码。</translation>
    </message>
    <message>
        <source>Changing the password…</source>
        <translation>正在修改密码…</translation>
    </message>
</context>
<context>
    <name>CodePage</name>
    <message>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <source>If every administrator password is forgotten, this code is the only way back into the workspace. It is shown this once and cannot be displayed again.</source>
        <translation>如果所有管理员密码都遗忘了，只有凭此恢复码才能重新进入工作区。恢复码只显示这一次，之后无法再次查看。</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>I have printed or written down the recovery code and stored it safely</source>
        <translation>我已打印或抄写恢复码，并已妥善保管</translation>
    </message>
    <message>
        <source>Print it or copy it by hand onto paper, and keep it in a locked cabinet apart from this computer. Do not save it in a file, e-mail or chat message: anyone with the code and a copy of the workspace can open it.</source>
        <translation>请打印或手工抄写在纸上，与本计算机分开、锁在文件柜中保管。不要保存在文件、电子邮件或聊天消息中：任何人只要有恢复码和工作区副本，就能打开工作区。</translation>
    </message>
    <message>
        <source>Print the recovery code</source>
        <translation>打印恢复码</translation>
    </message>
</context>
<context>
    <name>CollisionTab</name>
    <message>
        <source>Officers of the reviewed units against the business registry extract. Identity-number matches are hits; name-only matches are leads to confirm or clear with a reason.</source>
        <translation>将被评查单位干警名单与市场监管部门提供的企业登记信息进行碰撞比对。身份证号一致的为命中；仅姓名一致的为线索，须核实后认定或排除，并写明理由。</translation>
    </message>
    <message>
        <source>Import officers roster…</source>
        <translation>导入干警名单…</translation>
    </message>
    <message>
        <source>Import registry extract…</source>
        <translation>导入登记信息…</translation>
    </message>
    <message>
        <source>Start collision</source>
        <translation>开始碰撞</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Confirm or clear…</source>
        <translation>认定或排除…</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>To check</source>
        <translation>待核实</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已认定</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>已排除</translation>
    </message>
    <message>
        <source>Exempt</source>
        <translation>不计入</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>{unit}: {officers} officers screened, {confirmed} confirmed, {pending} to check, {cleared} cleared, {exempt} exempt</source>
        <translation>{unit}：排查干警 {officers} 人，已认定 {confirmed} 条，待核实 {pending} 条，已排除 {cleared} 条，不计入 {exempt} 条</translation>
    </message>
    <message>
        <source>No officers roster imported for this campaign yet.</source>
        <translation>本评查活动尚未导入干警名单。</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>Officers roster</source>
        <translation>干警名单</translation>
    </message>
    <message>
        <source>Registry extract</source>
        <translation>企业登记信息</translation>
    </message>
    <message>
        <source>Excel workbook or CSV (*.xlsx *.csv)</source>
        <translation>Excel 工作簿或 CSV 文件 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Officers roster imported: {n} officers.</source>
        <translation>已导入干警名单：{n} 人。</translation>
    </message>
    <message>
        <source>Registry extract imported: {c} companies, {p} person rows. Start the collision again.</source>
        <translation>已导入企业登记信息：企业 {c} 户，人员 {p} 行。请重新开始碰撞。</translation>
    </message>
    <message>
        <source>Collision done: {hits} identity-number hits, {leads} name leads ({pending} to check).</source>
        <translation>碰撞完成：身份证号命中 {hits} 条，姓名线索 {leads} 条（待核实 {pending} 条）。</translation>
    </message>
    <message>
        <source>{n} rows read</source>
        <translation>已读取 {n} 行</translation>
    </message>
    <message>
        <source>Confirm or clear</source>
        <translation>认定或排除</translation>
    </message>
    <message>
        <source>{officer} — {situation}. Found by: {basis}; evidence: {evidence}.</source>
        <translation>{officer}——{situation}。比对方式：{basis}；证据：{evidence}。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Confirm: it is this officer</source>
        <translation>认定：确系本人</translation>
    </message>
    <message>
        <source>Clear: not this officer, or permitted</source>
        <translation>排除：非本人，或属允许情形</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>认定结果：</translation>
    </message>
    <message>
        <source>Decision saved.</source>
        <translation>已保存认定结果。</translation>
    </message>
</context>
<context>
    <name>ConclusionDialog</name>
    <message>
        <source>Record the panel&apos;s conclusion</source>
        <translation>记录合议结论</translation>
    </message>
    <message>
        <source>required when the grade differs from the computed one</source>
        <translation>等次与计算结果不同时必填</translation>
    </message>
    <message>
        <source>Keep the member&apos;s veto (the case gets the lowest grade)</source>
        <translation>采纳成员的一票否决意见（案件评为最低等次）</translation>
    </message>
    <message>
        <source>Category *</source>
        <translation>问题类别 *</translation>
    </message>
    <message>
        <source>Description *</source>
        <translation>问题描述 *</translation>
    </message>
    <message>
        <source>Evidence (volume, page) *</source>
        <translation>证据出处（卷×第×页）*</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>评查项</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>扣分</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>扣分理由</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据出处</translation>
    </message>
    <message>
        <source>veto</source>
        <translation>否决</translation>
    </message>
    <message>
        <source>Make a problem from the selected &amp;deductions</source>
        <translation>由所选扣分形成问题(&amp;D)</translation>
    </message>
    <message>
        <source>Rests on</source>
        <translation>所依据的扣分</translation>
    </message>
    <message>
        <source>Reason if no deduction</source>
        <translation>无扣分依据的理由</translation>
    </message>
    <message>
        <source>Backs referral</source>
        <translation>移送依据</translation>
    </message>
    <message>
        <source>&amp;Add problem</source>
        <translation>添加问题(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;move problem</source>
        <translation>删除问题(&amp;M)</translation>
    </message>
    <message>
        <source>required when the members&apos; grades differ or a veto is not kept</source>
        <translation>成员等次不一致或未采纳一票否决意见时必填</translation>
    </message>
    <message>
        <source>Send back for correction</source>
        <translation>退回整改</translation>
    </message>
    <message>
        <source>required for “no problem” while members&apos; substantive deductions stand</source>
        <translation>成员评分表中有实体扣分时，结论为无问题须填写</translation>
    </message>
    <message>
        <source>&amp;Grade:</source>
        <translation>等次(&amp;G)：</translation>
    </message>
    <message>
        <source>Reason for the change:</source>
        <translation>改判理由：</translation>
    </message>
    <message>
        <source>&amp;Outcome: *</source>
        <translation>评查结论(&amp;O)：*</translation>
    </message>
    <message>
        <source>Reason for no problem:</source>
        <translation>无问题的理由：</translation>
    </message>
    <message>
        <source>The members&apos; deductions (select some to make a problem resting on them):</source>
        <translation>成员的扣分（选中后可据以形成问题）：</translation>
    </message>
    <message>
        <source>Problems found (required for a wrong or flawed case):</source>
        <translation>发现的问题（错案、瑕疵案必填）：</translation>
    </message>
    <message>
        <source>&amp;Majority view: *</source>
        <translation>多数意见(&amp;M)：*</translation>
    </message>
    <message>
        <source>M&amp;inority view:</source>
        <translation>少数意见(&amp;I)：</translation>
    </message>
    <message>
        <source>Correction &amp;deadline:</source>
        <translation>整改期限(&amp;D)：</translation>
    </message>
    <message>
        <source>Reason for the &amp;referral:</source>
        <translation>移送理由(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Save the conclusion</source>
        <translation>保存合议结论(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Conclusion of case {case}</source>
        <translation>案件 {case} 的合议结论</translation>
    </message>
    <message>
        <source>M&amp;inority view: *</source>
        <translation>少数意见(&amp;I)：*</translation>
    </message>
    <message>
        <source>Consolidated score {score} ({rule}); computed grade: {grade}</source>
        <translation>综合得分 {score}（{rule}）；计算等次：{grade}</translation>
    </message>
    <message>
        <source>Suggest referring a lead</source>
        <translation>建议移送线索</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>平均分</translation>
    </message>
    <message>
        <source>median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>Reason for the change: *</source>
        <translation>改判理由：*</translation>
    </message>
    <message>
        <source>Reason for no problem: *</source>
        <translation>无问题的理由：*</translation>
    </message>
    <message>
        <source>{count} substantive deductions stand on the members&apos; sheets</source>
        <translation>成员评分表中有 {count} 处实体扣分</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>(no deduction)</source>
        <translation>（无扣分依据）</translation>
    </message>
    <message>
        <source>Saving the conclusion…</source>
        <translation>正在保存合议结论…</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>ReviewDesk — unexpected error</source>
        <translation>评查工作台 — 意外错误</translation>
    </message>
    <message>
        <source>(no log file could be written)</source>
        <translation>（无法写入日志文件）</translation>
    </message>
    <message>
        <source>Something unexpected went wrong ({kind}) and the step you were doing did not finish.

Nothing was saved half-way: every change is saved whole or not at all, so your data is as it was before the step.

The details are in the log file:
{path}

You can go on working. If it happens again, note the time and give the log file to your system administrator (it holds no case data).</source>
        <translation>程序发生了意外错误（{kind}），刚才的操作没有完成。

没有任何内容被保存了一半：每项更改要么完整保存，要么完全不保存，数据仍是这一步之前的样子。

详细情况记录在日志文件中：
{path}

您可以继续工作。如果再次发生，请记下时间，并把日志文件交给系统管理员（日志不含任何案件数据）。</translation>
    </message>
    <message>
        <source>Copy log file path</source>
        <translation>复制日志文件路径</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>{count} more error(s) since then (also in the log).</source>
        <translation>此后又发生了 {count} 次错误（均已记入日志）。</translation>
    </message>
</context>
<context>
    <name>DecideForm</name>
    <message>
        <source>Record the re-check</source>
        <translation>登记复核决定</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>复核决定</translation>
    </message>
    <message>
        <source>Uphold the conclusion</source>
        <translation>维持原结论</translation>
    </message>
    <message>
        <source>Change the conclusion</source>
        <translation>变更结论</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>the reasons of the decision (required)</source>
        <translation>复核决定的理由（必填）</translation>
    </message>
    <message>
        <source>What was checked</source>
        <translation>复核内容</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>New conclusion</source>
        <translation>新的结论</translation>
    </message>
    <message>
        <source>New grade</source>
        <translation>新的等次</translation>
    </message>
    <message>
        <source>Re-check of the objection to {case}</source>
        <translation>对案件 {case} 异议的复核</translation>
    </message>
    <message>
        <source>The current conclusion is {outcome}, grade {grade}. Changing it records a new conclusion version (the earlier one is kept) and re-issues the opinion under a new number that replaces the earlier one; the rectification items of the earlier version are flagged for review.</source>
        <translation>当前结论为{outcome}，等次{grade}。变更结论将记录新的结论版本（原结论保留），并以新文号重新出具评查意见书，注明替代原意见书；依据原结论生成的整改事项将标记为待核对。</translation>
    </message>
    <message>
        <source>Record the decision</source>
        <translation>登记决定</translation>
    </message>
    <message>
        <source>Record the re-check decision?</source>
        <translation>登记复核决定？</translation>
    </message>
    <message>
        <source>The decision is final: the objection cannot be decided again.</source>
        <translation>复核决定登记后即为最终决定，该异议不能再次复核。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>DeclarationDialog</name>
    <message>
        <source>Record a recusal matter</source>
        <translation>登记回避事项</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <source>The expert asks to withdraw (自行回避)</source>
        <translation>专家本人申请回避（自行回避）</translation>
    </message>
    <message>
        <source>A party&apos;s request, granted (申请回避)</source>
        <translation>当事人申请回避，已准许（申请回避）</translation>
    </message>
    <message>
        <source>Improper contact reported (gifts, meals, private meetings)</source>
        <translation>报告存在不当接触（收受礼品、宴请、私下会见等）</translation>
    </message>
    <message>
        <source>improper contact: the party or handler concerned</source>
        <translation>不当接触：所涉当事人或承办人</translation>
    </message>
    <message>
        <source>Case:</source>
        <translation>案件：</translation>
    </message>
    <message>
        <source>Expert:</source>
        <translation>专家：</translation>
    </message>
    <message>
        <source>Matter:</source>
        <translation>事项：</translation>
    </message>
    <message>
        <source>Person concerned:</source>
        <translation>所涉人员：</translation>
    </message>
    <message>
        <source>Facts and decision:</source>
        <translation>事实及决定：</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>The expert is excluded from this case from now on; draw or change the panel afterwards.</source>
        <translation>登记后该专家即不得参加本案评查；请随后重新分组或调整评查组成员。</translation>
    </message>
</context>
<context>
    <name>DeliberationLabels</name>
    <message>
        <source>Wrong case</source>
        <translation>错案</translation>
    </message>
    <message>
        <source>Flawed case</source>
        <translation>瑕疵案</translation>
    </message>
    <message>
        <source>No problem</source>
        <translation>无问题</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Original case handler</source>
        <translation>原办案人员</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>组长</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>评查结论</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等次</translation>
    </message>
    <message>
        <source>Reason for changing the grade</source>
        <translation>改判理由</translation>
    </message>
    <message>
        <source>Keep the veto</source>
        <translation>采纳一票否决</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <source>Majority view</source>
        <translation>多数意见</translation>
    </message>
    <message>
        <source>Minority view</source>
        <translation>少数意见</translation>
    </message>
    <message>
        <source>Correction required</source>
        <translation>退回整改</translation>
    </message>
    <message>
        <source>Correction deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Reason for the referral</source>
        <translation>移送理由</translation>
    </message>
    <message>
        <source>Problems backing the referral</source>
        <translation>作为移送依据的问题</translation>
    </message>
    <message>
        <source>Reason for no problem</source>
        <translation>无问题的理由</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Interviewers</source>
        <translation>谈话人</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Interviewee</source>
        <translation>被谈话人</translation>
    </message>
    <message>
        <source>Interviewee&apos;s unit</source>
        <translation>被谈话人单位</translation>
    </message>
    <message>
        <source>Relation to the case</source>
        <translation>与本案关系</translation>
    </message>
    <message>
        <source>Identity stated</source>
        <translation>告知身份</translation>
    </message>
    <message>
        <source>Purpose explained</source>
        <translation>告知目的</translation>
    </message>
    <message>
        <source>Right to ask for recusal told</source>
        <translation>告知申请回避的权利</translation>
    </message>
    <message>
        <source>Duty to tell the truth told</source>
        <translation>告知如实陈述的义务</translation>
    </message>
    <message>
        <source>Questions and answers</source>
        <translation>问答</translation>
    </message>
    <message>
        <source>Interviewee&apos;s confirmation</source>
        <translation>被谈话人确认意见</translation>
    </message>
    <message>
        <source>category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>证据出处</translation>
    </message>
    <message>
        <source>item</source>
        <translation>评查项</translation>
    </message>
    <message>
        <source>question</source>
        <translation>问</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>答</translation>
    </message>
    <message>
        <source>deductions it rests on</source>
        <translation>所依据的扣分</translation>
    </message>
    <message>
        <source>reason if no deduction</source>
        <translation>无扣分依据的理由</translation>
    </message>
    <message>
        <source>Problem {n}</source>
        <translation>问题 {n}</translation>
    </message>
    <message>
        <source>Question and answer {n}</source>
        <translation>第 {n} 组问答</translation>
    </message>
    <message>
        <source>Interviewer {n}</source>
        <translation>谈话人 {n}</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>评分表</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Veto</source>
        <translation>一票否决</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>评查项</translation>
    </message>
    <message>
        <source>(veto)</source>
        <translation>（否决）</translation>
    </message>
    <message>
        <source>Members differ on this item</source>
        <translation>成员对此项意见不一致</translation>
    </message>
    <message>
        <source>Not marked</source>
        <translation>未扣分</translation>
    </message>
    <message>
        <source>Reason: {reason}
Evidence: {evidence}</source>
        <translation>理由：{reason}
证据出处：{evidence}</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>The members&apos; totals are {spread} points apart, more than the campaign allows ({limit}): discuss the items marked in colour.</source>
        <translation>成员总分相差 {spread} 分，超过本次评查允许的 {limit} 分，请重点讨论着色的评查项。</translation>
    </message>
    <message>
        <source>The members give different grades: the conclusion must record the minority view.</source>
        <translation>成员评定的等次不一致，合议结论须记录少数意见。</translation>
    </message>
    <message>
        <source>A member marked a veto item: decide whether to keep the veto.</source>
        <translation>有成员认定了一票否决项，请决定是否采纳。</translation>
    </message>
    <message>
        <source>Not yet submitted: {names}. The conclusion can be recorded once everyone has submitted.</source>
        <translation>尚未提交：{names}。全体成员提交后方可记录合议结论。</translation>
    </message>
</context>
<context>
    <name>DeliberationPanel</name>
    <message>
        <source>Items any member deducted or marked; rows in colour are where members differ. Point at a cell to see the reason and the evidence.</source>
        <translation>下表列出任一成员扣分或标记的评查项；着色的行表示成员意见不一致。鼠标指向单元格可查看理由和证据出处。</translation>
    </message>
    <message>
        <source>Items compared</source>
        <translation>评分项对照</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据位置</translation>
    </message>
    <message>
        <source>Record the &amp;conclusion…</source>
        <translation>记录合议结论(&amp;C)…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>Reading the panel&apos;s sheets…</source>
        <translation>正在读取评查组的评分表…</translation>
    </message>
    <message>
        <source>Your own score sheet for this case is not submitted yet. You see the other members&apos; sheets and the deliberation once you have submitted yours.</source>
        <translation>您本人对该案的评分表尚未提交。提交后才能查看其他成员的评分和合议情况。</translation>
    </message>
    <message>
        <source>Mean {mean}, median {median}, spread {spread} (allowed {limit}); consolidated score {score}, computed grade {grade}.</source>
        <translation>平均分 {mean}，中位数 {median}，分差 {spread}（允许 {limit}）；综合得分 {score}，计算等次 {grade}。</translation>
    </message>
    <message>
        <source>Every member has submitted; the sheets agree within the allowed spread.</source>
        <translation>全体成员均已提交，评分差异在允许范围内。</translation>
    </message>
    <message>
        <source>Record the &amp;conclusion again…</source>
        <translation>重新记录合议结论(&amp;C)…</translation>
    </message>
    <message>
        <source>Conclusion (version {version}, recorded by {who} at {when})</source>
        <translation>合议结论（第 {version} 版，{who} 于 {when} 记录）</translation>
    </message>
    <message>
        <source>Score {score}; grade {grade}; outcome: {outcome}</source>
        <translation>得分 {score}；等次 {grade}；结论：{outcome}</translation>
    </message>
    <message>
        <source>Grade changed from the computed {computed}: {reason}</source>
        <translation>等次由计算结果“{computed}”调整，理由：{reason}</translation>
    </message>
    <message>
        <source>The member&apos;s veto is kept.</source>
        <translation>采纳成员的一票否决意见。</translation>
    </message>
    <message>
        <source>Problem {n}: [{category}] {description} ({evidence})</source>
        <translation>问题 {n}：【{category}】{description}（{evidence}）</translation>
    </message>
    <message>
        <source>Majority view: {text}</source>
        <translation>多数意见：{text}</translation>
    </message>
    <message>
        <source>Minority view: {text}</source>
        <translation>少数意见：{text}</translation>
    </message>
    <message>
        <source>Correction required by {date}</source>
        <translation>须于 {date} 前整改</translation>
    </message>
    <message>
        <source>Referral suggested: {reason}</source>
        <translation>建议移送线索：{reason}</translation>
    </message>
    <message>
        <source>(no evidence given)</source>
        <translation>（未填证据位置）</translation>
    </message>
    <message>
        <source>Deductions and their evidence</source>
        <translation>扣分事项及证据位置</translation>
    </message>
    <message>
        <source>No member deducted points.</source>
        <translation>评查组成员均未扣分。</translation>
    </message>
    <message>
        <source>Findings of the conclusion</source>
        <translation>合议认定的问题</translation>
    </message>
    <message>
        <source>Reading marks the members cite</source>
        <translation>成员引用的阅卷标注</translation>
    </message>
    <message>
        <source>Problem {n}: [{category}] {description}</source>
        <translation>问题 {n}：［{category}］{description}</translation>
    </message>
    <message>
        <source>Opening the conclusion form…</source>
        <translation>正在打开合议结论表…</translation>
    </message>
    <message>
        <source>Conclusion saved (version {version}).</source>
        <translation>合议结论已保存（第 {version} 版）。</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <source>◀ Previous page</source>
        <translation>◀ 上一页</translation>
    </message>
    <message>
        <source>Previous page (Page Up)</source>
        <translation>上一页（PageUp）</translation>
    </message>
    <message>
        <source>Next page ▶</source>
        <translation>下一页 ▶</translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation>下一页（PageDown）</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>第</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+minus)</source>
        <translation>缩小（Ctrl+减号）</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+plus)</source>
        <translation>放大（Ctrl+加号）</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Fit the page to the window width (Ctrl+0 for actual size)</source>
        <translation>按窗口宽度显示页面（Ctrl+0 为实际大小）</translation>
    </message>
    <message>
        <source>Copy page text</source>
        <translation>复制本页文字</translation>
    </message>
    <message>
        <source>This image could not be read. It may be damaged or in a format this computer cannot show.</source>
        <translation>无法读取此图片。文件可能已损坏，或本机无法显示这种格式。</translation>
    </message>
    <message>
        <source>The text of this Word document could not be read. It may be damaged.</source>
        <translation>无法读取此 Word 文档的文字，文件可能已损坏。</translation>
    </message>
    <message>
        <source>Word document shown as plain text: layout, tables and pictures are not shown.</source>
        <translation>Word 文档以纯文字显示：不显示版式、表格和图片。</translation>
    </message>
    <message>
        <source>Files of this kind ({kind}) cannot be shown inside ReviewDesk. An administrator can export the file and open it with the program it belongs to.</source>
        <translation>本软件内无法显示这类文件（{kind}）。管理员可以导出该文件，再用相应的程序打开。</translation>
    </message>
    <message>
        <source>This PDF holds parts that unpack to far more data than a case file needs, so ReviewDesk does not draw it. An administrator can export the file and check it on another machine.</source>
        <translation>此 PDF 含有解压后远超正常卷宗大小的内容，为安全起见本程序不显示它。管理员可以导出该文件，在另一台电脑上检查。</translation>
    </message>
    <message>
        <source>This PDF could not be opened. It may be damaged or protected by a password.</source>
        <translation>无法打开此 PDF。文件可能已损坏或设有密码。</translation>
    </message>
    <message>
        <source>Scanned document (no text layer): the pages are shown as pictures, and full-text search does not find words in it.</source>
        <translation>扫描件（无文字层）：页面以图片显示，全文检索查不到其中的文字。</translation>
    </message>
    <message>
        <source>“{term}” is marked in yellow on page(s) {pages}.</source>
        <translation>“{term}”已用黄色标出，在第 {pages} 页。</translation>
    </message>
    <message>
        <source>Found {n} time(s) in the recognised text, on page(s) {pages}, marked in yellow. Recognised text may hold misreadings.</source>
        <translation>识别文字中找到 {n} 处（第 {pages} 页），已用黄色标出。识别文字可能有误读。</translation>
    </message>
    <message>
        <source>Found {n} time(s) in the recognised text, marked in yellow. Recognised text may hold misreadings.</source>
        <translation>识别文字中找到 {n} 处，已用黄色标出。识别文字可能有误读。</translation>
    </message>
    <message>
        <source> Page Down / Page Up turn the pages.</source>
        <translation>按 Page Down / Page Up 翻页。</translation>
    </message>
    <message>
        <source>“{term}” is marked in yellow ({n} place(s)).</source>
        <translation>“{term}”已用黄色标出（共 {n} 处）。</translation>
    </message>
    <message>
        <source>“{term}” was not found in the text of this document (it may be split across lines, or be part of a picture).</source>
        <translation>在本文件的文字中没有找到“{term}”（可能被分在两行，或是图片中的文字）。</translation>
    </message>
    <message>
        <source>Copied the text of the picture (recognised text).</source>
        <translation>已复制图片文字（识别文字）。</translation>
    </message>
    <message>
        <source>Copied the text of page {page} (recognised text).</source>
        <translation>已复制第 {page} 页文字（识别文字）。</translation>
    </message>
    <message>
        <source>Copied the text of page {page}.</source>
        <translation>已复制第 {page} 页文字。</translation>
    </message>
    <message>
        <source>{n} line(s) selected. Ctrl+C copies them; a new mark takes them as its passage.</source>
        <translation>已选中 {n} 行。按 Ctrl+C 复制；新建标注时作为所标段落。</translation>
    </message>
    <message>
        <source>{n} line(s) selected. Ctrl+C copies them.</source>
        <translation>已选中 {n} 行。按 Ctrl+C 复制。</translation>
    </message>
    <message>
        <source>Copied {n} selected line(s) (recognised text).</source>
        <translation>已复制选中的 {n} 行（识别文字）。</translation>
    </message>
    <message>
        <source>Copied {n} selected line(s).</source>
        <translation>已复制选中的 {n} 行。</translation>
    </message>
    <message>
        <source>No document open.</source>
        <translation>未打开文件。</translation>
    </message>
    <message>
        <source>Copy the text of this page to the clipboard (Ctrl+Shift+C)</source>
        <translation>把本页文字复制到剪贴板（Ctrl+Shift+C）</translation>
    </message>
    <message>
        <source>This page has no text layer and no recognised text (yet) to copy.</source>
        <translation>本页没有文字层，也（尚）没有识别文字，无可复制。</translation>
    </message>
    <message>
        <source>of {pages}</source>
        <translation>页，共 {pages} 页</translation>
    </message>
</context>
<context>
    <name>DocumentViewerDialog</name>
    <message>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Save a copy of this file in a folder you choose. The export is recorded in the audit log.</source>
        <translation>将此文件另存一份到您选择的文件夹。导出操作会记入审计日志。</translation>
    </message>
    <message>
        <source>Opening the document…</source>
        <translation>正在打开文件…</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the document</source>
        <translation>导出文件</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Saved to {path}. The export is recorded in the audit log.</source>
        <translation>已保存到 {path}。导出操作已记入审计日志。</translation>
    </message>
    <message>
        <source>Document exported</source>
        <translation>文件已导出</translation>
    </message>
    <message>
        <source>The file was saved to:
{path}

Keep it safe: it is not encrypted there.</source>
        <translation>文件已保存到：
{path}

请妥善保管：该文件在那里没有加密。</translation>
    </message>
</context>
<context>
    <name>DueBox</name>
    <message>
        <source>Rectification items</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <source>Clue referrals (feedback)</source>
        <translation>线索移送（待反馈）</translation>
    </message>
    <message>
        <source>Special rectifications</source>
        <translation>专项整治</translation>
    </message>
    <message>
        <source>What is due</source>
        <translation>到期提醒</translation>
    </message>
    <message>
        <source>{n} due soon</source>
        <translation>即将到期 {n} 项</translation>
    </message>
    <message>
        <source>{n} overdue</source>
        <translation>已逾期 {n} 项</translation>
    </message>
    <message>
        <source>Open the list</source>
        <translation>打开清单</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Where: {where}</source>
        <translation>位置：{where}</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Auto-lock after</source>
        <translation>自动锁定时间</translation>
    </message>
    <message>
        <source>Number of cases</source>
        <translation>抽取件数</translation>
    </message>
    <message>
        <source>Share of cases</source>
        <translation>抽取比例</translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Panel size</source>
        <translation>每组人数</translation>
    </message>
    <message>
        <source>Cases per expert at most</source>
        <translation>每位专家最多评查件数</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Your role may not do this. If you need it, ask the administrator to change your role.</source>
        <translation>您的角色无权执行此操作。如确需此权限，请联系管理员调整您的角色。</translation>
    </message>
    <message>
        <source>Something unexpected went wrong ({kind}); the step did not finish. Try again; if it happens again, note the time and tell your system administrator.</source>
        <translation>发生意外错误（{kind}），该步骤未完成。请重试；如再次出现，请记下时间并告知系统管理员。</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <source>Evidence file</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <source>Opening the file…</source>
        <translation>正在打开文件…</translation>
    </message>
</context>
<context>
    <name>EvidenceLinks</name>
    <message>
        <source>Click a reference to open the document at that page.</source>
        <translation>点击证据位置，即在该页打开文件。</translation>
    </message>
</context>
<context>
    <name>ExpertImportDialog</name>
    <message>
        <source>Import expert roster</source>
        <translation>导入专家名册</translation>
    </message>
    <message>
        <source>experts.xlsx</source>
        <translation>experts.xlsx</translation>
    </message>
    <message>
        <source>Roster file</source>
        <translation>名册文件</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>选择文件(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>检查(&amp;C)</translation>
    </message>
    <message>
        <source>Save a &amp;blank roster…</source>
        <translation>保存空白名册(&amp;B)…</translation>
    </message>
    <message>
        <source>An empty experts.xlsx with the right columns, to fill in Excel</source>
        <translation>一份列已排好的空白 experts.xlsx，在 Excel 中填写</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变更清单</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Choose the roster workbook (start from a blank roster: “Save a blank roster…”). It is checked first and nothing is written until you press Apply; a workbook with problems cannot be applied.</source>
        <translation>请选择专家名册工作簿（可先按“保存空白名册…”得到空白名册再填写）。系统先检查，按“应用”之前不写入任何内容；有问题的工作簿不能应用。</translation>
    </message>
    <message>
        <source>Choose roster</source>
        <translation>选择名册</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Save a blank roster</source>
        <translation>保存空白名册</translation>
    </message>
    <message>
        <source>Blank roster saved to {path}. Fill it in, then choose it here.</source>
        <translation>空白名册已保存到 {path}。填好后，在这里选择它。</translation>
    </message>
    <message>
        <source>Cannot read {file}.</source>
        <translation>无法读取 {file}。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>{added} to add, {changed} to change, {unchanged} unchanged, {missing} not in the file (kept); units: {units_added} new, {units_changed} changed.</source>
        <translation>将新增 {added} 人，变更 {changed} 人，{unchanged} 人无变化，{missing} 人不在表中（保留）；单位：新增 {units_added} 个，变更 {units_changed} 个。</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Not in file</source>
        <translation>表中没有</translation>
    </message>
    <message>
        <source>kept as it is</source>
        <translation>保留不变</translation>
    </message>
    <message>
        <source>{count} problem(s) found; fix the workbook and check it again.</source>
        <translation>发现 {count} 处问题，请修改工作簿后重新检查。</translation>
    </message>
    <message>
        <source>Imported: {added} added, {changed} changed.</source>
        <translation>已导入：新增 {added} 人，变更 {changed} 人。</translation>
    </message>
</context>
<context>
    <name>ExpertsModel</name>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Profession</source>
        <translation>职业</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区划</translation>
    </message>
    <message>
        <source>Specialties</source>
        <translation>专长</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>ExpertsPage</name>
    <message>
        <source>Experts</source>
        <translation>专家</translation>
    </message>
    <message>
        <source>Filter by ID, name, unit, specialty, tag…</source>
        <translation>按编号、姓名、单位、专长、标签筛选…</translation>
    </message>
    <message>
        <source>Filter experts</source>
        <translation>筛选专家</translation>
    </message>
    <message>
        <source>Expert details</source>
        <translation>专家详情</translation>
    </message>
    <message>
        <source>&amp;Import roster…</source>
        <translation>导入名册(&amp;I)…</translation>
    </message>
    <message>
        <source>Edit &amp;relations…</source>
        <translation>编辑关系(&amp;R)…</translation>
    </message>
    <message>
        <source>Mark &amp;available</source>
        <translation>设为可用(&amp;A)</translation>
    </message>
    <message>
        <source>Mark &amp;unavailable</source>
        <translation>设为不可用(&amp;U)</translation>
    </message>
    <message>
        <source>Interest re&amp;gistry…</source>
        <translation>利益登记表(&amp;G)…</translation>
    </message>
    <message>
        <source>Import the register of companies with their shareholders and officers (registry.xlsx)</source>
        <translation>导入企业及其股东、高管登记表（registry.xlsx）</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>Expert pool</source>
        <translation>专家库</translation>
    </message>
    <message>
        <source>The experts who may sit on review panels, with the relations and former units the recusal check uses.</source>
        <translation>可参加评查组的专家，以及回避审查所用的关系和曾任职单位。</translation>
    </message>
    <message>
        <source>The expert pool (read only).</source>
        <translation>专家库（只读）。</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Former units</source>
        <translation>曾任职单位</translation>
    </message>
    <message>
        <source>None declared.</source>
        <translation>未申报。</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>left {date}</source>
        <translation>{date} 离任</translation>
    </message>
    <message>
        <source>Specialties: {list}</source>
        <translation>专长：{list}</translation>
    </message>
    <message>
        <source>Tags: {list}</source>
        <translation>标签：{list}</translation>
    </message>
    <message>
        <source>Available: {yes_no} {note}</source>
        <translation>可用：{yes_no} {note}</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Identity number: {number}</source>
        <translation>身份证号：{number}</translation>
    </message>
    <message>
        <source>Linked account: {user}</source>
        <translation>关联账户：{user}</translation>
    </message>
    <message>
        <source>Interest registry</source>
        <translation>利益登记表</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Interest registry replaced: {companies} companies, {holders} shareholders and officers. The recusal check uses it from now on.</source>
        <translation>利益登记信息已更新：{companies} 家企业，{holders} 名股东及高管。回避审查即刻使用新的登记信息。</translation>
    </message>
    <message>
        <source>Replace the interest registry on this computer with {file}?</source>
        <translation>用 {file} 替换本机的利益登记信息？</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Relations of {id} saved.</source>
        <translation>已保存 {id} 的关系。</translation>
    </message>
</context>
<context>
    <name>FeedbackForm</name>
    <message>
        <source>Record the feedback</source>
        <translation>登记反馈</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>具体情况</translation>
    </message>
    <message>
        <source>which sanction, or what else (required for these)</source>
        <translation>给予何种处分或其他处理的具体情况（这两种结果必填）</translation>
    </message>
    <message>
        <source>Feedback date</source>
        <translation>反馈日期</translation>
    </message>
    <message>
        <source>today when empty (YYYY-MM-DD)</source>
        <translation>不填则为今天（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>Feedback on referral {id}</source>
        <translation>线索移送 {id} 的反馈</translation>
    </message>
    <message>
        <source>What the discipline inspection body reported back about the clue.</source>
        <translation>纪检监察机关对该线索的处理反馈。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>FileTypes</name>
    <message>
        <source>ReviewDesk package</source>
        <translation>评查数据包</translation>
    </message>
    <message>
        <source>ReviewDesk backup</source>
        <translation>评查工作台备份</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <source>Word document</source>
        <translation>Word 文档</translation>
    </message>
    <message>
        <source>PDF file</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <source>Public key file</source>
        <translation>公钥文件</translation>
    </message>
    <message>
        <source>Text file</source>
        <translation>文本文件</translation>
    </message>
    <message>
        <source>Data file</source>
        <translation>数据文件</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>{kind} file</source>
        <translation>{kind} 文件</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>Expert</source>
        <translation>专家</translation>
    </message>
    <message>
        <source>Ground</source>
        <translation>回避事由</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Decided by {user}: {reason}</source>
        <translation>{user} 决定：{reason}</translation>
    </message>
</context>
<context>
    <name>FolderPage</name>
    <message>
        <source>Welcome to ReviewDesk</source>
        <translation>欢迎使用评查工作台</translation>
    </message>
    <message>
        <source>This computer has no workspace yet. Three short steps set one up: the folder, the administrator account and the recovery code.</source>
        <translation>本机尚无工作区。只需三步即可完成初始化：选择文件夹、设置管理员账户、保存恢复码。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>The workspace is one folder that holds the encrypted database of this review office. Choose a folder on this computer&apos;s local disk (not a USB stick or network drive) that is included in your backups. The folder may be new; it will be created.</source>
        <translation>工作区是一个文件夹，存放本评查办公室的加密数据库。请选择本机本地磁盘上（不要用U盘或网络驱动器）、且在备份范围内的文件夹。文件夹可以尚不存在，程序会自动创建。</translation>
    </message>
    <message>
        <source>Workspace &amp;folder:</source>
        <translation>工作区文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>Choose the workspace folder</source>
        <translation>选择工作区文件夹</translation>
    </message>
    <message>
        <source>Enter or choose a folder.</source>
        <translation>请输入或选择一个文件夹。</translation>
    </message>
    <message>
        <source>Give the full path of the folder, e.g. D:\ReviewDesk\workspace.</source>
        <translation>请填写文件夹的完整路径，例如 D:\ReviewDesk\workspace。</translation>
    </message>
    <message>
        <source>{path} is a file, not a folder. Choose a folder.</source>
        <translation>{path} 是文件而不是文件夹，请选择一个文件夹。</translation>
    </message>
    <message>
        <source>This folder already holds a workspace. Cancel the setup and log in to it, or choose another folder.</source>
        <translation>此文件夹中已有工作区。请取消初始化直接登录，或选择其他文件夹。</translation>
    </message>
    <message>
        <source>This folder holds part of a workspace (an earlier setup was interrupted or a file was removed). Choose an empty folder, or restore the workspace from a backup.</source>
        <translation>此文件夹中有不完整的工作区（之前的初始化中断或文件被删除）。请选择一个空文件夹，或从备份恢复工作区。</translation>
    </message>
</context>
<context>
    <name>FollowupForm</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>FollowupForms</name>
    <message>
        <source>a date (2027-01-15) or working days (15个工作日)</source>
        <translation>日期（2027-01-15）或工作日数（15个工作日）</translation>
    </message>
</context>
<context>
    <name>FollowupLabels</name>
    <message>
        <source>Open</source>
        <translation>待整改</translation>
    </message>
    <message>
        <source>Reported fixed</source>
        <translation>已报整改</translation>
    </message>
    <message>
        <source>Verified by re-check</source>
        <translation>回头看已核实</translation>
    </message>
    <message>
        <source>Closed off</source>
        <translation>已销号</translation>
    </message>
    <message>
        <source>Sent back</source>
        <translation>退回重改</translation>
    </message>
    <message>
        <source>Not yet sent</source>
        <translation>待移送</translation>
    </message>
    <message>
        <source>Sent, awaiting feedback</source>
        <translation>已移送待反馈</translation>
    </message>
    <message>
        <source>Feedback received</source>
        <translation>已反馈</translation>
    </message>
    <message>
        <source>Awaiting re-check</source>
        <translation>待复核</translation>
    </message>
    <message>
        <source>Upheld</source>
        <translation>维持</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Case filed for investigation</source>
        <translation>立案审查调查</translation>
    </message>
    <message>
        <source>Disciplinary sanction</source>
        <translation>给予党纪政务处分</translation>
    </message>
    <message>
        <source>Not filed</source>
        <translation>不予立案</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>已整改</translation>
    </message>
    <message>
        <source>Partly fixed</source>
        <translation>部分整改</translation>
    </message>
    <message>
        <source>Not fixed</source>
        <translation>未整改</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Problem no.</source>
        <translation>问题编号</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Letter no.</source>
        <translation>移送函文号</translation>
    </message>
    <message>
        <source>(not issued)</source>
        <translation>（未编号）</translation>
    </message>
    <message>
        <source>Persons concerned</source>
        <translation>涉及人员</translation>
    </message>
    <message>
        <source>Receiving body</source>
        <translation>接收机关</translation>
    </message>
    <message>
        <source>Feedback due</source>
        <translation>反馈期限</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Objector</source>
        <translation>异议人</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source> (late, admitted)</source>
        <translation>（逾期，已受理）</translation>
    </message>
    <message>
        <source>Grounds</source>
        <translation>异议理由</translation>
    </message>
    <message>
        <source>Re-issued opinion</source>
        <translation>重新出具的意见书</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Problem category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件数</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>整改事项数</translation>
    </message>
</context>
<context>
    <name>FollowupPage</name>
    <message>
        <source>Rectification items</source>
        <translation>整改台账</translation>
    </message>
    <message>
        <source>Clue referrals</source>
        <translation>线索移送</translation>
    </message>
    <message>
        <source>Objections and re-checks</source>
        <translation>异议复核</translation>
    </message>
    <message>
        <source>Special rectifications</source>
        <translation>专项整治</translation>
    </message>
    <message>
        <source>Data collision</source>
        <translation>数据碰撞</translation>
    </message>
    <message>
        <source>Referral &amp; rectification</source>
        <translation>移送整改</translation>
    </message>
    <message>
        <source>Campaign {id} (chosen in the window&apos;s header)</source>
        <translation>评查活动 {id}（在窗口顶部选择）</translation>
    </message>
    <message>
        <source>No campaign yet.</source>
        <translation>尚无评查活动。</translation>
    </message>
</context>
<context>
    <name>FormatsDialog</name>
    <message>
        <source>Batch export of the opinions</source>
        <translation>批量导出评查意见书</translation>
    </message>
    <message>
        <source>&amp;Word (.docx) — to edit further</source>
        <translation>Word（.docx）——便于继续修改(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;PDF — to print or send as it is</source>
        <translation>PDF——用于打印或原样报送(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>The opinion of every concluded case of the campaign is saved in this folder:
{folder}

Cases not yet concluded are skipped. Choose the formats:</source>
        <translation>本次评查活动中所有已合议案件的评查意见书将保存到以下文件夹：
{folder}

尚未合议的案件将跳过。请选择格式：</translation>
    </message>
</context>
<context>
    <name>GenerateDialog</name>
    <message>
        <source>{case}  {number} (received result)</source>
        <translation>{case}  {number}（收到的评查结果）</translation>
    </message>
    <message>
        <source>Generate rectification items</source>
        <translation>生成整改事项</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Create these items</source>
        <translation>生成这些事项(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Concluded case:</source>
        <translation>已合议案件：</translation>
    </message>
    <message>
        <source>Rectification items from a conclusion</source>
        <translation>根据合议结论生成整改事项</translation>
    </message>
    <message>
        <source>One item per problem the panel found, grouped by category, with the deadline the panel proposed (else the campaign&apos;s default), and a draft referral when the panel suggested one. Preview first: nothing is created until you press Create. A conclusion gives its items once.</source>
        <translation>评查组认定的每个问题生成一条整改事项，按问题类别分组，期限采用评查组提出的期限（未提出的按本次评查活动的默认期限）；评查组建议移送的，同时生成线索移送草稿。请先预览：点“生成”之前不会生成任何内容。同一结论只生成一次。</translation>
    </message>
    <message>
        <source>No case of this campaign is concluded yet.</source>
        <translation>本次评查活动尚无已合议的案件。</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>正在准备预览…</translation>
    </message>
    <message>
        <source>{items} item(s) and {referrals} draft referral(s) will be created.</source>
        <translation>将生成 {items} 条整改事项和 {referrals} 条线索移送草稿。</translation>
    </message>
    <message>
        <source>Nothing to create: this conclusion has given its items already ({n}), or it found no problem to rectify.</source>
        <translation>无需生成：该结论已生成过整改事项（{n} 条），或未认定需要整改的问题。</translation>
    </message>
    <message>
        <source>Case {case}, from {source}</source>
        <translation>案件 {case}，依据 {source}</translation>
    </message>
    <message>
        <source>• [{kind}] {problem}{ref} — deadline {deadline}</source>
        <translation>• 【{kind}】{problem}{ref}——期限 {deadline}</translation>
    </message>
    <message>
        <source>Draft referral: {clue}</source>
        <translation>线索移送草稿：{clue}</translation>
    </message>
</context>
<context>
    <name>GroupStatsModel</name>
    <message>
        <source>Cases drawn</source>
        <translation>抽取案件</translation>
    </message>
    <message>
        <source>Concluded</source>
        <translation>已合议</translation>
    </message>
    <message>
        <source>Wrong cases</source>
        <translation>错案</translation>
    </message>
    <message>
        <source>Flawed cases</source>
        <translation>瑕疵案</translation>
    </message>
    <message>
        <source>Mean score</source>
        <translation>平均分</translation>
    </message>
    <message>
        <source>Handling unit</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Case type</source>
        <translation>案件类型</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>ReviewDesk — User manual</source>
        <translation>评查工作台 — 使用手册</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>The manual is missing from this installation ({path}). Reinstall ReviewDesk.</source>
        <translation>本机安装中缺少使用手册（{path}）。请重新安装评查工作台。</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Welcome, {name}</source>
        <translation>{name}，您好</translation>
    </message>
    <message>
        <source>Logged in as {user} · {role}</source>
        <translation>当前登录：{user} · {role}</translation>
    </message>
    <message>
        <source>No review campaign has been set up yet.</source>
        <translation>尚未设立评查活动。</translation>
    </message>
    <message>
        <source>Review campaigns</source>
        <translation>评查活动</translation>
    </message>
    <message>
        <source>Use the list on the left to move between areas. Press Ctrl+L to lock the workspace when you leave your desk; it also locks by itself after a while without use.</source>
        <translation>点击左侧列表切换功能区。离开座位时请按 Ctrl+L 锁定工作区；长时间无操作时也会自动锁定。</translation>
    </message>
    <message>
        <source>My tasks</source>
        <translation>我的待办</translation>
    </message>
    <message>
        <source>Nothing to do for you right now: every sheet of yours is submitted.</source>
        <translation>目前没有待办事项：您的评分表都已提交。</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Double-click a task (or choose it and press Open) to go to it.</source>
        <translation>双击一项待办（或选中后点“打开”），即可转到办理的页面。</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>The package could not be decrypted. It was probably encrypted for another workstation, or the passphrase is wrong, or a part is missing or damaged. Check the passphrase, or ask the unit to send it again encrypted for this workstation.</source>
        <translation>无法解密数据包。可能是加密给了其他工作站、口令不对，或者某个分卷缺失或损坏。请核对口令，或请报送单位按本工作站的公钥重新加密后再发送。</translation>
    </message>
    <message>
        <source>The file or one of its parts could not be found or read. Check that all parts are in the same folder.</source>
        <translation>找不到或无法读取该文件或其某个分卷。请确认所有分卷都在同一个文件夹中。</translation>
    </message>
    <message>
        <source>The package is damaged or incomplete. Ask the unit to send it again.</source>
        <translation>数据包已损坏或不完整。请报送单位重新发送。</translation>
    </message>
    <message>
        <source>The package was not made by a ReviewDesk packer. Ask the unit to build it again with the packer.</source>
        <translation>该数据包不是用评查工作台打包工具制作的。请报送单位用打包工具重新制作。</translation>
    </message>
    <message>
        <source>The package&apos;s table of contents is too large. Ask the unit to split the package.</source>
        <translation>数据包的目录过大。请报送单位拆分后重新报送。</translation>
    </message>
    <message>
        <source>The package&apos;s list of cases has an error. Send the details below to the unit so it can correct it.</source>
        <translation>数据包的案件清单有错误。请把下方的详细信息发给报送单位，以便更正。</translation>
    </message>
    <message>
        <source>The signature of the package is not valid: it may have been changed on the way. Do not use it; ask the unit to send it again.</source>
        <translation>数据包的签名无效，可能在传递途中被改动过。请勿使用，请报送单位重新发送。</translation>
    </message>
    <message>
        <source>The package is not signed, so its origin cannot be checked. Ask the unit for a signed package. If you received it in person from the unit, you may tick “Allow an unsigned or untrusted package this once”.</source>
        <translation>数据包没有签名，无法核实来源。请报送单位提供已签名的数据包。如果是报送单位当面交给您的，可以勾选“本次允许未签名或不受信任的数据包”。</translation>
    </message>
    <message>
        <source>The package is signed with a key this workstation does not trust yet. Add the unit&apos;s public key to the trusted issuers (check its fingerprint with the unit by phone), then import again.</source>
        <translation>数据包的签名密钥尚未被本工作站信任。请先将报送单位的公钥加入受信任的签发单位（并电话向该单位核对指纹），然后重新导入。</translation>
    </message>
    <message>
        <source>The package contains a file name that is not allowed. Ask the unit to build it again.</source>
        <translation>数据包中含有不允许的文件名。请报送单位重新制作。</translation>
    </message>
    <message>
        <source>The package contains files that are not in its list. It may have been changed; ask the unit to send it again.</source>
        <translation>数据包中含有清单以外的文件，可能被改动过。请报送单位重新发送。</translation>
    </message>
    <message>
        <source>The package contains a file twice. Ask the unit to build it again.</source>
        <translation>数据包中有重复的文件。请报送单位重新制作。</translation>
    </message>
    <message>
        <source>A file in the package does not have the size its list says. It may have been changed; ask the unit to send it again.</source>
        <translation>数据包中某个文件的大小与清单不符，可能被改动过。请报送单位重新发送。</translation>
    </message>
    <message>
        <source>Files listed in the package are missing. Ask the unit to send the complete package.</source>
        <translation>数据包缺少清单中列出的文件。请报送单位发送完整的数据包。</translation>
    </message>
    <message>
        <source>A file in the package was changed after it was packed. Do not use it; ask the unit to send it again.</source>
        <translation>数据包中某个文件在打包后被改动过。请勿使用，请报送单位重新发送。</translation>
    </message>
    <message>
        <source>This is not a case package. It cannot be imported here.</source>
        <translation>这不是案件数据包，不能在此导入。</translation>
    </message>
    <message>
        <source>Ask the unit to check the package and send it again.</source>
        <translation>请报送单位检查数据包后重新发送。</translation>
    </message>
    <message>
        <source>Import case package</source>
        <translation>导入案件数据包</translation>
    </message>
    <message>
        <source>e.g. D:\评查\城关区法院.rdpkg</source>
        <translation>如 D:\评查\城关区法院.rdpkg</translation>
    </message>
    <message>
        <source>Package file</source>
        <translation>数据包文件</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>only if the unit gave you one</source>
        <translation>仅在报送单位提供了口令时填写</translation>
    </message>
    <message>
        <source>Allow an unsigned or untrusted package this once</source>
        <translation>本次允许未签名或不受信任的数据包</translation>
    </message>
    <message>
        <source>Warning: the origin of such a package and changes on the way cannot be checked. Only tick this if you received it in person from the unit. The import is recorded as unsigned in the audit log.</source>
        <translation>警告：这类数据包的来源以及途中是否被改动都无法核实。只有在报送单位当面交给您时才可勾选。本次导入会在审计日志中记为“未签名”。</translation>
    </message>
    <message>
        <source>&amp;Package file:</source>
        <translation>数据包文件(&amp;P)：</translation>
    </message>
    <message>
        <source>Pa&amp;ssphrase:</source>
        <translation>口令(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Choose the package file the unit sent (.rdpkg; for a package in several parts choose the first part, .rdpkg.001, with the other parts in the same folder). The package is checked completely; if anything is wrong, nothing is stored.</source>
        <translation>请选择报送单位发来的数据包文件（.rdpkg；分卷数据包请选择第一卷 .rdpkg.001，其余分卷须放在同一文件夹中）。数据包会被完整校验；只要有任何问题，就不会保存任何内容。</translation>
    </message>
    <message>
        <source>Choose the case package</source>
        <translation>选择案件数据包</translation>
    </message>
    <message>
        <source>Case packages (*.rdpkg *.rdpkg.001)</source>
        <translation>案件数据包 (*.rdpkg *.rdpkg.001)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose the package file first.</source>
        <translation>请先选择数据包文件。</translation>
    </message>
    <message>
        <source>{done} of {total} MB read · {files} of {files_total} files stored</source>
        <translation>已读取 {done} / {total} MB · 已保存 {files} / {files_total} 个文件</translation>
    </message>
    <message>
        <source>Cancelling… nothing will be stored.</source>
        <translation>正在取消…不会保存任何内容。</translation>
    </message>
    <message>
        <source>Checking the package…</source>
        <translation>正在校验数据包…</translation>
    </message>
    <message>
        <source>This package was imported before; nothing was changed. Its cases are in the case list.</source>
        <translation>此数据包以前已导入过，本次未做任何改动。其中的案件已在案件列表中。</translation>
    </message>
    <message>
        <source>Expert roster imported into the expert pool.</source>
        <translation>专家名册已导入专家库。</translation>
    </message>
    <message>
        <source>New experts: {n}</source>
        <translation>新增专家：{n}</translation>
    </message>
    <message>
        <source>Changed experts: {n}</source>
        <translation>信息有变更的专家：{n}</translation>
    </message>
    <message>
        <source>Import finished.</source>
        <translation>导入完成。</translation>
    </message>
    <message>
        <source>New cases: {n}</source>
        <translation>新增案件：{n} 件</translation>
    </message>
    <message>
        <source>Updated cases: {n}</source>
        <translation>更新案件：{n} 件</translation>
    </message>
    <message>
        <source>Documents: {n}</source>
        <translation>卷宗文件：{n} 份</translation>
    </message>
    <message>
        <source>Signed by the trusted key {key}.</source>
        <translation>签名有效，签名密钥：{key}（受信任）。</translation>
    </message>
    <message>
        <source>UNSIGNED: imported without a valid signature ({reason}). This is recorded in the audit log.</source>
        <translation>未签名：本次导入没有有效签名（{reason}）。已记入审计日志。</translation>
    </message>
    <message>
        <source>no signature</source>
        <translation>无签名</translation>
    </message>
    <message>
        <source>Import cancelled. Nothing was stored.</source>
        <translation>导入已取消，未保存任何内容。</translation>
    </message>
    <message>
        <source>The package was refused; nothing was stored.</source>
        <translation>数据包被拒绝，未保存任何内容。</translation>
    </message>
    <message>
        <source>Package refused</source>
        <translation>数据包被拒绝</translation>
    </message>
    <message>
        <source>Update these cases?</source>
        <translation>更新这些案件？</translation>
    </message>
    <message>
        <source>Some cases in this package are already in the store. Update these cases with the data of this package? Their parties, handlers and documents are replaced.</source>
        <translation>此数据包中的部分案件已经导入过。是否用此数据包的内容更新这些案件？这些案件的当事人、办案人员和卷宗文件将被替换。</translation>
    </message>
    <message>
        <source>&amp;Update</source>
        <translation>更新(&amp;U)</translation>
    </message>
    <message>
        <source>Nothing was imported yet: some cases already exist.</source>
        <translation>尚未导入任何内容：部分案件已经存在。</translation>
    </message>
</context>
<context>
    <name>InterviewEditor</name>
    <message>
        <source>Interview record</source>
        <translation>谈话笔录</translation>
    </message>
    <message>
        <source>Interview record (edit)</source>
        <translation>谈话笔录（修改）</translation>
    </message>
    <message>
        <source>name, then Add</source>
        <translation>输入姓名后点“添加”</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>添加(&amp;D)</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>删除(&amp;V)</translation>
    </message>
    <message>
        <source>required for an original case handler</source>
        <translation>原办案人员必填</translation>
    </message>
    <message>
        <source>Identity stated</source>
        <translation>告知身份</translation>
    </message>
    <message>
        <source>Purpose explained</source>
        <translation>告知目的</translation>
    </message>
    <message>
        <source>Right to ask for recusal told</source>
        <translation>告知申请回避的权利</translation>
    </message>
    <message>
        <source>Duty to tell the truth told</source>
        <translation>告知如实陈述的义务</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答</translation>
    </message>
    <message>
        <source>Add &amp;question</source>
        <translation>添加问答(&amp;Q)</translation>
    </message>
    <message>
        <source>Remove question</source>
        <translation>删除问答</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>e.g. I have read this record; it matches what I said.</source>
        <translation>如：以上笔录我已看过，与我说的相符。</translation>
    </message>
    <message>
        <source>&amp;Start: *</source>
        <translation>开始时间(&amp;S)：*</translation>
    </message>
    <message>
        <source>&amp;End: *</source>
        <translation>结束时间(&amp;E)：*</translation>
    </message>
    <message>
        <source>&amp;Place: *</source>
        <translation>地点(&amp;P)：*</translation>
    </message>
    <message>
        <source>&amp;Interviewers (at least two): *</source>
        <translation>谈话人（不少于两人）(&amp;I)：*</translation>
    </message>
    <message>
        <source>&amp;Recorder: *</source>
        <translation>记录人(&amp;R)：*</translation>
    </message>
    <message>
        <source>I&amp;nterviewee: *</source>
        <translation>被谈话人(&amp;N)：*</translation>
    </message>
    <message>
        <source>Interviewee&apos;s &amp;unit:</source>
        <translation>被谈话人单位(&amp;U)：</translation>
    </message>
    <message>
        <source>Re&amp;lation to the case: *</source>
        <translation>与本案关系(&amp;L)：*</translation>
    </message>
    <message>
        <source>Notices given: *</source>
        <translation>告知事项：*</translation>
    </message>
    <message>
        <source>Questions and answers (at least one): *</source>
        <translation>问答（至少一组）：*</translation>
    </message>
    <message>
        <source>Interviewee&apos;s &amp;confirmation: *</source>
        <translation>被谈话人确认意见(&amp;C)：*</translation>
    </message>
    <message>
        <source>&amp;Save the record</source>
        <translation>保存笔录(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Saving the record…</source>
        <translation>正在保存笔录…</translation>
    </message>
</context>
<context>
    <name>InterviewsPanel</name>
    <message>
        <source>&amp;New interview record…</source>
        <translation>新建谈话笔录(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;View / change…</source>
        <translation>查看/修改(&amp;V)…</translation>
    </message>
    <message>
        <source>One record per interviewee: talk with the parties and the original case handlers separately.</source>
        <translation>每名被谈话人单独制作一份笔录：当事人与原办案人员应分别谈话。</translation>
    </message>
    <message>
        <source>Reading the interview records…</source>
        <translation>正在读取谈话笔录…</translation>
    </message>
    <message>
        <source>Interview record saved.</source>
        <translation>谈话笔录已保存。</translation>
    </message>
</context>
<context>
    <name>IssuersModel</name>
    <message>
        <source>Issuing office</source>
        <translation>签发单位</translation>
    </message>
    <message>
        <source>Key ID</source>
        <translation>密钥编号</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <source>Public key: {key}</source>
        <translation>公钥：{key}</translation>
    </message>
</context>
<context>
    <name>KeysPage</name>
    <message>
        <source>Encryption key of this computer</source>
        <translation>本机加密密钥</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save as file…</source>
        <translation>保存为文件(&amp;S)…</translation>
    </message>
    <message>
        <source>Encryption key of this computer (for receiving case packages)</source>
        <translation>本机加密密钥（用于接收案卷包）</translation>
    </message>
    <message>
        <source>Give this key to the organising office. They use it to encrypt case packages so that only this computer can open them. It is not secret: you can send it by e-mail or on a USB stick.</source>
        <translation>请把这个密钥交给组织单位。对方用它加密案卷包，这样只有本机能够打开。它不需要保密，可以通过电子邮件或 U 盘发送。</translation>
    </message>
    <message>
        <source>Key ID of this computer&apos;s signing key</source>
        <translation>本机签名密钥的密钥编号</translation>
    </message>
    <message>
        <source>Save &amp;public key as file…</source>
        <translation>将公钥保存为文件(&amp;P)…</translation>
    </message>
    <message>
        <source>Key ID:</source>
        <translation>密钥编号：</translation>
    </message>
    <message>
        <source>Signing key of this computer (for sending results)</source>
        <translation>本机签名密钥（用于发送评查结果）</translation>
    </message>
    <message>
        <source>Results packages made on this computer are signed. Give the public key file (.pub) to the offices that receive them: they use it to check that the results really come from this computer and were not changed on the way.</source>
        <translation>本机生成的结果包都带有签名。请把公钥文件（.pub）交给接收结果的单位：对方用它核验结果确实来自本机，且在传递过程中没有被改动。</translation>
    </message>
    <message>
        <source>&amp;Add a trusted issuing office…</source>
        <translation>添加信任的签发单位(&amp;A)…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>Trusted issuing offices</source>
        <translation>信任的签发单位</translation>
    </message>
    <message>
        <source>Case packages signed by these offices are accepted as genuine when imported. Add an office only with the public key file it gave you, and check the key ID with it by telephone.</source>
        <translation>由这些单位签名的案卷包，导入时会被认定为真实可信。请只使用对方亲自提供的公钥文件添加单位，并打电话与对方核对密钥编号。</translation>
    </message>
    <message>
        <source>Keys and trust</source>
        <translation>密钥与信任</translation>
    </message>
    <message>
        <source>The encryption key was copied. Paste it into your message to the organising office.</source>
        <translation>加密密钥已复制。请将它粘贴到发给组织单位的消息中。</translation>
    </message>
    <message>
        <source>Save the encryption key</source>
        <translation>保存加密密钥</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Save the public key</source>
        <translation>保存公钥</translation>
    </message>
    <message>
        <source>Public key files (*.pub)</source>
        <translation>公钥文件 (*.pub)</translation>
    </message>
    <message>
        <source>The file could not be saved to {path}. Choose another folder (for example the desktop) and try again.</source>
        <translation>无法将文件保存到 {path}。请选择其他文件夹（例如桌面）后重试。</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>已保存到 {path}。</translation>
    </message>
    <message>
        <source>{name} (key ID {key}) is now trusted.</source>
        <translation>已信任{name}（密钥编号 {key}）。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Administrator (organiser)</source>
        <translation>管理员（组织者）</translation>
    </message>
    <message>
        <source>Review expert</source>
        <translation>评查专家</translation>
    </message>
    <message>
        <source>Observer (read only)</source>
        <translation>观察员（只读）</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>审计员</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Account added</source>
        <translation>添加账户</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Account disabled</source>
        <translation>停用账户</translation>
    </message>
    <message>
        <source>Account enabled</source>
        <translation>启用账户</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <source>Current campaign chosen</source>
        <translation>选定当前评查活动</translation>
    </message>
    <message>
        <source>Audit checkpoint</source>
        <translation>审计检查点</translation>
    </message>
    <message>
        <source>Refused (no permission)</source>
        <translation>拒绝（无权限）</translation>
    </message>
    <message>
        <source>Workspace created</source>
        <translation>创建工作区</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Data key rotated</source>
        <translation>更换数据密钥</translation>
    </message>
    <message>
        <source>Recovery code replaced</source>
        <translation>更换恢复码</translation>
    </message>
    <message>
        <source>Workspace restored</source>
        <translation>恢复工作区</translation>
    </message>
    <message>
        <source>Campaign created</source>
        <translation>设立评查活动</translation>
    </message>
    <message>
        <source>Unit added</source>
        <translation>添加单位</translation>
    </message>
    <message>
        <source>Case package imported</source>
        <translation>导入案卷包</translation>
    </message>
    <message>
        <source>Case folder imported</source>
        <translation>导入案卷文件夹</translation>
    </message>
    <message>
        <source>Case package refused</source>
        <translation>拒收案卷包</translation>
    </message>
    <message>
        <source>Case opened</source>
        <translation>查看案件</translation>
    </message>
    <message>
        <source>Cases searched</source>
        <translation>检索案件</translation>
    </message>
    <message>
        <source>Case document viewed</source>
        <translation>查阅案卷材料</translation>
    </message>
    <message>
        <source>Case document exported</source>
        <translation>导出案卷材料</translation>
    </message>
    <message>
        <source>Sender key trusted</source>
        <translation>信任报送单位密钥</translation>
    </message>
    <message>
        <source>Workstation key shown</source>
        <translation>查看工作站公钥</translation>
    </message>
    <message>
        <source>Campaign rules changed</source>
        <translation>修改评查活动规则</translation>
    </message>
    <message>
        <source>Expert pool imported</source>
        <translation>导入专家库</translation>
    </message>
    <message>
        <source>Expert availability changed</source>
        <translation>修改专家可用状态</translation>
    </message>
    <message>
        <source>Expert tags changed</source>
        <translation>修改专家标签</translation>
    </message>
    <message>
        <source>Expert relations changed</source>
        <translation>修改专家关系</translation>
    </message>
    <message>
        <source>Expert linked to an account</source>
        <translation>关联专家账户</translation>
    </message>
    <message>
        <source>Interest registry imported</source>
        <translation>导入利益登记信息</translation>
    </message>
    <message>
        <source>Recusal decided</source>
        <translation>作出回避决定</translation>
    </message>
    <message>
        <source>Recusal declaration recorded</source>
        <translation>登记回避申请</translation>
    </message>
    <message>
        <source>Cases drawn at random</source>
        <translation>随机抽取案件</translation>
    </message>
    <message>
        <source>Key case added</source>
        <translation>添加重点案件</translation>
    </message>
    <message>
        <source>Case taken out of the selection</source>
        <translation>移出入选案件</translation>
    </message>
    <message>
        <source>Panels saved</source>
        <translation>保存评查组</translation>
    </message>
    <message>
        <source>Panel member replaced</source>
        <translation>替换评查组成员</translation>
    </message>
    <message>
        <source>Panel member changed</source>
        <translation>调整评查组成员</translation>
    </message>
    <message>
        <source>Score sheet rubric imported</source>
        <translation>导入评分表模板</translation>
    </message>
    <message>
        <source>Campaign rubric chosen</source>
        <translation>选定评查活动评分表</translation>
    </message>
    <message>
        <source>Grade bands changed</source>
        <translation>修改等次标准</translation>
    </message>
    <message>
        <source>Recusal statement confirmed</source>
        <translation>确认回避声明</translation>
    </message>
    <message>
        <source>Score sheet draft saved</source>
        <translation>保存评分表草稿</translation>
    </message>
    <message>
        <source>Score sheet submitted</source>
        <translation>提交评分表</translation>
    </message>
    <message>
        <source>Score sheet amended</source>
        <translation>更正评分表</translation>
    </message>
    <message>
        <source>Panel conclusion recorded</source>
        <translation>记录合议结论</translation>
    </message>
    <message>
        <source>Interview record made</source>
        <translation>制作谈话笔录</translation>
    </message>
    <message>
        <source>Interview record changed</source>
        <translation>修改谈话笔录</translation>
    </message>
    <message>
        <source>Review opinion issued</source>
        <translation>评查意见书已出具</translation>
    </message>
    <message>
        <source>Opinions issued for a results package</source>
        <translation>评查意见书已随成果数据包出具</translation>
    </message>
    <message>
        <source>Opinions exported in a batch</source>
        <translation>评查意见书已批量导出</translation>
    </message>
    <message>
        <source>Score sheets or review records produced</source>
        <translation>评分表或评查记录已生成</translation>
    </message>
    <message>
        <source>Results package exported</source>
        <translation>评查结果包已导出</translation>
    </message>
    <message>
        <source>Results package imported</source>
        <translation>评查结果包已导入</translation>
    </message>
    <message>
        <source>Results package refused</source>
        <translation>评查结果包被拒绝</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>Log-in and lock</source>
        <translation>登录与锁定</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Refusals</source>
        <translation>越权拒绝</translation>
    </message>
    <message>
        <source>Workspace maintenance</source>
        <translation>工作区维护</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>评查活动</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Case packages</source>
        <translation>案卷包</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Case documents</source>
        <translation>案卷材料</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Expert pool</source>
        <translation>专家库</translation>
    </message>
    <message>
        <source>Interest registry</source>
        <translation>利益登记</translation>
    </message>
    <message>
        <source>Recusal</source>
        <translation>回避</translation>
    </message>
    <message>
        <source>Case selection</source>
        <translation>选案</translation>
    </message>
    <message>
        <source>Panel drawing</source>
        <translation>分案</translation>
    </message>
    <message>
        <source>Panel changes</source>
        <translation>评查组调整</translation>
    </message>
    <message>
        <source>Score sheets</source>
        <translation>评分表</translation>
    </message>
    <message>
        <source>Deliberation</source>
        <translation>合议</translation>
    </message>
    <message>
        <source>Interview records</source>
        <translation>谈话笔录</translation>
    </message>
    <message>
        <source>Review opinions</source>
        <translation>评查意见书</translation>
    </message>
    <message>
        <source>Results packages</source>
        <translation>评查结果包</translation>
    </message>
    <message>
        <source>No regional exclusion</source>
        <translation>不限地域</translation>
    </message>
    <message>
        <source>Exclude same county</source>
        <translation>排除同一区县</translation>
    </message>
    <message>
        <source>Exclude same prefecture</source>
        <translation>排除同一地市</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>筹备中</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>法官</translation>
    </message>
    <message>
        <source>Prosecutor</source>
        <translation>检察官</translation>
    </message>
    <message>
        <source>Police officer</source>
        <translation>警察</translation>
    </message>
    <message>
        <source>Lawyer</source>
        <translation>律师</translation>
    </message>
    <message>
        <source>Academic</source>
        <translation>学者</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Original handler</source>
        <translation>原办案人员</translation>
    </message>
    <message>
        <source>Party or near relative</source>
        <translation>当事人或近亲属</translation>
    </message>
    <message>
        <source>Interest in the case</source>
        <translation>与案件有利害关系</translation>
    </message>
    <message>
        <source>Earlier role in the case</source>
        <translation>曾在案件中担任其他角色</translation>
    </message>
    <message>
        <source>Same unit</source>
        <translation>同一单位</translation>
    </message>
    <message>
        <source>Same region</source>
        <translation>同一地区</translation>
    </message>
    <message>
        <source>Conduct</source>
        <translation>不当接触</translation>
    </message>
    <message>
        <source>Declared or granted recusal</source>
        <translation>自行回避或申请回避</translation>
    </message>
    <message>
        <source>Reviewed before</source>
        <translation>曾评查过本案</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>回避</translation>
    </message>
    <message>
        <source>To decide</source>
        <translation>待决定</translation>
    </message>
    <message>
        <source>Excluded (confirmed)</source>
        <translation>回避（已确认）</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>已排除疑点</translation>
    </message>
    <message>
        <source>Near relative</source>
        <translation>近亲属</translation>
    </message>
    <message>
        <source>Former colleague</source>
        <translation>原同事</translation>
    </message>
    <message>
        <source>Business interest</source>
        <translation>利益关系</translation>
    </message>
    <message>
        <source>Counsel for</source>
        <translation>代理关系</translation>
    </message>
    <message>
        <source>Other relation</source>
        <translation>其他关系</translation>
    </message>
</context>
<context>
    <name>LetterForm</name>
    <message>
        <source>Send the referral</source>
        <translation>登记移送</translation>
    </message>
    <message>
        <source>Receiving body</source>
        <translation>接收机关</translation>
    </message>
    <message>
        <source>Date sent</source>
        <translation>移送日期</translation>
    </message>
    <message>
        <source>today when empty (YYYY-MM-DD)</source>
        <translation>不填则为今天（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>Feedback deadline</source>
        <translation>反馈期限</translation>
    </message>
    <message>
        <source>the campaign&apos;s default when empty; </source>
        <translation>不填则按评查活动的默认期限；</translation>
    </message>
    <message>
        <source>Officer in charge</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Send referral {id}</source>
        <translation>移送线索 {id}</translation>
    </message>
    <message>
        <source>Issues the referral letter&apos;s number (once; it cannot be taken back) and starts the feedback deadline. Print the letter afterwards from the register.</source>
        <translation>编发线索移送函文号（只编一次，不能收回），并开始计算反馈期限。移送函可随后在台账中打印。</translation>
    </message>
    <message>
        <source>Issue the number and send</source>
        <translation>编发文号并移送</translation>
    </message>
    <message>
        <source>Issue the letter number?</source>
        <translation>编发移送函文号？</translation>
    </message>
    <message>
        <source>The referral letter gets its permanent number now and counts as sent. This cannot be undone.</source>
        <translation>移送函将取得正式文号并视为已移送，此操作不能撤销。</translation>
    </message>
    <message>
        <source>Issue the number</source>
        <translation>编发文号</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>LinkTexts</name>
    <message>
        <source>{title}, page {page}</source>
        <translation>{title}第 {page} 页</translation>
    </message>
    <message>
        <source>not in the case file: page {pages}</source>
        <translation>案卷中找不到第 {pages} 页</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>另有 {count} 处</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <source>ReviewDesk — Log in</source>
        <translation>评查工作台 — 登录</translation>
    </message>
    <message>
        <source>ReviewDesk</source>
        <translation>评查工作台</translation>
    </message>
    <message>
        <source>Law-enforcement supervision case review. Log in to open the workspace.</source>
        <translation>执法监督案件评查。请登录以打开工作区。</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>更改…</translation>
    </message>
    <message>
        <source>Open a workspace in another folder, or create a new one</source>
        <translation>打开其他文件夹中的工作区，或新建工作区</translation>
    </message>
    <message>
        <source>e.g. admin</source>
        <translation>例如 admin</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>至少 8 位</translation>
    </message>
    <message>
        <source>Workspace:</source>
        <translation>工作区：</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Forgot password? Use recovery code…</source>
        <translation>忘记密码？使用恢复码…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>ReviewDesk — Locked</source>
        <translation>评查工作台 — 已锁定</translation>
    </message>
    <message>
        <source>The workspace is locked</source>
        <translation>工作区已锁定</translation>
    </message>
    <message>
        <source>It was locked automatically after a period without use. Nothing is shown until you unlock: enter your password to continue where you were.</source>
        <translation>因长时间无操作，工作区已自动锁定。解锁前不显示任何数据，请输入密码，回到锁定前的位置继续工作。</translation>
    </message>
    <message>
        <source>It was locked on request. Nothing is shown until you unlock: enter your password to continue where you were.</source>
        <translation>工作区已按您的要求锁定。解锁前不显示任何数据，请输入密码，回到锁定前的位置继续工作。</translation>
    </message>
    <message>
        <source>It was locked because the computer&apos;s session was locked. Nothing is shown until you unlock: enter your password to continue where you were.</source>
        <translation>由于计算机会话已锁定，工作区已随之锁定。解锁前不显示任何内容，请输入密码继续。</translation>
    </message>
    <message>
        <source>Nothing is shown until you unlock: enter your password to continue where you were.</source>
        <translation>解锁前不显示任何数据，请输入密码，回到锁定前的位置继续工作。</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>Checking the password and opening the workspace…</source>
        <translation>正在验证密码并打开工作区…</translation>
    </message>
    <message>
        <source>Check the user name, the Caps Lock key and the input method (use half-width characters). If you forgot the password, ask the administrator to reset it or use the recovery code.</source>
        <translation>请检查用户名、大写锁定键（Caps Lock）和输入法（应使用半角英文）。如忘记密码，请联系管理员重置，或使用恢复码。</translation>
    </message>
    <message>
        <source>You may try again now.</source>
        <translation>现在可以重新尝试。</translation>
    </message>
    <message>
        <source>Too many wrong passwords. To protect the workspace, wait {seconds} seconds before the next try.</source>
        <translation>密码错误次数过多。为保护工作区，请等待 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <source>Choose the workspace folder</source>
        <translation>选择工作区文件夹</translation>
    </message>
    <message>
        <source>Workspace incomplete</source>
        <translation>工作区不完整</translation>
    </message>
    <message>
        <source>The folder {folder} holds only part of a workspace (setup was interrupted or a file was removed). Restore it from a backup, or choose another folder.</source>
        <translation>文件夹 {folder} 中的工作区不完整（初始化中断或文件被删除）。请从备份恢复，或选择其他文件夹。</translation>
    </message>
    <message>
        <source>No workspace here</source>
        <translation>此处没有工作区</translation>
    </message>
    <message>
        <source>The folder {folder} does not hold a workspace. Create a new workspace there?</source>
        <translation>文件夹 {folder} 中没有工作区。是否在此新建工作区？</translation>
    </message>
    <message>
        <source>Create workspace…</source>
        <translation>新建工作区…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ReviewDesk</source>
        <translation>评查工作台</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>功能区</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <source>Lock the workspace now (Ctrl+L)</source>
        <translation>立即锁定工作区（Ctrl+L）</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>修改我的密码(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;User manual</source>
        <translation>使用手册(&amp;U)</translation>
    </message>
    <message>
        <source>Open the manual at the topic of this page (F1)</source>
        <translation>打开使用手册中讲本页的一节（F1）</translation>
    </message>
    <message>
        <source>&amp;About ReviewDesk</source>
        <translation>关于评查工作台(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>{name} · {role}</source>
        <translation>{name} · {role}</translation>
    </message>
    <message>
        <source>ReviewDesk — {folder}</source>
        <translation>评查工作台 — {folder}</translation>
    </message>
    <message>
        <source>Workspace: {folder} · locks after {minutes} minutes without use · Ctrl+L locks now</source>
        <translation>工作区：{folder} · 无操作 {minutes} 分钟后自动锁定 · 按 Ctrl+L 立即锁定</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>密码已修改</translation>
    </message>
    <message>
        <source>Your password has been changed. Use the new password from the next log-in on.</source>
        <translation>您的密码已修改，下次登录请使用新密码。</translation>
    </message>
    <message>
        <source>Import a package</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <source>Only an administrator can import packages; {name} was not opened.</source>
        <translation>只有管理员可以导入数据包；未打开 {name}。</translation>
    </message>
</context>
<context>
    <name>MarkDialog</name>
    <message>
        <source>Page {page}</source>
        <translation>第{page}页</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>标注内容</translation>
    </message>
    <message>
        <source>What you noticed on this page (only you can see it)</source>
        <translation>您在本页发现的问题（仅您本人可见）</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>所标段落</translation>
    </message>
    <message>
        <source>Optional: the words you mark, copied from the page</source>
        <translation>可选：从本页复制的所标文字</translation>
    </message>
    <message>
        <source>Passage (optional)</source>
        <translation>所标段落（可选）</translation>
    </message>
</context>
<context>
    <name>MemberSheetDialog</name>
    <message>
        <source>Score sheet of {name}</source>
        <translation>{name} 的评分表</translation>
    </message>
    <message>
        <source>Submitted, version {version}.</source>
        <translation>已提交，第 {version} 版。</translation>
    </message>
    <message>
        <source>Draft: the member has not submitted it yet.</source>
        <translation>草稿：该成员尚未提交。</translation>
    </message>
</context>
<context>
    <name>MemberSheetsModel</name>
    <message>
        <source>Expert</source>
        <translation>专家</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>评分表</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等次</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Expert no.</source>
        <translation>专家编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Profession</source>
        <translation>职业</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Specialist</source>
        <translation>专业对口</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>组长</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Backup {rank}</source>
        <translation>候补 {rank}</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>MyCasesModel</name>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>案件名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>My role</source>
        <translation>我的角色</translation>
    </message>
    <message>
        <source>My sheet</source>
        <translation>我的评分表</translation>
    </message>
    <message>
        <source>Total (grade)</source>
        <translation>总分（等次）</translation>
    </message>
</context>
<context>
    <name>MyTasks</name>
    <message>
        <source>Read and sign the recusal statement</source>
        <translation>阅读并签署回避声明</translation>
    </message>
    <message>
        <source>Fill in and submit the score sheet</source>
        <translation>填写并提交评分表</translation>
    </message>
    <message>
        <source>Deliberate and record the panel&apos;s conclusion (you lead)</source>
        <translation>组织合议并记录结论（您是组长）</translation>
    </message>
    <message>
        <source>Deliberation: waiting for the other members&apos; sheets</source>
        <translation>合议：等待组内其他成员提交评分表</translation>
    </message>
    <message>
        <source>Deliberation: the panel is ready, the leader records it</source>
        <translation>合议：组内已全部提交，由组长记录结论</translation>
    </message>
    <message>
        <source>{date} (overdue)</source>
        <translation>{date}（已逾期）</translation>
    </message>
    <message>
        <source>{date} (due soon)</source>
        <translation>{date}（即将到期）</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>案件名称</translation>
    </message>
    <message>
        <source>My role</source>
        <translation>我的角色</translation>
    </message>
    <message>
        <source>Sheets in</source>
        <translation>已提交评分表</translation>
    </message>
    <message>
        <source>Scoring due by</source>
        <translation>评分截止</translation>
    </message>
    <message>
        <source>{done} of {members}</source>
        <translation>{done}/{members} 人</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Experts</source>
        <translation>专家</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>分案</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Opinions</source>
        <translation>意见书</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>评查结果汇总</translation>
    </message>
    <message>
        <source>Referral &amp; rectification</source>
        <translation>移送整改</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Keys and trust</source>
        <translation>密钥与信任</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>ObjectionForm</name>
    <message>
        <source>Record an objection</source>
        <translation>登记异议</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Objector</source>
        <translation>异议人</translation>
    </message>
    <message>
        <source>the unit or person who objects</source>
        <translation>提出异议的单位或人员</translation>
    </message>
    <message>
        <source>Grounds</source>
        <translation>异议理由</translation>
    </message>
    <message>
        <source>the grounds of the objection (required)</source>
        <translation>异议的理由（必填）</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>today when empty (YYYY-MM-DD)</source>
        <translation>不填则为今天（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>Opinion delivered on</source>
        <translation>意见书送达日期</translation>
    </message>
    <message>
        <source>the opinion&apos;s date when empty (YYYY-MM-DD)</source>
        <translation>不填则为意见书出具日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>Why admitted though late</source>
        <translation>逾期受理理由</translation>
    </message>
    <message>
        <source>only for a late objection</source>
        <translation>仅逾期提出的异议需要填写</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>异议</translation>
    </message>
    <message>
        <source>An objection received after the campaign&apos;s objection period is refused unless you say why it is admitted. The panel&apos;s leader then records the re-check.</source>
        <translation>超过评查活动异议期限提出的异议不予受理，除非写明受理理由。受理后由评查组组长登记复核决定。</translation>
    </message>
    <message>
        <source>Record the objection</source>
        <translation>登记异议</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>ObjectionsTab</name>
    <message>
        <source>Record an objection…</source>
        <translation>登记异议…</translation>
    </message>
    <message>
        <source>Record the re-check decision…</source>
        <translation>登记复核决定…</translation>
    </message>
    <message>
        <source>The panel&apos;s leader (or the office): upheld or changed</source>
        <translation>由评查组组长（或评查办公室）登记：维持或变更</translation>
    </message>
    <message>
        <source>Re-check decision ▾</source>
        <translation>复核决定书 ▾</translation>
    </message>
    <message>
        <source>Re-check decision on case {case}</source>
        <translation>案件{case}复核决定书</translation>
    </message>
    <message>
        <source>late; admitted because: {reason}</source>
        <translation>逾期；受理理由：{reason}</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Objector</source>
        <translation>异议人</translation>
    </message>
    <message>
        <source>Opinion delivered</source>
        <translation>意见书送达</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Objection deadline</source>
        <translation>异议期限</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Grounds</source>
        <translation>异议理由</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>复核理由</translation>
    </message>
    <message>
        <source>What was checked</source>
        <translation>复核内容</translation>
    </message>
    <message>
        <source>Conclusion versions</source>
        <translation>结论版本</translation>
    </message>
    <message>
        <source>Re-issued opinion</source>
        <translation>重新出具的意见书</translation>
    </message>
    <message>
        <source>replaces {number}</source>
        <translation>替代 {number}</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>复核人</translation>
    </message>
    <message>
        <source>The objection was recorded.</source>
        <translation>异议已登记。</translation>
    </message>
    <message>
        <source>The re-check decision was recorded.</source>
        <translation>复核决定已登记。</translation>
    </message>
</context>
<context>
    <name>OcrStatus</name>
    <message>
        <source>Pause recognition</source>
        <translation>暂停识别</translation>
    </message>
    <message>
        <source>Resume recognition</source>
        <translation>继续识别</translation>
    </message>
    <message>
        <source>Recognition paused</source>
        <translation>识别已暂停</translation>
    </message>
    <message>
        <source>Recognising file {file} of {files}, page {page} of {pages}</source>
        <translation>正在识别 {file}/{files} 份文件，第 {page}/{pages} 页</translation>
    </message>
    <message>
        <source>Recognition done: {pages} page(s), {failed} file(s) could not be read</source>
        <translation>识别完成：共 {pages} 页，{failed} 份文件无法识别</translation>
    </message>
    <message>
        <source>Recognition stopped: {reason}</source>
        <translation>识别中止：{reason}</translation>
    </message>
</context>
<context>
    <name>OpinionLabels</name>
    <message>
        <source>Wrong case</source>
        <translation>错案</translation>
    </message>
    <message>
        <source>Flawed case</source>
        <translation>瑕疵案</translation>
    </message>
    <message>
        <source>No problem</source>
        <translation>无问题</translation>
    </message>
    <message>
        <source>Concluded</source>
        <translation>已合议</translation>
    </message>
    <message>
        <source>Not concluded</source>
        <translation>未合议</translation>
    </message>
    <message>
        <source>Review opinion</source>
        <translation>评查意见书</translation>
    </message>
    <message>
        <source>Score sheets</source>
        <translation>评分表</translation>
    </message>
    <message>
        <source>Recusal form</source>
        <translation>回避情况表</translation>
    </message>
    <message>
        <source>Interview records</source>
        <translation>谈话笔录</translation>
    </message>
</context>
<context>
    <name>OpinionsModel</name>
    <message>
        <source>Case ID</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Case name</source>
        <translation>案件名称</translation>
    </message>
    <message>
        <source>Handling unit</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Panel leader</source>
        <translation>组长</translation>
    </message>
    <message>
        <source>Deliberation</source>
        <translation>合议</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等次</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
</context>
<context>
    <name>OpinionsPage</name>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Batch export…</source>
        <translation>批量导出(&amp;B)…</translation>
    </message>
    <message>
        <source>Export results &amp;package…</source>
        <translation>导出评查结果包(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>打印(&amp;R)…</translation>
    </message>
    <message>
        <source>Export &amp;Word…</source>
        <translation>导出 Word(&amp;W)…</translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation>导出 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Other documents</source>
        <translation>其他文书(&amp;O)</translation>
    </message>
    <message>
        <source>Preview the score sheets</source>
        <translation>预览评分表</translation>
    </message>
    <message>
        <source>Print the score sheets…</source>
        <translation>打印评分表…</translation>
    </message>
    <message>
        <source>Preview the recusal form</source>
        <translation>预览回避情况表</translation>
    </message>
    <message>
        <source>Print the recusal form…</source>
        <translation>打印回避情况表…</translation>
    </message>
    <message>
        <source>Preview the interview records</source>
        <translation>预览谈话笔录</translation>
    </message>
    <message>
        <source>Print the interview records…</source>
        <translation>打印谈话笔录…</translation>
    </message>
    <message>
        <source>Opinion of the chosen case:</source>
        <translation>所选案件的评查意见书：</translation>
    </message>
    <message>
        <source>Review opinions</source>
        <translation>评查意见书</translation>
    </message>
    <message>
        <source>The cases of your panels. Once the panel has concluded, the panel leader previews, prints and exports the review opinion; every member can print the score sheets, the recusal form and the interview records. Every document produced is recorded in the audit log.</source>
        <translation>您所在评查组的案件。评查组合议后，由组长预览、打印和导出评查意见书；每位成员都可以打印评分表、回避情况表和谈话笔录。每次出具文书都记入审计日志。</translation>
    </message>
    <message>
        <source>The cases of the campaign. A concluded case has a review opinion: preview it, print it or save it as Word or PDF (its document number is given the first time). “Batch export…” saves the opinions of all concluded cases into one folder. Every document produced is recorded in the audit log.</source>
        <translation>本次评查活动的案件。已合议的案件可出具评查意见书：预览、打印或保存为 Word、PDF（首次出具时编排文号）。“批量导出…”把所有已合议案件的评查意见书保存到一个文件夹。每次出具文书都记入审计日志。</translation>
    </message>
    <message>
        <source>The cases of the campaign with their conclusion and document number. The documents themselves are produced by the office and the panel leaders.</source>
        <translation>本次评查活动的案件及其合议结论和文号。文书由组织方和评查组组长出具。</translation>
    </message>
    <message>
        <source>{cases} cases, {concluded} concluded (only concluded cases have an opinion).</source>
        <translation>共 {cases} 件案件，已合议 {concluded} 件（只有已合议的案件才能出具评查意见书）。</translation>
    </message>
    <message>
        <source>Choose a case in the table first.</source>
        <translation>请先在表格中选择一件案件。</translation>
    </message>
    <message>
        <source>Observers see the list only; the office and the panel leaders produce the documents.</source>
        <translation>观察员只能查看列表；文书由组织方和评查组组长出具。</translation>
    </message>
    <message>
        <source>This case has no panel conclusion yet: its opinion can be produced once the panel has concluded.</source>
        <translation>本案尚未形成合议结论：评查组合议后才能出具评查意见书。</translation>
    </message>
    <message>
        <source>Only the panel leader ({leader}) or the office produces the opinion of this case.</source>
        <translation>本案的评查意见书只能由评查组组长（{leader}）或组织方出具。</translation>
    </message>
    <message>
        <source>This case has no panel yet, so it has no score sheets or records.</source>
        <translation>本案还没有评查组，因此没有评分表或笔录。</translation>
    </message>
    <message>
        <source>Show the opinion on screen (double-click a row)</source>
        <translation>在屏幕上查看评查意见书（也可双击表格中的一行）</translation>
    </message>
    <message>
        <source>Print the opinion</source>
        <translation>打印评查意见书</translation>
    </message>
    <message>
        <source>Save the opinion as a Word document</source>
        <translation>将评查意见书保存为 Word 文档</translation>
    </message>
    <message>
        <source>Save the opinion as a PDF file</source>
        <translation>将评查意见书保存为 PDF 文件</translation>
    </message>
    <message>
        <source>Score sheets, recusal form and interview records</source>
        <translation>评分表、回避情况表和谈话笔录</translation>
    </message>
    <message>
        <source>Save the opinions of all {count} concluded cases into a folder</source>
        <translation>将全部 {count} 件已合议案件的评查意见书保存到一个文件夹</translation>
    </message>
    <message>
        <source>No case of this campaign is concluded yet.</source>
        <translation>本次评查活动还没有已合议的案件。</translation>
    </message>
    <message>
        <source>Send this campaign&apos;s results (score sheets, conclusions, opinions, audit log) to the organising office in an encrypted, signed package</source>
        <translation>把本次评查活动的结果（评分表、合议结论、评查意见书、审计日志）打成加密并签名的数据包，交给组织单位</translation>
    </message>
    <message>
        <source>Preparing the opinion…</source>
        <translation>正在生成评查意见书…</translation>
    </message>
    <message>
        <source>Issue the document number?</source>
        <translation>生成正式文号？</translation>
    </message>
    <message>
        <source>The opinion of {case} has no document number yet. Printing or saving it now issues its permanent number and fixes today as its date; this cannot be undone. To only look at it, use Preview, which shows a draft.</source>
        <translation>案件 {case} 的评查意见书尚未生成文号。现在打印或保存，将为其生成正式文号，并以今天为成文日期，且不能撤销。如只需查看，请使用“预览”（显示为草稿，不生成文号）。</translation>
    </message>
    <message>
        <source>Issue the number and continue</source>
        <translation>生成文号并继续</translation>
    </message>
    <message>
        <source>{case} {document} {number}</source>
        <translation>{case} {document} {number}</translation>
    </message>
    <message>
        <source>Save the opinion as Word</source>
        <translation>将评查意见书保存为 Word</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Save the opinion as PDF</source>
        <translation>将评查意见书保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saving the opinion…</source>
        <translation>正在保存评查意见书…</translation>
    </message>
    <message>
        <source>Opinion {number} saved to {path}. The file is not encrypted there: keep it safe.</source>
        <translation>评查意见书 {number} 已保存到 {path}。该文件未加密，请妥善保管。</translation>
    </message>
    <message>
        <source>Case {case} has no {document} yet (score sheets appear once submitted, interview records once made).</source>
        <translation>案件 {case} 还没有{document}（评分表在提交后才有，谈话笔录在制作后才有）。</translation>
    </message>
    <message>
        <source>{case} {document}</source>
        <translation>{case} {document}</translation>
    </message>
    <message>
        <source>Preparing the {document}…</source>
        <translation>正在生成{document}…</translation>
    </message>
    <message>
        <source>The printer could not be started. Check that it is switched on and connected, then try again.</source>
        <translation>无法启动打印机。请检查打印机是否已开机并连接好，然后重试。</translation>
    </message>
    <message>
        <source>“{title}” was sent to the printer.</source>
        <translation>“{title}”已发送到打印机。</translation>
    </message>
    <message>
        <source>Choose the folder for the opinions</source>
        <translation>选择保存评查意见书的文件夹</translation>
    </message>
    <message>
        <source>Replace files?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <source>{count} files of the same name are already in this folder. Replace them with the opinions produced now?</source>
        <translation>该文件夹中已有 {count} 个同名文件。要用现在生成的评查意见书替换它们吗？</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Giving the document numbers…</source>
        <translation>正在编排文号…</translation>
    </message>
    <message>
        <source>Batch export</source>
        <translation>批量导出</translation>
    </message>
    <message>
        <source>Exporting the opinions…</source>
        <translation>正在导出评查意见书…</translation>
    </message>
    <message>
        <source>Producing {done}/{total}…</source>
        <translation>正在生成 {done}/{total}…</translation>
    </message>
    <message>
        <source>{files} files were saved in {folder}.</source>
        <translation>已将 {files} 个文件保存到 {folder}。</translation>
    </message>
    <message>
        <source>{count} cases are not concluded yet and have no opinion; they were skipped.</source>
        <translation>{count} 件案件尚未合议，没有评查意见书，已跳过。</translation>
    </message>
    <message>
        <source>Skipped cases:</source>
        <translation>跳过的案件：</translation>
    </message>
    <message>
        <source>Batch export finished</source>
        <translation>批量导出完成</translation>
    </message>
    <message>
        <source>The files are not encrypted there: keep them safe.</source>
        <translation>这些文件未加密，请妥善保管。</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
</context>
<context>
    <name>PanelCasesModel</name>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Handling unit</source>
        <translation>办案单位</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员数</translation>
    </message>
</context>
<context>
    <name>PanelsModel</name>
    <message>
        <source>Drawn</source>
        <translation>已抽取</translation>
    </message>
    <message>
        <source>Drawn, a requirement unmet</source>
        <translation>已抽取，有要求未满足</translation>
    </message>
    <message>
        <source>Cannot be staffed</source>
        <translation>无法组建</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Handling unit</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>组长</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>PathMessages</name>
    <message>
        <source>Cannot save there</source>
        <translation>无法保存到这里</translation>
    </message>
    <message>
        <source>No file or folder chosen yet. Press Browse… to choose one.</source>
        <translation>还没有选择文件或文件夹。请按“浏览…”选择。</translation>
    </message>
    <message>
        <source>“{path}” has no file name. Type a name such as results{suffix}, or press Browse….</source>
        <translation>“{path}”里没有文件名。请输入文件名，例如 results{suffix}，或按“浏览…”选择。</translation>
    </message>
    <message>
        <source>“{path}” is a folder. Choose a file in it, or type a file name after the folder.</source>
        <translation>“{path}”是一个文件夹。请选择其中的文件，或在文件夹后面输入文件名。</translation>
    </message>
    <message>
        <source>“{path}” is a file, not a folder. Choose a folder.</source>
        <translation>“{path}”是文件，不是文件夹。请选择一个文件夹。</translation>
    </message>
    <message>
        <source>The folder “{path}” does not exist. Choose an existing folder with Browse….</source>
        <translation>文件夹“{path}”不存在。请按“浏览…”选择一个已有的文件夹。</translation>
    </message>
    <message>
        <source>ReviewDesk may not write in the folder “{path}”. Choose another folder, for example your Documents folder or the USB stick.</source>
        <translation>评查工作台无权写入文件夹“{path}”。请换一个文件夹，例如“文档”文件夹或U盘。</translation>
    </message>
    <message>
        <source>“{path}” was not found. Check the name, or choose it with Browse….</source>
        <translation>找不到“{path}”。请核对名称，或按“浏览…”选择。</translation>
    </message>
    <message>
        <source>“{path}” cannot be read (it may be open in another program or protected). Close the other program, or copy the file and try again.</source>
        <translation>无法读取“{path}”（可能正被其他程序打开，或受到保护）。请关闭其他程序，或把文件复制一份后再试。</translation>
    </message>
    <message>
        <source>“{path}” is not the right kind of file: the name should end with {suffix}. Choose the right file.</source>
        <translation>“{path}”不是所需类型的文件：文件名应以 {suffix} 结尾。请选择正确的文件。</translation>
    </message>
    <message>
        <source>“{path}” already exists. Type a new file name.</source>
        <translation>“{path}”已存在。请输入一个新的文件名。</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Preview — {title}</source>
        <translation>预览 — {title}</translation>
    </message>
    <message>
        <source>Smaller (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
        <source>Larger (Ctrl++)</source>
        <translation>放大（Ctrl++）</translation>
    </message>
    <message>
        <source>Zoom:</source>
        <translation>缩放：</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Choose a printer and the pages to print (Ctrl+P)</source>
        <translation>选择打印机和要打印的页（Ctrl+P）</translation>
    </message>
    <message>
        <source>The document could not be shown: the PDF could not be read.</source>
        <translation>无法显示该文书：PDF 无法读取。</translation>
    </message>
    <message>
        <source>Page {number}</source>
        <translation>第 {number} 页</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>The printer could not be started. Check that it is switched on and connected, then try again.</source>
        <translation>无法启动打印机。请检查打印机是否已开机并连接好，然后重试。</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>已发送到打印机。</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>Coming in a later version.</source>
        <translation>该功能将在后续版本提供。</translation>
    </message>
    <message>
        <source>This version covers the review itself: case packages, experts, recusal, panels, scoring, deliberation, opinions, results packages and statistics. Until this area arrives, keep working as before; nothing needs to be prepared here. The conclusions&apos; corrections and referral suggestions are already in each opinion and in the ledger.</source>
        <translation>本版本已包括评查工作本身：案卷包、专家、回避、分组、评分、合议、意见书、结果包和统计。这一部分推出之前，请按原来的办法办理，这里不需要做任何准备。合议结论中的整改意见和移送建议，已写在每份意见书和台账里。</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Print “{title}”</source>
        <translation>打印“{title}”</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>ReadingMarksPanel</name>
    <message>
        <source>My marks</source>
        <translation>我的标注</translation>
    </message>
    <message>
        <source>Only you can see them.</source>
        <translation>仅您本人可见。</translation>
    </message>
    <message>
        <source>My marks on this document</source>
        <translation>我在本文件上的标注</translation>
    </message>
    <message>
        <source>Mark this page</source>
        <translation>标注本页</translation>
    </message>
    <message>
        <source>Add a note on the page shown (only you can see it)</source>
        <translation>在当前页添加标注（仅您本人可见）</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>No marks yet. “Mark this page” adds one.</source>
        <translation>还没有标注。点“标注本页”添加。</translation>
    </message>
    <message>
        <source>Page {page}</source>
        <translation>第{page}页</translation>
    </message>
    <message>
        <source>Passage: {text}</source>
        <translation>所标段落：{text}</translation>
    </message>
    <message>
        <source>Mark the selected lines ({page})</source>
        <translation>标注选中的行（第{page}页）</translation>
    </message>
    <message>
        <source>Add a note on the page shown, with the selected lines as its passage (only you can see it)</source>
        <translation>在当前页添加标注，选中的行作为所标段落（仅您本人可见）</translation>
    </message>
    <message>
        <source>Mark this page ({page})</source>
        <translation>标注本页（第{page}页）</translation>
    </message>
    <message>
        <source>Mark page {page}</source>
        <translation>标注第{page}页</translation>
    </message>
    <message>
        <source>Edit the mark on page {page}</source>
        <translation>修改第{page}页的标注</translation>
    </message>
    <message>
        <source>Remove the mark</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <source>Remove your mark on page {page}? Its note is deleted and cannot be restored.</source>
        <translation>删除您在第{page}页的标注？标注内容将被删除，无法恢复。</translation>
    </message>
    <message>
        <source>The mark was removed.</source>
        <translation>已删除该标注。</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <source>Reason (goes into the record):</source>
        <translation>理由（将记入记录）：</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Use the recovery code</source>
        <translation>使用恢复码</translation>
    </message>
    <message>
        <source>as printed at setup; case, spaces and dashes do not matter</source>
        <translation>按打印件填写；不区分大小写，空格和短横线可有可无</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>至少 8 位</translation>
    </message>
    <message>
        <source>Recovery &amp;code:</source>
        <translation>恢复码(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Repeat new password:</source>
        <translation>再次输入新密码(&amp;R)：</translation>
    </message>
    <message>
        <source>Set password and log in</source>
        <translation>重设密码并登录</translation>
    </message>
    <message>
        <source>The recovery code is the long code shown and printed once when the workspace was set up. With it you can open the workspace and give an account a new password. Keep the printed code locked away afterwards.</source>
        <translation>恢复码是初始化工作区时显示并打印的一长串字符，仅显示过一次。凭恢复码可以打开工作区并为账户设置新密码。用完后请将打印件重新锁好保管。</translation>
    </message>
    <message>
        <source>Enter the recovery code.</source>
        <translation>请输入恢复码。</translation>
    </message>
    <message>
        <source>Enter the user name whose password is to be set.</source>
        <translation>请输入要重设密码的用户名。</translation>
    </message>
    <message>
        <source>Enter the new password.</source>
        <translation>请输入新密码。</translation>
    </message>
    <message>
        <source>The two new passwords differ. Type them again.</source>
        <translation>两次输入的新密码不一致，请重新输入。</translation>
    </message>
    <message>
        <source>Checking the recovery code…</source>
        <translation>正在验证恢复码…</translation>
    </message>
</context>
<context>
    <name>RecoverySheet</name>
    <message>
        <source>ReviewDesk — workspace recovery code</source>
        <translation>评查工作台 — 工作区恢复码</translation>
    </message>
    <message>
        <source>Workspace folder</source>
        <translation>工作区文件夹</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>打印时间</translation>
    </message>
    <message>
        <source>With this code an administrator can open the workspace and set a new password when all passwords are forgotten. Keep this sheet in a locked cabinet. Do not photograph, scan or copy it.</source>
        <translation>所有密码都遗忘时，管理员可凭此恢复码打开工作区并设置新密码。请将本页锁在文件柜中保管，不得拍照、扫描或复印。</translation>
    </message>
</context>
<context>
    <name>RectificationTab</name>
    <message>
        <source>Generate from a conclusion…</source>
        <translation>从合议结论生成…</translation>
    </message>
    <message>
        <source>Preview, then create the items (and draft referral) of a concluded case</source>
        <translation>先预览，再生成已合议案件的整改事项（及线索移送草稿）</translation>
    </message>
    <message>
        <source>Record the unit&apos;s report of completion…</source>
        <translation>登记整改完成…</translation>
    </message>
    <message>
        <source>The unit reports the problem fixed</source>
        <translation>被评查单位报告已完成整改</translation>
    </message>
    <message>
        <source>Re-check: verified fixed…</source>
        <translation>回头看核实（已整改）…</translation>
    </message>
    <message>
        <source>回头看 found the problem fixed</source>
        <translation>回头看核实问题已整改</translation>
    </message>
    <message>
        <source>Close off the item</source>
        <translation>销号</translation>
    </message>
    <message>
        <source>销号: the item is done (cannot be undone)</source>
        <translation>销号：该事项办结（不能撤销）</translation>
    </message>
    <message>
        <source>Send back for rectification…</source>
        <translation>退回整改…</translation>
    </message>
    <message>
        <source>With a reason and a new deadline</source>
        <translation>写明理由和新的期限</translation>
    </message>
    <message>
        <source>Attach evidence files…</source>
        <translation>添加佐证材料…</translation>
    </message>
    <message>
        <source>Stored encrypted in the workspace</source>
        <translation>加密保存在工作区中</translation>
    </message>
    <message>
        <source>Rectification notice to the unit ▾</source>
        <translation>整改通知书 ▾</translation>
    </message>
    <message>
        <source>Feedback opinion to the unit ▾</source>
        <translation>评查情况反馈意见 ▾</translation>
    </message>
    <message>
        <source>Re-check (回头看) report ▾</source>
        <translation>回头看情况报告 ▾</translation>
    </message>
    <message>
        <source>Evidence files</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <source>Evidence files (double-click to view):</source>
        <translation>佐证材料（双击查看）：</translation>
    </message>
    <message>
        <source>Problem no.</source>
        <translation>问题编号</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Where in the file</source>
        <translation>卷宗位置</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任单位和责任人</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>整改要求</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>整改进展</translation>
    </message>
    <message>
        <source>Re-check found</source>
        <translation>回头看结论</translation>
    </message>
    <message>
        <source>Re-check note</source>
        <translation>回头看情况</translation>
    </message>
    <message>
        <source>Sent back because</source>
        <translation>退回理由</translation>
    </message>
    <message>
        <source>Closed off on</source>
        <translation>销号日期</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>待核对</translation>
    </message>
    <message>
        <source>History</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <source>The unit&apos;s report was recorded.</source>
        <translation>单位整改情况已登记。</translation>
    </message>
    <message>
        <source>Recorded: found fixed.</source>
        <translation>已登记：回头看核实已整改。</translation>
    </message>
    <message>
        <source>The item was sent back.</source>
        <translation>该事项已退回整改。</translation>
    </message>
    <message>
        <source>Close off the item?</source>
        <translation>销号？</translation>
    </message>
    <message>
        <source>Item {number} is closed off today (销号). A closed item takes no more steps or evidence; this cannot be undone.</source>
        <translation>整改事项 {number} 将于今天销号。销号后不能再办理或添加佐证材料，此操作不能撤销。</translation>
    </message>
    <message>
        <source>Close off</source>
        <translation>销号</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>The item is closed off.</source>
        <translation>该事项已销号。</translation>
    </message>
    <message>
        <source>{n} evidence files stored, encrypted.</source>
        <translation>已加密保存 {n} 个佐证材料。</translation>
    </message>
    <message>
        <source>Reading the concluded cases…</source>
        <translation>正在读取已有结论的案件…</translation>
    </message>
    <message>
        <source>{items} item(s) created for case {case}{referral}.</source>
        <translation>已为案件 {case} 生成 {items} 条整改事项{referral}。</translation>
    </message>
    <message>
        <source>, and a draft referral</source>
        <translation>，并生成线索移送草稿</translation>
    </message>
    <message>
        <source>{unit} rectification notice</source>
        <translation>{unit}整改通知书</translation>
    </message>
    <message>
        <source>{unit} review feedback opinion</source>
        <translation>{unit}评查情况反馈意见</translation>
    </message>
    <message>
        <source>{campaign} re-check report</source>
        <translation>{campaign}回头看情况报告</translation>
    </message>
</context>
<context>
    <name>ReferralsTab</name>
    <message>
        <source>Send: issue the letter number…</source>
        <translation>登记移送（编发文号）…</translation>
    </message>
    <message>
        <source>Issues the referral letter&apos;s number (once)</source>
        <translation>编发线索移送函文号（只编一次）</translation>
    </message>
    <message>
        <source>Record the feedback…</source>
        <translation>登记反馈…</translation>
    </message>
    <message>
        <source>What the discipline inspection body reported back</source>
        <translation>纪检监察机关的处理反馈</translation>
    </message>
    <message>
        <source>Referral letter ▾</source>
        <translation>线索移送函 ▾</translation>
    </message>
    <message>
        <source>Letter no.</source>
        <translation>移送函文号</translation>
    </message>
    <message>
        <source>(not issued)</source>
        <translation>（未编号）</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Persons concerned</source>
        <translation>涉及人员</translation>
    </message>
    <message>
        <source>Clue</source>
        <translation>问题线索</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据材料</translation>
    </message>
    <message>
        <source>Receiving body</source>
        <translation>接收机关</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>移送日期</translation>
    </message>
    <message>
        <source>Feedback due</source>
        <translation>反馈期限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Feedback on</source>
        <translation>反馈日期</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>待核对</translation>
    </message>
    <message>
        <source>The referral was sent; its letter number is issued.</source>
        <translation>线索已移送，移送函文号已编发。</translation>
    </message>
    <message>
        <source>The feedback was recorded.</source>
        <translation>反馈已登记。</translation>
    </message>
    <message>
        <source>Referral letter {number}</source>
        <translation>线索移送函{number}</translation>
    </message>
</context>
<context>
    <name>RegisterTab</name>
    <message>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Any deadline</source>
        <translation>全部期限</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation>期限：</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>台账</translation>
    </message>
    <message>
        <source>{n} rows</source>
        <translation>共 {n} 条</translation>
    </message>
    <message>
        <source>Choose a row to see it here.</source>
        <translation>选择一行，在此查看详情。</translation>
    </message>
    <message>
        <source>Preview (draft, issues no number)</source>
        <translation>预览（草稿，不编文号）</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as Word…</source>
        <translation>另存为 Word…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Issue the document number?</source>
        <translation>编发文号？</translation>
    </message>
    <message>
        <source>Printing or saving gives this paper its permanent number the first time (later copies keep it); this cannot be undone. To only look at it, use Preview.</source>
        <translation>首次打印或保存时将为该文书编发正式文号（以后再打印沿用同一文号），此操作不能撤销。只想查看，请用“预览”。</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Save the paper</source>
        <translation>保存文书</translation>
    </message>
    <message>
        <source>Saved to {path}. The file is not encrypted there: keep it safe.</source>
        <translation>已保存到 {path}。该文件未加密，请妥善保管。</translation>
    </message>
    <message>
        <source>Preparing the paper…</source>
        <translation>正在生成文书…</translation>
    </message>
    <message>
        <source>“{title}” was sent to the printer.</source>
        <translation>“{title}”已发送到打印机。</translation>
    </message>
    <message>
        <source>The printer could not be started. Check that it is switched on and connected, then try again.</source>
        <translation>无法启动打印机。请检查打印机是否已开机并连接，然后重试。</translation>
    </message>
</context>
<context>
    <name>RelationsEditorDialog</name>
    <message>
        <source>Relations of {name} ({id})</source>
        <translation>{name}（{id}）的关系</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>关系类型</translation>
    </message>
    <message>
        <source>Person or organisation</source>
        <translation>姓名或单位</translation>
    </message>
    <message>
        <source>Identity number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Unit code</source>
        <translation>单位代码</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>&amp;Add row</source>
        <translation>添加行(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove row</source>
        <translation>删除行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Relations the expert declared: near relatives, former colleagues, business interests, clients. The recusal check compares them with each case&apos;s parties and handlers. Saving replaces the whole list.</source>
        <translation>专家申报的关系：近亲属、原同事、利益关系、代理关系。回避审查将其与每件案件的当事人和承办人比对。保存时整体替换原有清单。</translation>
    </message>
</context>
<context>
    <name>ReportForm</name>
    <message>
        <source>Record the unit&apos;s report</source>
        <translation>登记整改完成情况</translation>
    </message>
    <message>
        <source>Measures taken</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>what the unit did to fix the problem</source>
        <translation>单位采取的整改措施</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>整改进展</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>Person responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Add evidence files…</source>
        <translation>添加佐证材料…</translation>
    </message>
    <message>
        <source>Evidence files</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <source>Report of item {number}</source>
        <translation>整改事项 {number} 的整改情况</translation>
    </message>
    <message>
        <source>The unit reports the problem fixed. Its evidence (scans, photos, PDFs) is stored encrypted in the workspace; the original files are not changed.</source>
        <translation>被评查单位报告问题已整改。佐证材料（扫描件、照片、PDF）加密保存在工作区中，原文件不作改动。</translation>
    </message>
    <message>
        <source>Record the report</source>
        <translation>登记整改完成</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>ResultFields</name>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Panel</source>
        <translation>评查组成员</translation>
    </message>
    <message>
        <source>Panel conclusion</source>
        <translation>合议结论</translation>
    </message>
    <message>
        <source>Review opinion</source>
        <translation>评查意见书</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>文书编号</translation>
    </message>
    <message>
        <source>Opinion files</source>
        <translation>意见书文件</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等次</translation>
    </message>
    <message>
        <source>Grade by score</source>
        <translation>按分数应得等次</translation>
    </message>
    <message>
        <source>Reason for the grade</source>
        <translation>等次调整理由</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Score method</source>
        <translation>计分方式</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>结论类型</translation>
    </message>
    <message>
        <source>Veto kept</source>
        <translation>维持否决</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <source>Majority view</source>
        <translation>多数意见</translation>
    </message>
    <message>
        <source>Minority view</source>
        <translation>少数意见</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>后续处理</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Concluded by</source>
        <translation>结论录入人</translation>
    </message>
    <message>
        <source>Concluded at</source>
        <translation>结论时间</translation>
    </message>
    <message>
        <source>Total score</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Veto item</source>
        <translation>否决项</translation>
    </message>
    <message>
        <source>Deductions</source>
        <translation>扣分项</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评查意见</translation>
    </message>
    <message>
        <source>Rubric</source>
        <translation>评分标准</translation>
    </message>
    <message>
        <source>Submitted at</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Score sheet ({expert})</source>
        <translation>评分表（{expert}）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>ResultsExportDialog</name>
    <message>
        <source>Export the results package</source>
        <translation>导出评查结果包</translation>
    </message>
    <message>
        <source>Encryption keys of the receiving office</source>
        <translation>接收单位的加密密钥</translation>
    </message>
    <message>
        <source>Leave empty for “{name}”</source>
        <translation>不填则使用“{name}”</translation>
    </message>
    <message>
        <source>Package file</source>
        <translation>数据包文件</translation>
    </message>
    <message>
        <source>Choose where to save the package</source>
        <translation>选择数据包的保存位置</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Receiving office&apos;s keys:</source>
        <translation>接收单位密钥(&amp;R)：</translation>
    </message>
    <message>
        <source>One key per line. An age1… key is the encryption key of the office&apos;s workstation: only that workstation can open the package. The office finds it on its Keys and trust page (“Encryption key of this computer”) and sends it to you.</source>
        <translation>每行一个密钥。age1… 密钥是组织单位工作站的加密密钥，只有那台工作站能打开数据包。组织单位可在其“密钥与信任”页面（“本机加密密钥”）查到，再发给您。</translation>
    </message>
    <message>
        <source>&amp;Sender name:</source>
        <translation>发送方名称(&amp;S)：</translation>
    </message>
    <message>
        <source>Package &amp;file:</source>
        <translation>数据包文件(&amp;F)：</translation>
    </message>
    <message>
        <source>Key ID of this computer&apos;s signing key</source>
        <translation>本机签名密钥的密钥编号</translation>
    </message>
    <message>
        <source>Cop&amp;y the public key</source>
        <translation>复制公钥(&amp;Y)</translation>
    </message>
    <message>
        <source>Sa&amp;ve the public key as file…</source>
        <translation>将公钥保存为文件(&amp;V)…</translation>
    </message>
    <message>
        <source>Key ID:</source>
        <translation>密钥编号：</translation>
    </message>
    <message>
        <source>The office must trust this computer</source>
        <translation>组织单位须信任本机</translation>
    </message>
    <message>
        <source>The office can import the package only once it trusts this computer&apos;s signing key. If it has not done so yet, give it the public key (copy the text or save it as a .pub file); the office adds it on its Keys and trust page. Confirm the key ID with the office by telephone.</source>
        <translation>组织单位只有信任本机的签名密钥后才能导入此数据包。如果对方尚未添加，请把公钥交给对方（复制文字，或保存为 .pub 文件），由对方在其“密钥与信任”页面添加。请打电话与对方核对密钥编号。</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Results package of {campaign}</source>
        <translation>{campaign} 评查结果包</translation>
    </message>
    <message>
        <source>The package carries the campaign&apos;s panels, submitted score sheets (never drafts), conclusions, review opinions (Word and PDF) and this computer&apos;s audit log. It is encrypted for the receiving office and signed by this computer. Producing it gives document numbers to concluded cases that have none yet.</source>
        <translation>数据包包含本次活动的评查组、已提交的评分表（草稿不会带出）、合议结论、评查意见书（Word 和 PDF）以及本机的审计日志。数据包为接收单位加密，并由本机签名。生成时，尚无文书编号的已合议案件会被赋予编号。</translation>
    </message>
    <message>
        <source>{campaign} results</source>
        <translation>{campaign} 评查结果</translation>
    </message>
    <message>
        <source>Save the results package</source>
        <translation>保存评查结果包</translation>
    </message>
    <message>
        <source>Results packages (*.rdpkg)</source>
        <translation>评查结果包 (*.rdpkg)</translation>
    </message>
    <message>
        <source>Line {lines} is not an age1… key. Copy the key again from the office&apos;s message.</source>
        <translation>第 {lines} 行不是有效的 age1… 密钥。请从组织单位发来的消息中重新复制。</translation>
    </message>
    <message>
        <source>Paste the encryption key (age1…) of the receiving office&apos;s workstation.</source>
        <translation>请粘贴接收单位工作站的加密密钥（age1…）。</translation>
    </message>
    <message>
        <source>Choose where to save the package.</source>
        <translation>请选择数据包的保存位置。</translation>
    </message>
    <message>
        <source>{count} valid key(s): the package can be opened by that office workstation only.</source>
        <translation>{count} 个有效密钥：只有对应的组织单位工作站能打开数据包。</translation>
    </message>
    <message>
        <source>No key yet.</source>
        <translation>尚未填写密钥。</translation>
    </message>
    <message>
        <source>Write the results package</source>
        <translation>生成评查结果包</translation>
    </message>
    <message>
        <source>Preparing the opinions and the audit log…</source>
        <translation>正在准备评查意见书和审计日志…</translation>
    </message>
    <message>
        <source>Exporting the results package</source>
        <translation>正在导出评查结果包</translation>
    </message>
    <message>
        <source>Packing and encrypting: {done} of {total} MB…</source>
        <translation>正在打包并加密：{done} / {total} MB…</translation>
    </message>
    <message>
        <source>No package was written: {reason}</source>
        <translation>未生成数据包：{reason}</translation>
    </message>
    <message>
        <source>The results package was written:
{files}

It holds {cases} cases, {sheets} submitted score sheets, {conclusions} conclusions, {opinions} opinion files and the audit log ({entries} entries). Take it to the office (USB stick or e-mail): it is encrypted, only the office&apos;s workstation can open it.</source>
        <translation>评查结果包已生成：
{files}

其中包含 {cases} 个案件、{sheets} 份已提交的评分表、{conclusions} 份合议结论、{opinions} 个意见书文件和审计日志（{entries} 条）。请把它交给组织单位（U 盘或电子邮件）：数据包已加密，只有组织单位的工作站能打开。</translation>
    </message>
    <message>
        <source>The package is in {count} parts: give the office all of them, in the same folder.</source>
        <translation>数据包分为 {count} 个分卷：请把全部分卷放在同一文件夹中交给组织单位。</translation>
    </message>
    <message>
        <source>The public key was copied. Paste it into your message to the office; it is not secret.</source>
        <translation>公钥已复制。请粘贴到发给组织单位的消息中；公钥不需要保密。</translation>
    </message>
    <message>
        <source>Save the public key</source>
        <translation>保存公钥</translation>
    </message>
    <message>
        <source>Public key files (*.pub)</source>
        <translation>公钥文件 (*.pub)</translation>
    </message>
    <message>
        <source>The file could not be saved to {path}. Choose another folder (for example the desktop) and try again.</source>
        <translation>无法保存到 {path}。请换一个文件夹（例如桌面）后重试。</translation>
    </message>
    <message>
        <source>Public key saved to {path}.</source>
        <translation>公钥已保存到 {path}。</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>Consistent</source>
        <translation>一致</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>{issuer}
key {key}
package of {time}</source>
        <translation>{issuer}
密钥 {key}
数据包生成于 {time}</translation>
    </message>
    <message>
        <source>Case ID</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等次</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>The sources disagree: choose the case to see the differing fields.</source>
        <translation>各来源的结果不一致：选中该案件可查看不同之处。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <source>The package is signed by a workstation this computer does not trust yet (key ID {key}). Ask the review team for that workstation&apos;s public key file, add it on the Keys and trust page (“Add a trusted issuing office…”, and check the key ID with them by telephone), then import the package again. Nothing was stored.</source>
        <translation>数据包由本机尚未信任的工作站签名（密钥编号 {key}）。请向评查组索取该工作站的公钥文件，在“密钥与信任”页面添加（“添加信任的签发单位…”，并打电话核对密钥编号），然后重新导入。未保存任何内容。</translation>
    </message>
    <message>
        <source>The package is not signed, so its origin cannot be checked. Ask the review team to export it again with ReviewDesk. Nothing was stored.</source>
        <translation>数据包没有签名，无法核验来源。请评查组用评查工作台重新导出。未保存任何内容。</translation>
    </message>
    <message>
        <source>The signature of the package is not valid: it may have been changed on the way. Do not use it; ask the review team to export it again. Nothing was stored.</source>
        <translation>数据包的签名无效，可能在传递中被改动。请勿使用，请评查组重新导出。未保存任何内容。</translation>
    </message>
    <message>
        <source>The package could not be decrypted: it was probably made for another workstation, or a part is missing or damaged. Give the review team this computer&apos;s encryption key (Keys and trust page) and ask them to export it again. Nothing was stored.</source>
        <translation>无法解密数据包：它可能是为其他工作站生成的，或有分卷缺失、损坏。请把本机的加密密钥（见“密钥与信任”页面）交给评查组，请其重新导出。未保存任何内容。</translation>
    </message>
    <message>
        <source>The file or one of its parts could not be found or read. Put all parts in the same folder and try again. Nothing was stored.</source>
        <translation>找不到或无法读取该文件或其分卷。请把全部分卷放在同一文件夹中后重试。未保存任何内容。</translation>
    </message>
    <message>
        <source>The audit log in the package does not verify: the records may have been changed. Do not use this package; ask the review team to export it again. Nothing was stored.</source>
        <translation>数据包中的审计日志校验未通过，记录可能被改动。请勿使用此数据包，请评查组重新导出。未保存任何内容。</translation>
    </message>
    <message>
        <source>This is not a results package (a case package is imported on the Cases page). Nothing was stored.</source>
        <translation>这不是评查结果包（案卷包请在“案件”页面导入）。未保存任何内容。</translation>
    </message>
    <message>
        <source>The package does not meet the rules for results packages. Send the details to the review team and ask them to export it again. Nothing was stored.</source>
        <translation>数据包不符合评查结果包的规范。请把详细信息发给评查组，请其重新导出。未保存任何内容。</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import results package…</source>
        <translation>导入评查结果包(&amp;I)…</translation>
    </message>
    <message>
        <source>A results package (.rdpkg) sent by a review team&apos;s laptop</source>
        <translation>评查组笔记本电脑发来的评查结果包（.rdpkg）</translation>
    </message>
    <message>
        <source>Open the &amp;opinion (PDF)</source>
        <translation>打开评查意见书(&amp;O)（PDF）</translation>
    </message>
    <message>
        <source>The chosen case</source>
        <translation>选中的案件</translation>
    </message>
    <message>
        <source>Review results</source>
        <translation>评查结果汇总</translation>
    </message>
    <message>
        <source>The results the review teams sent back in results packages, case by case. A case is consistent when every package that carries it says the same, and a conflict when they differ: then the differing fields are shown side by side. Nothing is overwritten here; the organising office settles a conflict by asking the panels concerned.</source>
        <translation>各评查组通过评查结果包交回的结果，逐案列出。含有同一案件的各数据包结果相同为“一致”，不同为“冲突”，并排显示不同之处。此处不会覆盖任何结果；冲突由组织单位向相关评查组核实后解决。</translation>
    </message>
    <message>
        <source>  (no results yet)</source>
        <translation>  （尚未收到结果）</translation>
    </message>
    <message>
        <source>No campaign yet: import a results package to begin.</source>
        <translation>尚无评查活动：请先导入评查结果包。</translation>
    </message>
    <message>
        <source>No results received for this campaign yet.</source>
        <translation>本次评查活动尚未收到结果。</translation>
    </message>
    <message>
        <source>{cases} cases received, {conflicts} in conflict (red): choose one to see what differs.</source>
        <translation>已收到 {cases} 个案件的结果，其中 {conflicts} 个冲突（红色）：选中可查看不同之处。</translation>
    </message>
    <message>
        <source>{cases} cases received; every source agrees.</source>
        <translation>已收到 {cases} 个案件的结果，各来源均一致。</translation>
    </message>
    <message>
        <source>Choose a case in the table above.</source>
        <translation>请在上方表格中选择一个案件。</translation>
    </message>
    <message>
        <source>{case} {number}: consistent</source>
        <translation>{case} {number}：一致</translation>
    </message>
    <message>
        <source>Every package that carries this case says the same:
{sources}</source>
        <translation>含有此案件的各数据包结果一致：
{sources}</translation>
    </message>
    <message>
        <source>· {issuer} (key {key}), package of {time}</source>
        <translation>· {issuer}（密钥 {key}），数据包生成于 {time}</translation>
    </message>
    <message>
        <source>{case} {number}: the sources disagree</source>
        <translation>{case} {number}：各来源结果不一致</translation>
    </message>
    <message>
        <source>The differing fields, with each source&apos;s value side by side (oldest package first). Both versions are kept and neither can be overwritten here: the organising office settles the difference by asking the panel concerned, which then sends a new package.</source>
        <translation>下表列出不一致的项目，并排显示各来源的值（最早的数据包在前）。两个版本都会保留，不能在此覆盖：由组织单位向相关评查组核实后，评查组重新发送数据包。</translation>
    </message>
    <message>
        <source>Show the review opinion the package carried</source>
        <translation>查看数据包中附带的评查意见书</translation>
    </message>
    <message>
        <source>This case has no opinion PDF in the packages received (it may not be concluded yet).</source>
        <translation>收到的数据包中没有此案件的意见书 PDF（可能尚未合议）。</translation>
    </message>
    <message>
        <source>{case} review opinion (received)</source>
        <translation>{case} 评查意见书（收到的）</translation>
    </message>
    <message>
        <source>Opening the opinion…</source>
        <translation>正在打开评查意见书…</translation>
    </message>
    <message>
        <source>Choose the results package</source>
        <translation>选择评查结果包</translation>
    </message>
    <message>
        <source>Results packages (*.rdpkg *.rdpkg.001)</source>
        <translation>评查结果包 (*.rdpkg *.rdpkg.001)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Importing the results package…</source>
        <translation>正在导入评查结果包…</translation>
    </message>
    <message>
        <source>Checking the package…</source>
        <translation>正在检查数据包…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Importing the results package</source>
        <translation>正在导入评查结果包</translation>
    </message>
    <message>
        <source>Cancelling… nothing will be stored.</source>
        <translation>正在取消…不会保存任何内容。</translation>
    </message>
    <message>
        <source>{done} of {total} MB read · {files} of {files_total} files checked</source>
        <translation>已读取 {done} / {total} MB · 已核验 {files} / {files_total} 个文件</translation>
    </message>
    <message>
        <source>This package was imported before; nothing was changed. Its results are in the table.</source>
        <translation>此数据包之前已导入，未做任何改动。其结果已在表格中。</translation>
    </message>
    <message>
        <source>The results package was imported: {cases} cases, {files} opinion files, audit log of {entries} entries checked.</source>
        <translation>评查结果包已导入：{cases} 个案件、{files} 个意见书文件，审计日志 {entries} 条已核验。</translation>
    </message>
    <message>
        <source>{count} cases agree with results received before.</source>
        <translation>{count} 个案件与此前收到的结果一致。</translation>
    </message>
    <message>
        <source>{count} cases replace this laptop&apos;s earlier results: {cases}. The earlier versions are kept.</source>
        <translation>{count} 件案件更新了该笔记本此前发来的结果：{cases}。此前的版本仍予保留。</translation>
    </message>
    <message>
        <source>{count} cases now differ from another laptop&apos;s results: {cases}. Both versions are kept; settle them with the panels.</source>
        <translation>{count} 件案件与另一台笔记本发来的结果不一致：{cases}。两个版本均予保留，请与评查组核实后处理。</translation>
    </message>
    <message>
        <source>Import cancelled. Nothing was stored.</source>
        <translation>导入已取消，未保存任何内容。</translation>
    </message>
    <message>
        <source>Package refused</source>
        <translation>数据包被拒绝</translation>
    </message>
    <message>
        <source>Only if you received this package in person from the review team: you may import it this once without a trusted signature. The audit log records that you did.</source>
        <translation>仅当此数据包是评查组当面交给您的：可以不经可信签名导入这一次。审计日志会记录您的这一选择。</translation>
    </message>
    <message>
        <source>Import this once without a trusted signature</source>
        <translation>不经可信签名导入这一次</translation>
    </message>
</context>
<context>
    <name>ScoreForm</name>
    <message>
        <source>Overall opinion on the case (optional)</source>
        <translation>对本案的总体意见（选填）</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <source>Submit…</source>
        <translation>提交…</translation>
    </message>
    <message>
        <source>Amend (reason required)…</source>
        <translation>修改（需说明理由）…</translation>
    </message>
    <message>
        <source>Submit amendment…</source>
        <translation>提交更正…</translation>
    </message>
    <message>
        <source>Cancel amendment</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Score sheet: {name} (version {version} of the rubric)</source>
        <translation>评分表：{name}（第 {version} 版）</translation>
    </message>
    <message>
        <source>Overall opinion:</source>
        <translation>总体意见：</translation>
    </message>
    <message>
        <source>{part} ({points} points)</source>
        <translation>{part}（{points} 分）</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>评分项</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>满分</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Evidence (volume, page)</source>
        <translation>证据（卷×第×页）</translation>
    </message>
    <message>
        <source>Veto</source>
        <translation>一票否决</translation>
    </message>
    <message>
        <source>record only</source>
        <translation>仅记录</translation>
    </message>
    <message>
        <source>bonus</source>
        <translation>加分</translation>
    </message>
    <message>
        <source>record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Points added (at most {max}, in steps of {step})</source>
        <translation>加分（最多 {max} 分，每档 {step} 分）</translation>
    </message>
    <message>
        <source>Points deducted (at most {max}, in steps of {step})</source>
        <translation>扣分（最多 {max} 分，每档 {step} 分）</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>e.g. 卷1第23页</source>
        <translation>如 卷1第23页</translation>
    </message>
    <message>
        <source>One-vote veto: the sheet gets the lowest grade whatever the total.</source>
        <translation>一票否决：无论总分多少，均评为最低等次。</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Cite a reading mark</source>
        <translation>引用阅卷标注</translation>
    </message>
    <message>
        <source>Cite one of your reading marks: its 卷×第×页 goes into the evidence.</source>
        <translation>引用您的一条阅卷标注：其卷×第×页填入证据位置。</translation>
    </message>
    <message>
        <source>{title}, page {page}</source>
        <translation>{title}第 {page} 页</translation>
    </message>
    <message>
        <source>The place of this page in its volume is not known, so it cannot be cited as 卷×第×页.</source>
        <translation>此页在卷中的位置无法确定，不能以卷×第×页引用。</translation>
    </message>
    <message>
        <source>Total: {total}</source>
        <translation>总分：{total}</translation>
    </message>
    <message>
        <source> (veto)</source>
        <translation>（一票否决）</translation>
    </message>
    <message>
        <source>Grade: {grade}</source>
        <translation>等次：{grade}</translation>
    </message>
    <message>
        <source>{count} fields still missing or wrong</source>
        <translation>还有 {count} 处未填或有误</translation>
    </message>
    <message>
        <source>Nothing missing</source>
        <translation>必填项已填齐</translation>
    </message>
    <message>
        <source>reason (required)</source>
        <translation>理由（必填）</translation>
    </message>
</context>
<context>
    <name>ScoringLabels</name>
    <message>
        <source>Leader</source>
        <translation>组长</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Not submitted</source>
        <translation>未提交</translation>
    </message>
</context>
<context>
    <name>ScoringPage</name>
    <message>
        <source>Scoring</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>The cases of your panels. Choose a case, confirm the recusal statement once, then fill the score sheet: a deduction needs a reason and where in the file you found it (e.g. 卷1第23页). Save a draft at any time; once submitted, the sheet is locked.</source>
        <translation>以下是您所在评查组的案件。选中案件，先确认一次回避声明，再填写评分表：扣分须写明理由和证据出处（如 卷1第23页）。可随时保存草稿；提交后评分表即锁定。</translation>
    </message>
    <message>
        <source>Read and confirm the recusal statement…</source>
        <translation>阅读并确认回避声明…</translation>
    </message>
    <message>
        <source>Score sheet</source>
        <translation>评分表</translation>
    </message>
    <message>
        <source>Deliberation</source>
        <translation>合议</translation>
    </message>
    <message>
        <source>Interview records</source>
        <translation>谈话笔录</translation>
    </message>
    <message>
        <source>My cases</source>
        <translation>我的案件</translation>
    </message>
    <message>
        <source>Scores are entered by the panel members on their own accounts. Here you see, for each case, whose sheet is submitted, still a draft, or not started.</source>
        <translation>评分由评查组成员用各自的账户填写。此处可查看每个案件中各成员的评分表是已提交、草稿还是尚未开始。</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>Double-click a member to read their score sheet.</source>
        <translation>双击一位成员，查看他的评分表。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>The score sheet has changes that are not saved. Drop them and open the other case?</source>
        <translation>评分表中有尚未保存的修改。放弃这些修改并打开另一个案件吗？</translation>
    </message>
    <message>
        <source>Drop the changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>You are not on any panel yet.</source>
        <translation>您目前还不在任何评查组中。</translation>
    </message>
    <message>
        <source>Choose a case.</source>
        <translation>请选择一个案件。</translation>
    </message>
    <message>
        <source>You are on no panel of this campaign. Choose another campaign at the top of the window.</source>
        <translation>您不在本次评查活动的任何评查组中。请在窗口顶部选择其他评查活动。</translation>
    </message>
    <message>
        <source>Before you score case {case}, read the recusal statement and confirm that no ground for recusal applies to you.</source>
        <translation>评查案件 {case} 之前，请阅读回避声明，并确认您不存在应当回避的情形。</translation>
    </message>
    <message>
        <source>Submitted (version {version}). The sheet is locked; to change it, amend it with a reason.</source>
        <translation>已提交（第 {version} 版）。评分表已锁定；如需修改，须说明理由后更正。</translation>
    </message>
    <message>
        <source>Draft: only you can see it until you submit.</source>
        <translation>草稿：提交之前只有您本人可以看到。</translation>
    </message>
    <message>
        <source>The evidence of these items names pages the case file in ReviewDesk does not hold:</source>
        <translation>以下评分项的证据位置，在本系统收存的案卷中找不到对应页：</translation>
    </message>
    <message>
        <source>• Item {code} “{text}”: {reference}, page {page} of volume {volume}: {problem}</source>
        <translation>• 评分项 {code}“{text}”：{reference}（第{volume}卷第{page}页）：{problem}</translation>
    </message>
    <message>
        <source>… and {count} more.</source>
        <translation>……另有 {count} 处。</translation>
    </message>
    <message>
        <source>Check the volume and page numbers (Cancel, then correct the evidence). If they are right (for example the page is in a paper file the package did not carry), you may submit as it is.</source>
        <translation>请核对卷号和页码（点“取消”后修改证据位置）。如确认无误（例如所引页在未随数据包报送的纸质卷宗中），仍可按现状提交。</translation>
    </message>
    <message>
        <source>Recording the statement…</source>
        <translation>正在记录回避声明…</translation>
    </message>
    <message>
        <source>Statement confirmed. You can now fill the score sheet.</source>
        <translation>已确认回避声明，现在可以填写评分表。</translation>
    </message>
    <message>
        <source>Saving the draft…</source>
        <translation>正在保存草稿…</translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation>草稿已保存。</translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation>正在提交…</translation>
    </message>
    <message>
        <source>Sheet submitted and locked.</source>
        <translation>评分表已提交并锁定。</translation>
    </message>
    <message>
        <source>Evidence not found in the case file</source>
        <translation>证据位置在案卷中找不到</translation>
    </message>
    <message>
        <source>Submit anyway</source>
        <translation>仍然提交</translation>
    </message>
    <message>
        <source>Submit the score sheet</source>
        <translation>提交评分表</translation>
    </message>
    <message>
        <source>Submit the sheet for case {case}? Total {total}. After submitting, the sheet is locked: a change needs an amendment with a reason, which is kept on record.</source>
        <translation>提交案件 {case} 的评分表？总分 {total}。提交后评分表即锁定：如需修改，须说明理由后更正，更正记录将存档。</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Change the sheet, then press “Submit amendment…” and give the reason.</source>
        <translation>请修改评分表，然后点击“提交更正…”并说明理由。</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Amend the score sheet</source>
        <translation>更正评分表</translation>
    </message>
    <message>
        <source>Why is the submitted sheet changed? The earlier version and this reason are kept.</source>
        <translation>为什么要修改已提交的评分表？原版本和本理由都将存档。</translation>
    </message>
    <message>
        <source>Amend</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Saving the amendment…</source>
        <translation>正在保存更正…</translation>
    </message>
    <message>
        <source>Amendment saved; the earlier version is kept.</source>
        <translation>更正已保存，原版本已存档。</translation>
    </message>
    <message>
        <source>Item {code} “{text}”: {problem}</source>
        <translation>评分项 {code}“{text}”：{problem}</translation>
    </message>
    <message>
        <source> (and {count} more marked in red)</source>
        <translation>（另有 {count} 处已用红框标出）</translation>
    </message>
    <message>
        <source>{name} has no sheet to read on this case yet.</source>
        <translation>{name} 在本案还没有可查看的评分表。</translation>
    </message>
</context>
<context>
    <name>SelectionDialog</name>
    <message>
        <source>Select cases</source>
        <translation>选案</translation>
    </message>
    <message>
        <source>The campaign chosen at the top of the main window</source>
        <translation>在主窗口顶部选定的评查活动</translation>
    </message>
    <message>
        <source>Random draw</source>
        <translation>随机抽取</translation>
    </message>
    <message>
        <source>Key case</source>
        <translation>重点案件</translation>
    </message>
    <message>
        <source>&amp;Campaign:</source>
        <translation>评查活动(&amp;C)：</translation>
    </message>
    <message>
        <source>Number of cases</source>
        <translation>按件数</translation>
    </message>
    <message>
        <source>Share of the pool</source>
        <translation>按比例</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>None</source>
        <translation>不分层</translation>
    </message>
    <message>
        <source>Case type</source>
        <translation>案件类型</translation>
    </message>
    <message>
        <source>Handling unit</source>
        <translation>办案单位</translation>
    </message>
    <message>
        <source>Prefecture (first 4 digits of the region code)</source>
        <translation>地市（行政区划代码前 4 位）</translation>
    </message>
    <message>
        <source>Petition flag</source>
        <translation>信访标记</translation>
    </message>
    <message>
        <source>New seed</source>
        <translation>重新生成种子</translation>
    </message>
    <message>
        <source>How many:</source>
        <translation>抽取数量：</translation>
    </message>
    <message>
        <source>Case types (none = all):</source>
        <translation>案件类型（不选即全部）：</translation>
    </message>
    <message>
        <source>Handling units (none = all):</source>
        <translation>办案单位（不选即全部）：</translation>
    </message>
    <message>
        <source>Petition flags (any of; none = all):</source>
        <translation>信访标记（任一；不选即全部）：</translation>
    </message>
    <message>
        <source>At least this many petitions:</source>
        <translation>信访次数不少于：</translation>
    </message>
    <message>
        <source>Draw per stratum:</source>
        <translation>分层抽取：</translation>
    </message>
    <message>
        <source>&amp;Seed:</source>
        <translation>随机种子(&amp;S)：</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Draw and store</source>
        <translation>确定抽取</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Case id</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Cases are ranked by SHA-256 of the seed and each case key; the lowest ranks are drawn. Keep the seed with the minutes: with the same seed and settings, anyone can repeat the draw and get the same cases.</source>
        <translation>按随机种子与每件案件标识的 SHA-256 值排序，取值最小者入选。请将种子记入会议记录：用同一种子和同样的设置，任何人都能重复本次抽取，得到同样的案件。</translation>
    </message>
    <message>
        <source>Create a campaign first.</source>
        <translation>请先创建评查活动。</translation>
    </message>
    <message>
        <source>Drawing…</source>
        <translation>正在抽取…</translation>
    </message>
    <message>
        <source>Storing the draw…</source>
        <translation>正在保存抽取结果…</translation>
    </message>
    <message>
        <source>{n} of {pool} cases; pool fingerprint {fp}</source>
        <translation>从 {pool} 件中抽取 {n} 件；案件池指纹 {fp}</translation>
    </message>
    <message>
        <source>Per stratum (drawn/pool): {parts}</source>
        <translation>各层（抽中/总数）：{parts}</translation>
    </message>
    <message>
        <source>Draw {id} stored: {n} cases. Seed: {seed}</source>
        <translation>第 {id} 次抽取已保存：{n} 件。随机种子：{seed}</translation>
    </message>
    <message>
        <source>type part of the case number, the title or the case id, then choose</source>
        <translation>输入案号、案件名称或案件编号的一部分，再从列表中选择</translation>
    </message>
    <message>
        <source>&amp;List…</source>
        <translation>列表(&amp;L)…</translation>
    </message>
    <message>
        <source>Show every case to choose from</source>
        <translation>列出全部案件供选择</translation>
    </message>
    <message>
        <source>why this case must be reviewed (required)</source>
        <translation>列为重点案件的理由（必填）</translation>
    </message>
    <message>
        <source>Add key case</source>
        <translation>添加重点案件</translation>
    </message>
    <message>
        <source>C&amp;ase:</source>
        <translation>案件(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
    <message>
        <source>A key case is chosen by hand; it stays selected when cases are drawn again.</source>
        <translation>重点案件由人工选定；重新随机抽取时仍保留。</translation>
    </message>
    <message>
        <source>Enter the case.</source>
        <translation>请填写案件。</translation>
    </message>
    <message>
        <source>Enter the reason.</source>
        <translation>请填写理由。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Case {case} added as a key case.</source>
        <translation>案件 {case} 已列为重点案件。</translation>
    </message>
</context>
<context>
    <name>SendBackForm</name>
    <message>
        <source>Send back for rectification</source>
        <translation>退回整改</translation>
    </message>
    <message>
        <source>Re-check found</source>
        <translation>回头看结论</translation>
    </message>
    <message>
        <source>Not fixed</source>
        <translation>未整改</translation>
    </message>
    <message>
        <source>Partly fixed</source>
        <translation>部分整改</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>退回理由</translation>
    </message>
    <message>
        <source>why the fix is not accepted (required)</source>
        <translation>不予认可整改的理由（必填）</translation>
    </message>
    <message>
        <source>New deadline</source>
        <translation>新的整改期限</translation>
    </message>
    <message>
        <source>Send item {number} back</source>
        <translation>退回整改事项 {number}</translation>
    </message>
    <message>
        <source>The unit must fix the problem again by the new deadline; the reason goes into the item&apos;s history.</source>
        <translation>被评查单位须在新的期限内重新整改；退回理由记入该事项的办理记录。</translation>
    </message>
    <message>
        <source>Send back</source>
        <translation>退回整改</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>SessionCampaignCombo</name>
    <message>
        <source>Current &amp;campaign:</source>
        <translation>当前评查活动(&amp;C)：</translation>
    </message>
    <message>
        <source>Current campaign</source>
        <translation>当前评查活动</translation>
    </message>
    <message>
        <source>Every page shows this campaign</source>
        <translation>各页面都显示这一评查活动的内容</translation>
    </message>
</context>
<context>
    <name>SetPasswordDialog</name>
    <message>
        <source>at least 8 characters</source>
        <translation>至少 8 位</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Repeat new password:</source>
        <translation>再次输入新密码(&amp;R)：</translation>
    </message>
    <message>
        <source>Saving the new password…</source>
        <translation>正在保存新密码…</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Workspace (applies to every user)</source>
        <translation>工作区（对所有用户生效）</translation>
    </message>
    <message>
        <source>Lock after &amp;no use for:</source>
        <translation>无操作自动锁定(&amp;N)：</translation>
    </message>
    <message>
        <source>After this time without keyboard or mouse input the workspace locks and asks for the password again.</source>
        <translation>超过此时间没有键盘或鼠标操作，工作区将自动锁定，需重新输入密码。</translation>
    </message>
    <message>
        <source>Only an administrator can change this.</source>
        <translation>仅管理员可以修改此项。</translation>
    </message>
    <message>
        <source>Workspace folder:</source>
        <translation>工作区文件夹：</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <source>A new language applies the next time ReviewDesk starts.</source>
        <translation>更改的语言将在下次启动评查工作台时生效。</translation>
    </message>
    <message>
        <source>My account</source>
        <translation>我的账户</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>修改我的密码(&amp;P)…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Saved: the workspace now locks after {minutes} minutes without use.</source>
        <translation>已保存：无操作 {minutes} 分钟后将自动锁定工作区。</translation>
    </message>
    <message>
        <source>Saved. Restart ReviewDesk to see it in {language}.</source>
        <translation>已保存。重新启动评查工作台后将显示为{language}。</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>ReviewDesk — Set up the workspace</source>
        <translation>评查工作台 — 初始化工作区</translation>
    </message>
    <message>
        <source>Finish and open</source>
        <translation>完成并打开</translation>
    </message>
    <message>
        <source>Store the recovery code first</source>
        <translation>请先保存恢复码</translation>
    </message>
    <message>
        <source>The workspace has been created. Print or write down the recovery code, tick the box and press Finish.</source>
        <translation>工作区已创建。请打印或抄写恢复码，勾选确认框后点击“完成并打开”。</translation>
    </message>
</context>
<context>
    <name>SpecialForm</name>
    <message>
        <source>Open a special rectification</source>
        <translation>开展专项整治</translation>
    </message>
    <message>
        <source>{category} — {cases} cases, {units} units</source>
        <translation>{category}——{cases} 件案件，{units} 个单位</translation>
    </message>
    <message>
        <source>Problem category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>“&lt;category&gt;问题专项整治” when empty</source>
        <translation>不填则为“&lt;问题类别&gt;问题专项整治”</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>整治要求</translation>
    </message>
    <message>
        <source>what the units must do (required)</source>
        <translation>各单位须落实的要求（必填）</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Special rectification</source>
        <translation>专项整治</translation>
    </message>
    <message>
        <source>The problem categories listed are those the ranking found in enough cases or units (the campaign&apos;s settings). The category&apos;s rectification items, present and future, belong to it.</source>
        <translation>这里列出问题排行中达到条件（案件数或单位数达到评查活动设置）的问题类别。该类别现有和以后生成的整改事项都归入本专项整治。</translation>
    </message>
    <message>
        <source>Open the special rectification</source>
        <translation>开展专项整治</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>SpecialsTab</name>
    <message>
        <source>Open from the problem ranking…</source>
        <translation>从问题排行开展专项整治…</translation>
    </message>
    <message>
        <source>Special rectification notice ▾</source>
        <translation>专项整治通知 ▾</translation>
    </message>
    <message>
        <source>Special rectification notice {title}</source>
        <translation>专项整治通知（{title}）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Problem category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>整治要求</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件数</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>涉及单位</translation>
    </message>
    <message>
        <source>Rectification items</source>
        <translation>整改事项数</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进展</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Opened by</source>
        <translation>发起人</translation>
    </message>
    <message>
        <source>Counting the problems…</source>
        <translation>正在统计问题…</translation>
    </message>
    <message>
        <source>The special rectification was opened.</source>
        <translation>专项整治已开展。</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>Export the &amp;ledger (Excel)…</source>
        <translation>导出台账（Excel）(&amp;L)…</translation>
    </message>
    <message>
        <source>An Excel workbook with the case ledger, the problem list, the score details and these statistics</source>
        <translation>Excel 工作簿，含案件台账、问题清单、评分明细和本页统计</translation>
    </message>
    <message>
        <source>Produce the campaign &amp;report…</source>
        <translation>生成统计报告(&amp;R)…</translation>
    </message>
    <message>
        <source>The campaign&apos;s summary report with tables and charts, as Word or PDF (choose the file type in the save dialog)</source>
        <translation>本次评查活动的统计报告（含表格和图表），可保存为 Word 或 PDF（在保存对话框中选择文件类型）</translation>
    </message>
    <message>
        <source>Cases drawn</source>
        <translation>抽取案件</translation>
    </message>
    <message>
        <source>Concluded</source>
        <translation>已合议</translation>
    </message>
    <message>
        <source>Being scored</source>
        <translation>评分中</translation>
    </message>
    <message>
        <source>Not yet scored</source>
        <translation>未开始评分</translation>
    </message>
    <message>
        <source>Mean score</source>
        <translation>平均分</translation>
    </message>
    <message>
        <source>By handling unit</source>
        <translation>按承办单位</translation>
    </message>
    <message>
        <source>By case type</source>
        <translation>按案件类型</translation>
    </message>
    <message>
        <source>Problem categories</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>The results of a campaign: how many cases were drawn and concluded, the grades and conclusions, and the results by unit, case type and problem category. Only submitted score sheets and recorded conclusions are counted.</source>
        <translation>评查活动的结果：抽取和已合议的案件数、等次和结论，以及按承办单位、案件类型和问题类别的统计。只统计已提交的评分表和已记录的合议结论。</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>{drawn} by lot, {key} key cases</source>
        <translation>随机抽取 {drawn} 件，重点案件 {key} 件</translation>
    </message>
    <message>
        <source>{share} of the cases drawn</source>
        <translation>占抽取案件的 {share}</translation>
    </message>
    <message>
        <source>sheets started</source>
        <translation>已开始评分</translation>
    </message>
    <message>
        <source>no sheet started</source>
        <translation>尚未开始评分</translation>
    </message>
    <message>
        <source>median {median}</source>
        <translation>中位数 {median}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Grades of the concluded cases: {grades}</source>
        <translation>已合议案件等次：{grades}</translation>
    </message>
    <message>
        <source>{name} {count} ({share})</source>
        <translation>{name} {count} 件（{share}）</translation>
    </message>
    <message>
        <source>Conclusions: {outcomes}</source>
        <translation>评查结论：{outcomes}</translation>
    </message>
    <message>
        <source>Sent back for correction: {corrections}; referral suggested: {referrals}.</source>
        <translation>要求整改 {corrections} 件；建议移送 {referrals} 件。</translation>
    </message>
    <message>
        <source>Rectification: {items} items, {fixed} fixed ({rate}), {closed} closed, {overdue} overdue. Referrals: {sent} sent, {awaiting} awaiting feedback ({late} overdue). Objections: {upheld} upheld, {changed} changed, {pending} pending.</source>
        <translation>整改：共{items}项，已整改{fixed}项（{rate}），已销号{closed}项，逾期{overdue}项。线索移送：已移送{sent}件，待反馈{awaiting}件（逾期{late}件）。异议：复核维持{upheld}件，变更{changed}件，待复核{pending}件。</translation>
    </message>
    <message>
        <source>Save the ledger</source>
        <translation>保存台账</translation>
    </message>
    <message>
        <source>{campaign} review ledger.xlsx</source>
        <translation>{campaign}案件评查台账.xlsx</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Building the ledger…</source>
        <translation>正在生成台账…</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Save the campaign report</source>
        <translation>保存统计报告</translation>
    </message>
    <message>
        <source>{campaign} campaign report.docx</source>
        <translation>{campaign}案件评查情况统计报告.docx</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>正在生成统计报告…</translation>
    </message>
    <message>
        <source>Saved to {path}. The file is not encrypted there: keep it safe.</source>
        <translation>已保存到 {path}。该文件未加密，请妥善保管。</translation>
    </message>
</context>
<context>
    <name>TrustIssuerDialog</name>
    <message>
        <source>Add a trusted issuing office</source>
        <translation>添加信任的签发单位</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>尚未选择文件</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <source>Shown after choosing the file</source>
        <translation>选择文件后显示</translation>
    </message>
    <message>
        <source>For example: Municipal Justice Bureau</source>
        <translation>例如：市司法局</translation>
    </message>
    <message>
        <source>Public key file:</source>
        <translation>公钥文件：</translation>
    </message>
    <message>
        <source>Key ID:</source>
        <translation>密钥编号：</translation>
    </message>
    <message>
        <source>Office name:</source>
        <translation>单位名称：</translation>
    </message>
    <message>
        <source>&amp;Trust this office</source>
        <translation>信任该单位(&amp;T)</translation>
    </message>
    <message>
        <source>Choose the public key file (.pub) the organising office gave you, then type the office&apos;s name. Before confirming, check the key ID with the office by telephone: only packages signed with this key will be accepted as coming from them.</source>
        <translation>请选择组织单位提供给您的公钥文件（.pub），再填写该单位的名称。确认之前，请打电话与对方核对密钥编号：只有用这个密钥签名的案卷包，才会被认定为来自该单位。</translation>
    </message>
    <message>
        <source>Choose the office&apos;s public key file</source>
        <translation>选择签发单位的公钥文件</translation>
    </message>
    <message>
        <source>Public key files (*.pub)</source>
        <translation>公钥文件 (*.pub)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>This file is not a valid public key file. Ask the issuing office for their .pub file and choose it again.</source>
        <translation>这个文件不是有效的公钥文件。请向签发单位索取他们的 .pub 公钥文件，然后重新选择。</translation>
    </message>
    <message>
        <source>The file could not be read. Check that it still exists and is not open elsewhere.</source>
        <translation>无法读取该文件。请确认文件仍然存在，且没有被其他程序占用。</translation>
    </message>
    <message>
        <source>Choose the office&apos;s public key file first.</source>
        <translation>请先选择签发单位的公钥文件。</translation>
    </message>
    <message>
        <source>Type the name of the issuing office.</source>
        <translation>请填写签发单位的名称。</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Password last set</source>
        <translation>密码设置时间</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>This account cannot log in. Select it and press Enable to let it in again.</source>
        <translation>此账户无法登录。选中后点击“启用”可恢复登录。</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>&amp;Add account…</source>
        <translation>添加账户(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>重置密码(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Disable…</source>
        <translation>停用(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Enable…</source>
        <translation>启用(&amp;E)…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>Everyone who uses this workspace has an account of their own. Experts score cases, observers only read, auditors read the audit log. A disabled account cannot log in; its history stays.</source>
        <translation>使用本工作区的每个人都应有自己的账户。评查专家负责评分，观察员只能查看，审计员查阅审计日志。账户停用后不能登录，其操作记录仍保留。</translation>
    </message>
    <message>
        <source>Account {user} added.</source>
        <translation>已添加账户 {user}。</translation>
    </message>
    <message>
        <source>Reset password of {user}</source>
        <translation>重置 {user} 的密码</translation>
    </message>
    <message>
        <source>Use this when {name} ({user}) has forgotten the password. Tell them the new password in person and ask them to change it after logging in.</source>
        <translation>在{name}（{user}）忘记密码时使用。请当面告知新密码，并请其登录后自行修改。</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>The password of {user} was reset.</source>
        <translation>已重置 {user} 的密码。</translation>
    </message>
    <message>
        <source>Disable account</source>
        <translation>停用账户</translation>
    </message>
    <message>
        <source>Disable the account {user} ({name})?</source>
        <translation>确定要停用账户 {user}（{name}）吗？</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>The person can no longer log in. Everything they did stays in the workspace and in the audit log. You can enable the account again later with a new password.</source>
        <translation>停用后此人不能再登录，其全部操作仍保留在工作区和审计日志中。以后可设置新密码重新启用该账户。</translation>
    </message>
    <message>
        <source>Account {user} disabled.</source>
        <translation>已停用账户 {user}。</translation>
    </message>
    <message>
        <source>Enable account {user}</source>
        <translation>启用账户 {user}</translation>
    </message>
    <message>
        <source>A disabled account has no password any more. Choose a new one for {name} ({user}) and tell it to them in person.</source>
        <translation>已停用的账户不再有密码。请为{name}（{user}）设置新密码，并当面告知本人。</translation>
    </message>
    <message>
        <source>Enable account</source>
        <translation>启用账户</translation>
    </message>
    <message>
        <source>Account {user} enabled.</source>
        <translation>已启用账户 {user}。</translation>
    </message>
</context>
<context>
    <name>VerifyForm</name>
    <message>
        <source>Re-check: found fixed</source>
        <translation>回头看核实</translation>
    </message>
    <message>
        <source>What the re-check found</source>
        <translation>回头看情况</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>Re-check of item {number}</source>
        <translation>整改事项 {number} 的回头看</translation>
    </message>
    <message>
        <source>The re-check (回头看) found the problem fixed. The item can then be closed off; if it later turns out not fixed, it can still be sent back.</source>
        <translation>回头看核实问题已整改。核实后可以销号；如发现未整改到位，仍可退回整改。</translation>
    </message>
    <message>
        <source>Record: fixed</source>
        <translation>登记：已整改</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>_FormDialog</name>
    <message>
        <source>Enter the new password.</source>
        <translation>请输入新密码。</translation>
    </message>
    <message>
        <source>The two new passwords differ. Type them again.</source>
        <translation>两次输入的新密码不一致，请重新输入。</translation>
    </message>
</context>
</TS>
