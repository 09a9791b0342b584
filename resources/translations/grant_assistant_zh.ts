<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../desktop/ui/about.py" line="17"/>
        <source>About Grant assistant</source>
        <translation>关于研发设备补助申报助手</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about.py" line="33"/>
        <source>Grant assistant {version}</source>
        <translation>研发设备补助申报助手 {version}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about.py" line="34"/>
        <source>Prepares and checks applications for Guangdong&apos;s R&amp;D-equipment subsidy.</source>
        <translation>帮助准备并检查广东省研发设备补助申报材料。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about.py" line="40"/>
        <source>Rule pack {id}, version {version}</source>
        <translation>规则包 {id}，版本 {version}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about.py" line="42"/>
        <source>Sources:</source>
        <translation>依据来源：</translation>
    </message>
</context>
<context>
    <name>AttachmentsModel</name>
    <message>
        <location filename="../../desktop/ui/attachments/attachments_model.py" line="27"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/attachments_model.py" line="27"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/attachments_model.py" line="28"/>
        <source>Name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/attachments_model.py" line="29"/>
        <source>Equipment lines</source>
        <translation>对应设备行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/attachments_model.py" line="30"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/attachments_model.py" line="30"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/attachments_model.py" line="31"/>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/attachments_model.py" line="34"/>
        <source>As recorded</source>
        <translation>与记录一致</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/attachments_model.py" line="35"/>
        <source>Changed since added</source>
        <translation>添加后已被修改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/attachments_model.py" line="36"/>
        <source>File not found</source>
        <translation>文件已不存在</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/attachments_model.py" line="37"/>
        <source>Not checked yet</source>
        <translation>尚未核对</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/attachments_model.py" line="38"/>
        <source>No file location</source>
        <translation>未记录文件位置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/attachments_model.py" line="207"/>
        <source>Edit attachment</source>
        <translation>修改附件</translation>
    </message>
</context>
<context>
    <name>AttachmentsPage</name>
    <message>
        <location filename="../../desktop/ui/attachments/attachments_page.py" line="132"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/attachments_page.py" line="133"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/attachments_page.py" line="134"/>
        <source>Check files again</source>
        <translation>重新核对文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/attachments_page.py" line="140"/>
        <source>, </source>
        <comment>between the kinds of attachment</comment>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/attachments_page.py" line="142"/>
        <source>Drop files here or use Add files…. Kinds: {kinds}. Link a file to equipment lines by their numbers, e.g. 1, 3-5.</source>
        <translation>可将文件拖放到此处，或点击“添加文件…”。类别：{kinds}。在“对应设备行”中填写设备行号，如 1, 3-5。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/attachments_page.py" line="145"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/attachments_page.py" line="169"/>
        <location filename="../../desktop/ui/attachments/attachments_page.py" line="197"/>
        <source>Add attachments</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/attachments_page.py" line="199"/>
        <source>{n} files added.</source>
        <translation>已添加 {n} 个文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/attachments_page.py" line="203"/>
        <source>Computing SHA-256…</source>
        <translation>正在计算 SHA-256…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/attachments_page.py" line="203"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/attachments_page.py" line="205"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/attachments_page.py" line="233"/>
        <source>Could not read the file: {error}</source>
        <translation>无法读取文件：{error}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/attachments_page.py" line="242"/>
        <source>Remove attachments</source>
        <translation>移除附件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/attachments_page.py" line="274"/>
        <source>{n} files changed or missing since they were added.</source>
        <translation>有 {n} 个文件在添加后被修改或已不存在。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/attachments_page.py" line="275"/>
        <source>Every file is as recorded.</source>
        <translation>所有文件与记录一致。</translation>
    </message>
</context>
<context>
    <name>ComingStep</name>
    <message>
        <location filename="../../desktop/ui/wizard/step_protocol.py" line="92"/>
        <source>This step could not be loaded: {problem}</source>
        <translation>此步骤无法加载：{problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/step_protocol.py" line="95"/>
        <source>This step arrives with the equipment issue. Your draft keeps its equipment lines and attachments meanwhile, and the summary above already counts them.</source>
        <translation>此步骤将随设备清单功能一同提供。在此之前，草稿中的设备和附件都会保留，上方的汇总已经计入。</translation>
    </message>
</context>
<context>
    <name>CompanyDialog</name>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="52"/>
        <source>Companies</source>
        <translation>申报单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="64"/>
        <source>Registered name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="65"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="66"/>
        <source>City</source>
        <translation>所在地市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="67"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="68"/>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="69"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="70"/>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="71"/>
        <source>Contact e-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="72"/>
        <source>Bank</source>
        <translation>开户银行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="73"/>
        <source>Account number</source>
        <translation>银行账号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="77"/>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="204"/>
        <source>Registered capital (yuan)</source>
        <translation>注册资本（元）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="78"/>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="205"/>
        <source>Founded on</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="79"/>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="206"/>
        <source>Staff</source>
        <translation>职工总数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="80"/>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="207"/>
        <source>R&amp;D staff</source>
        <translation>研发人员数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="82"/>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="193"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="82"/>
        <source>Revenue</source>
        <translation>营业收入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="83"/>
        <source>Total profit</source>
        <translation>利润总额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="83"/>
        <source>R&amp;D</source>
        <translation>研发费用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="88"/>
        <source>Last three years</source>
        <translation>近三年财务情况</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="90"/>
        <source>number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="91"/>
        <source>valid until YYYY-MM-DD</source>
        <translation>有效期至 YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="100"/>
        <source>New company</source>
        <translation>新建单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="102"/>
        <source>From the chosen draft</source>
        <translation>按所选草稿新建</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="104"/>
        <source>Link the chosen draft</source>
        <translation>关联所选草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="108"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="188"/>
        <source>Fill in the registered name.</source>
        <translation>请填写单位名称。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="194"/>
        <source>Financial figures</source>
        <translation>财务数据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="226"/>
        <source>No longer valid (until {date})</source>
        <translation>已失效（有效期至 {date}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="229"/>
        <source>Lapses {date}, before the deadline {deadline} of {notice}</source>
        <translation>有效期至 {date}，早于 {notice} 的截止日期 {deadline}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="272"/>
        <source>Saved; {n} open drafts took the new values.</source>
        <translation>已保存；{n} 份未提交的草稿已随之更新。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="274"/>
        <source>Not valid until the deadline: {docs}.</source>
        <translation>截止日期前失效：{docs}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="293"/>
        <source>The draft follows this company now.</source>
        <translation>该草稿现已关联此单位，随单位信息更新。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="301"/>
        <source>{what}: write a whole number.</source>
        <translation>{what}：请填写整数。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="314"/>
        <source>{what}: write an amount in yuan such as 1250000.00.</source>
        <translation>{what}：请按元填写金额，如 1250000.00。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/company_dialog.py" line="328"/>
        <source>{what}: write a date as YYYY-MM-DD.</source>
        <translation>{what}：请按 YYYY-MM-DD 填写日期。</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../desktop/ui/common/conflict.py" line="54"/>
        <source>The draft was deleted elsewhere</source>
        <translation>草稿已在别处被删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/conflict.py" line="56"/>
        <source>This draft was deleted for good in another window or by another program while you were editing it. Your edits are still here: keep your version as a new draft.</source>
        <translation>在您编辑期间，此草稿已在另一个窗口或由另一个程序彻底删除。您的修改仍在这里：请把您的版本保存为新草稿。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/conflict.py" line="60"/>
        <source>The draft was changed elsewhere</source>
        <translation>草稿已在别处被修改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/conflict.py" line="62"/>
        <source>This draft was changed in another window or on another computer since you opened it. Nothing has been overwritten. Keep your version as a new draft, or reload the stored version (your edits since the last save are then discarded).</source>
        <translation>打开本草稿之后，它在另一个窗口或另一台电脑上被修改过。目前没有任何内容被覆盖。您可以把自己的版本另存为新草稿，或重新载入已保存的版本（上次保存之后您所做的修改将被放弃）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/conflict.py" line="66"/>
        <source>Keep mine as a copy</source>
        <translation>将我的版本另存为副本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/conflict.py" line="67"/>
        <source>Reload theirs</source>
        <translation>载入对方的版本</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../../desktop/ui/controller.py" line="130"/>
        <source>Warning: {problem}</source>
        <translation>警告：{problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="211"/>
        <source>{who} has been editing this draft since {when}: a change saved by both of you is refused for the later one.</source>
        <translation>{who} 自 {when} 起正在编辑此草稿：两人都保存的修改，后保存的一方会被拒绝。</translation>
    </message>
</context>
<context>
    <name>DatabaseProblem</name>
    <message>
        <location filename="../../desktop/ui/common/database_problem.py" line="34"/>
        <source>Cannot open the drafts</source>
        <translation>无法打开草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/database_problem.py" line="38"/>
        <source>The drafts database cannot be used:</source>
        <translation>草稿数据库无法使用：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/database_problem.py" line="41"/>
        <source>A good backup from {when} was found. Restore it? The database as it is now is kept beside it (renamed, not deleted); changes made after the backup are not in it.</source>
        <translation>找到一份 {when} 的完好备份。要恢复吗？现在的数据库会保留在旁边（改名保存，不会删除）；备份之后所做的修改不在其中。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/database_problem.py" line="46"/>
        <source>Restore the backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/database_problem.py" line="49"/>
        <source>No backup to restore was found. The program will close; the file was not changed.</source>
        <translation>没有找到可恢复的备份。程序将关闭，文件未作任何改动。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/database_problem.py" line="53"/>
        <source>The file was not changed. Try again once this is put right, or quit.</source>
        <translation>文件未作任何改动。问题解决后可以重试，或者退出。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/database_problem.py" line="57"/>
        <source>The program will close; the file was not changed.</source>
        <translation>程序将关闭；文件未作任何改动。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/database_problem.py" line="60"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/database_problem.py" line="61"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/database_problem.py" line="73"/>
        <source>Backup restored</source>
        <translation>备份已恢复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/database_problem.py" line="74"/>
        <source>The backup was restored. The previous file was kept as {file}.</source>
        <translation>备份已恢复。原来的文件已保留为 {file}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/database_problem.py" line="82"/>
        <source>The backup was not restored</source>
        <translation>备份未恢复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/database_problem.py" line="83"/>
        <source>The backup could not be restored:</source>
        <translation>备份未能恢复：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/database_problem.py" line="84"/>
        <source>The program will close.</source>
        <translation>程序将关闭。</translation>
    </message>
</context>
<context>
    <name>DraftsActions</name>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="31"/>
        <source>“{title}” moved to the trash.</source>
        <translation>“{title}”已移到回收站。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="41"/>
        <source>“{title}” was deleted for ever and cannot be brought back.</source>
        <translation>“{title}”已永久删除，无法恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="53"/>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="279"/>
        <location filename="../../desktop/ui/wizard/wizard_menus.py" line="185"/>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="54"/>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="280"/>
        <location filename="../../desktop/ui/wizard/wizard_menus.py" line="185"/>
        <source>The draft file could not be written to {path}: {problem}</source>
        <translation>草稿文件未能写入 {path}：{problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="139"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="140"/>
        <source>&amp;Companies…</source>
        <translation>申报单位(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="141"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="142"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="143"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="144"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="145"/>
        <source>D&amp;uplicate</source>
        <translation>复制(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="146"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="147"/>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="148"/>
        <source>Delete for&amp;ever</source>
        <translation>永久删除(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="149"/>
        <source>&amp;Import draft file…</source>
        <translation>导入草稿文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="150"/>
        <source>&amp;Export draft file…</source>
        <translation>导出草稿文件(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="151"/>
        <source>Open the &amp;demo draft</source>
        <translation>打开演示草稿(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="152"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="153"/>
        <source>Open data &amp;folder</source>
        <translation>打开数据文件夹(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="154"/>
        <source>Connect to a &amp;team database…</source>
        <translation>连接团队数据库(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="155"/>
        <source>&amp;Trash</source>
        <translation>回收站(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="156"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="157"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="158"/>
        <source>&amp;About…</source>
        <translation>关于(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="194"/>
        <source>damaged draft {id}</source>
        <translation>已损坏的草稿 {id}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="195"/>
        <source>Untitled draft</source>
        <translation>未命名草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="206"/>
        <source>{title} (copy)</source>
        <translation>{title}(副本)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="242"/>
        <source>Damaged draft</source>
        <translation>已损坏的草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="243"/>
        <source>The draft with id {id} cannot be read: {reason}. The other drafts are not affected. You can export its raw stored values to a file (for a specialist to recover what can be recovered), or delete it for ever.</source>
        <translation>编号为 {id} 的草稿无法读取：{reason}。其他草稿不受影响。可以把它存储的原始数据导出到文件（交由专业人员尽量恢复），或将其永久删除。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="253"/>
        <source>Export raw values…</source>
        <translation>导出原始数据…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="256"/>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="294"/>
        <source>Delete for ever</source>
        <translation>永久删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="295"/>
        <source>Delete “{title}” for ever? This cannot be undone.</source>
        <translation>永久删除“{title}”？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="304"/>
        <source>Import a draft file</source>
        <translation>导入草稿文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="305"/>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="332"/>
        <source>Draft files (*.json)</source>
        <translation>草稿文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="316"/>
        <source>Cannot import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_actions.py" line="331"/>
        <source>Export the draft file</source>
        <translation>导出草稿文件</translation>
    </message>
</context>
<context>
    <name>DraftsModel</name>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_model.py" line="65"/>
        <source>approved for submission</source>
        <translation>已批准提交</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_model.py" line="66"/>
        <source>for review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_model.py" line="67"/>
        <source>{what}: {who}, {when}</source>
        <translation>{what}：{who}，{when}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_model.py" line="76"/>
        <source>{who} since {when}</source>
        <translation>{who}（自 {when}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_model.py" line="113"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_model.py" line="114"/>
        <source>Applicant</source>
        <translation>申报单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_model.py" line="115"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_model.py" line="116"/>
        <source>Maximum subsidy (yuan)</source>
        <translation>可申请上限（元）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_model.py" line="117"/>
        <source>Requested (yuan)</source>
        <translation>申请金额（元）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_model.py" line="118"/>
        <source>Last change</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_model.py" line="119"/>
        <source>Application</source>
        <translation>申报进度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_model.py" line="120"/>
        <source>Deadline</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_model.py" line="121"/>
        <source>Company</source>
        <translation>申报单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_model.py" line="122"/>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_model.py" line="123"/>
        <source>Being edited by</source>
        <translation>正在编辑</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_model.py" line="130"/>
        <source>Damaged draft (id {id})</source>
        <translation>已损坏的草稿（编号 {id}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_model.py" line="134"/>
        <source>damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_model.py" line="139"/>
        <source>This draft cannot be read ({reason}). Export its raw stored values to a file, or delete it for ever.</source>
        <translation>无法读取此草稿（{reason}）。可以把它存储的原始数据导出到文件，或将其永久删除。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_model.py" line="150"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_model.py" line="151"/>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_model.py" line="152"/>
        <source>Entered</source>
        <translation>已入库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_model.py" line="153"/>
        <source>Approved</source>
        <translation>已立项</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_model.py" line="154"/>
        <source>Not approved</source>
        <translation>未通过</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_model.py" line="161"/>
        <source>not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_model.py" line="163"/>
        <source>{n} errors</source>
        <translation>{n} 个错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_model.py" line="164"/>
        <source>ready</source>
        <translation>可以申报</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_model.py" line="175"/>
        <source>Untitled draft</source>
        <translation>未命名草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_model.py" line="198"/>
        <source>Last changed by {who}</source>
        <translation>最后修改人：{who}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_model.py" line="204"/>
        <source>{errors} errors, {warnings} warnings</source>
        <translation>{errors} 个错误，{warnings} 个警告</translation>
    </message>
</context>
<context>
    <name>DraftsWindow</name>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_window.py" line="154"/>
        <source>Grant assistant — drafts</source>
        <translation>研发设备补助申报助手 — 草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_window.py" line="156"/>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_window.py" line="156"/>
        <location filename="../../desktop/ui/drafts/drafts_window.py" line="160"/>
        <source>Drafts</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_window.py" line="158"/>
        <source>Search title, applicant, credit code, city, invoice</source>
        <translation>搜索标题、申报单位、信用代码、城市、发票号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_window.py" line="159"/>
        <source>Search drafts</source>
        <translation>搜索草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_window.py" line="161"/>
        <source>No drafts yet. Open the demo draft to see a complete application, or start a new one.</source>
        <translation>还没有草稿。可以先打开演示草稿看看一份完整的申报，或新建一份。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_window.py" line="164"/>
        <source>The trash is empty.</source>
        <translation>回收站是空的。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_window.py" line="165"/>
        <source>Open the demo draft</source>
        <translation>打开演示草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_window.py" line="166"/>
        <source>New draft</source>
        <translation>新建草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_window.py" line="167"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_window.py" line="224"/>
        <source>All companies</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_window.py" line="225"/>
        <source>Drafts without a company</source>
        <translation>未关联单位的草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_window.py" line="248"/>
        <source>The list could not be read: {problem}</source>
        <translation>无法读取草稿列表：{problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_window.py" line="289"/>
        <source>{n} stored drafts cannot be read (damaged: id {ids}); the others are listed as usual. Open a damaged draft to export its raw stored values or delete it for ever.</source>
        <translation>有 {n} 份草稿无法读取（已损坏：编号 {ids}）；其他草稿照常列出。打开已损坏的草稿，可导出其原始数据或将其永久删除。</translation>
    </message>
</context>
<context>
    <name>Editors</name>
    <message>
        <location filename="../../desktop/ui/common/editors.py" line="252"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/value_editors.py" line="200"/>
        <location filename="../../desktop/ui/equipment/delegates.py" line="138"/>
        <source>Pick a date</source>
        <translation>选择日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/editors.py" line="325"/>
        <source>not allowed: {chars}</source>
        <translation>不允许的字符：{chars}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/editors.py" line="327"/>
        <source>check character should be {char}</source>
        <translation>校验码应为 {char}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/editors.py" line="329"/>
        <source>checksum correct</source>
        <translation>校验码正确</translation>
    </message>
</context>
<context>
    <name>EquipmentModel</name>
    <message>
        <location filename="../../desktop/ui/equipment/equipment_model.py" line="40"/>
        <source>Purchase date</source>
        <translation>购置日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/equipment_model.py" line="41"/>
        <source>Unit price</source>
        <translation>不含税单价</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/equipment_model.py" line="42"/>
        <source>Invoice no.</source>
        <translation>发票号码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/equipment_model.py" line="43"/>
        <source>Rate</source>
        <translation>汇率</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/equipment_model.py" line="109"/>
        <source>Eligibility</source>
        <translation>是否计入补助基数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/equipment_model.py" line="111"/>
        <source>Amount (CNY)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/equipment_model.py" line="186"/>
        <source>Counts towards the subsidy</source>
        <translation>计入补助基数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/equipment_model.py" line="188"/>
        <source>Excluded: {reasons}</source>
        <translation>不计入：{reasons}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/delegates.py" line="249"/>
        <location filename="../../desktop/ui/equipment/equipment_model.py" line="163"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
</context>
<context>
    <name>EquipmentPage</name>
    <message>
        <location filename="../../desktop/ui/equipment/equipment_page.py" line="48"/>
        <location filename="../../desktop/ui/equipment/equipment_page.py" line="238"/>
        <source>Add line</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/equipment_page.py" line="49"/>
        <location filename="../../desktop/ui/equipment/equipment_page.py" line="244"/>
        <source>Insert line</source>
        <translation>插入一行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/equipment_page.py" line="50"/>
        <source>Duplicate</source>
        <translation>复制行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/equipment_page.py" line="51"/>
        <location filename="../../desktop/ui/equipment/equipment_page.py" line="257"/>
        <source>Delete lines</source>
        <translation>删除行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/equipment_page.py" line="52"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/equipment_page.py" line="53"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/equipment_page.py" line="54"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/equipment_page.py" line="55"/>
        <location filename="../../desktop/ui/equipment/equipment_page.py" line="299"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/equipment_page.py" line="56"/>
        <source>Paste as new lines</source>
        <translation>粘贴为新行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/equipment_page.py" line="57"/>
        <location filename="../../desktop/ui/equipment/equipment_page.py" line="324"/>
        <source>Clear cells</source>
        <translation>清空单元格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/equipment_page.py" line="58"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/equipment_page.py" line="173"/>
        <source>Filter by name, model, supplier, invoice</source>
        <translation>按名称、型号、供应商、发票号筛选</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/equipment_page.py" line="174"/>
        <source>Filter lines</source>
        <translation>筛选设备行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/equipment_page.py" line="175"/>
        <source>Equipment lines</source>
        <translation>设备购置清单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/equipment_page.py" line="176"/>
        <source>Equipment names (kept in view)</source>
        <translation>设备名称（固定显示）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/equipment_page.py" line="251"/>
        <source>Duplicate lines</source>
        <translation>复制行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/equipment_page.py" line="270"/>
        <source>Move lines</source>
        <translation>移动行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/equipment_page.py" line="309"/>
        <source>{n} cells could not be read and were left empty:</source>
        <translation>有 {n} 个单元格无法识别，已留空：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/equipment_page.py" line="314"/>
        <source>… and {n} more</source>
        <translation>…… 另有 {n} 处</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/equipment_page.py" line="329"/>
        <source>Import equipment lines</source>
        <translation>导入设备清单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/equipment_page.py" line="330"/>
        <source>Ledgers and e-invoices (*.xlsx *.xlsm *.csv *.txt *.xml *.ofd *.pdf)</source>
        <translation>台账和电子发票 (*.xlsx *.xlsm *.csv *.txt *.xml *.ofd *.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/equipment_page.py" line="343"/>
        <source>Importing ledgers is not available in this build.</source>
        <translation>此版本暂不能导入台账。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/equipment_page.py" line="361"/>
        <source>Import lines</source>
        <translation>导入设备行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/equipment_page.py" line="412"/>
        <source>{n} lines</source>
        <translation>共 {n} 行</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <location filename="../../desktop/ui/application.py" line="112"/>
        <source>The details were written to {file}.</source>
        <translation>详细信息已写入 {file}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/application.py" line="114"/>
        <source>The details could not be written to the log.</source>
        <translation>详细信息未能写入日志。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/application.py" line="116"/>
        <source>Something unexpected went wrong, and what you were doing may not have finished. Your drafts are safe: every change is saved as you type.</source>
        <translation>程序出现意外错误，刚才的操作可能没有完成。草稿不受影响：每处修改都在输入时自动保存。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/application.py" line="124"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <location filename="../../desktop/ui/export/export_page.py" line="46"/>
        <source>Refresh preview</source>
        <translation>刷新预览</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export/export_page.py" line="47"/>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export/export_page.py" line="47"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export/export_page.py" line="48"/>
        <source>Save self-check report…</source>
        <translation>保存自查报告…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export/export_page.py" line="49"/>
        <source>Save submission package…</source>
        <translation>保存申报材料包…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export/export_page.py" line="123"/>
        <source>Preview of the application</source>
        <translation>申报书预览</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export/export_page.py" line="148"/>
        <source>Draft copy: {errors} errors remain, so every page is watermarked 草稿 / DRAFT. Fix them on the Review step for the copy to submit.</source>
        <translation>草稿副本：仍有 {errors} 个错误，每页均带“草稿”水印。请在“检查”步骤中修改后再导出正式文本。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export/export_page.py" line="152"/>
        <source>Ready: this is the copy to sign and submit.</source>
        <translation>可以提交：这是用于签章和提交的正式文本。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export/export_page.py" line="165"/>
        <source> Rendering the preview…</source>
        <translation>正在生成预览……</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export/export_page.py" line="211"/>
        <source>Could not finish: {error}</source>
        <translation>未能完成：{error}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export/export_page.py" line="216"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export/export_page.py" line="219"/>
        <source>Cancelled; nothing was written.</source>
        <translation>已取消，未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export/export_page.py" line="223"/>
        <location filename="../../desktop/ui/export/export_page.py" line="308"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export/export_page.py" line="238"/>
        <source>Saving the PDF…</source>
        <translation>正在保存 PDF……</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export/export_page.py" line="252"/>
        <source>Saving the self-check report…</source>
        <translation>正在保存自查报告…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export/export_page.py" line="275"/>
        <source>Building the submission package…</source>
        <translation>正在生成申报材料包……</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export/export_page.py" line="283"/>
        <source>Preparing the pages to print…</source>
        <translation>正在准备打印的页面…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export/export_page.py" line="303"/>
        <location filename="../../desktop/ui/export/export_page.py" line="330"/>
        <source>Sent to the printer.</source>
        <translation>已发送到打印机。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export/export_page.py" line="307"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export/export_page.py" line="328"/>
        <source>Printing cancelled.</source>
        <translation>已取消打印。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export/export_page.py" line="342"/>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export/export_page.py" line="343"/>
        <source>Save self-check report</source>
        <translation>保存自查报告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export/export_page.py" line="344"/>
        <source>Save submission package</source>
        <translation>保存申报材料包</translation>
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <location filename="../../desktop/ui/wizard/form_page.py" line="224"/>
        <source>As filled in, this draft cannot qualify for the subsidy:</source>
        <translation>按目前填写的内容，不能申报本项补助：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/form_page.py" line="229"/>
        <source>Clause: {clause}</source>
        <translation>依据：{clause}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/form_page.py" line="234"/>
        <source>, </source>
        <comment>between field names</comment>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/form_page.py" line="236"/>
        <source>Still to answer here: {fields}. The note under each field says what it needs.</source>
        <translation>本页还需回答：{fields}。每项下方的提示说明需要填写什么。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/form_page.py" line="241"/>
        <source>Nothing here rules the application out.</source>
        <translation>以上条件不妨碍申报。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop/ui/importing/import_models.py" line="14"/>
        <source>Equipment name</source>
        <translation>设备名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_models.py" line="15"/>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_models.py" line="16"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_models.py" line="16"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_models.py" line="17"/>
        <source>Use</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_models.py" line="17"/>
        <source>Condition</source>
        <translation>新旧</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_models.py" line="18"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_models.py" line="19"/>
        <source>Unit price excl. VAT</source>
        <translation>不含税单价</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_models.py" line="20"/>
        <source>Amount excl. VAT</source>
        <translation>不含税金额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_models.py" line="21"/>
        <source>Tax rate</source>
        <translation>税率</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_models.py" line="22"/>
        <source>Unit price incl. VAT</source>
        <translation>含税单价</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_models.py" line="23"/>
        <source>Total incl. VAT</source>
        <translation>含税金额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_models.py" line="24"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_models.py" line="25"/>
        <source>Exchange rate</source>
        <translation>汇率</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_models.py" line="26"/>
        <source>Purchase date</source>
        <translation>购置日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_models.py" line="27"/>
        <source>Invoice number</source>
        <translation>发票号码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_models.py" line="28"/>
        <source>Amount in CNY</source>
        <translation>人民币金额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_models.py" line="29"/>
        <source>Invoice code</source>
        <translation>发票代码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_models.py" line="30"/>
        <source>Paper invoice number</source>
        <translation>发票号码（纸票）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_models.py" line="31"/>
        <source>Invoice status</source>
        <translation>发票状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_models.py" line="32"/>
        <source>Positive invoice</source>
        <translation>是否正数发票</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_models.py" line="33"/>
        <source>Asset code</source>
        <translation>资产编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_models.py" line="34"/>
        <source>Buyer</source>
        <translation>购买方名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_models.py" line="35"/>
        <source>Buyer&apos;s tax id</source>
        <translation>购买方识别号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_models.py" line="78"/>
        <location filename="../../desktop/ui/importing/import_models.py" line="107"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_models.py" line="108"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_models.py" line="109"/>
        <source>Found</source>
        <translation>读到的内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_models.py" line="110"/>
        <source>Expected</source>
        <translation>应为</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_dialog.py" line="84"/>
        <source>Import equipment lines</source>
        <translation>导入设备清单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_dialog.py" line="85"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_dialog.py" line="86"/>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_dialog.py" line="87"/>
        <source>One line per group of identical asset cards</source>
        <translation>相同的资产卡片合并为一条</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_dialog.py" line="88"/>
        <source>Also import rows that look like services</source>
        <translation>也导入服务类行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_dialog.py" line="89"/>
        <source>Dates such as 03.11.2025:</source>
        <translation>03.11.2025 这类日期：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_dialog.py" line="90"/>
        <source>as the column shows</source>
        <translation>按本列判断</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_dialog.py" line="90"/>
        <source>day first</source>
        <translation>日在前</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_dialog.py" line="91"/>
        <source>month first</source>
        <translation>月在前</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_dialog.py" line="101"/>
        <location filename="../../desktop/ui/importing/import_dialog.py" line="288"/>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_dialog.py" line="105"/>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/importing/import_dialog.py" line="106"/>
        <location filename="../../desktop/ui/importing/import_dialog.py" line="325"/>
        <source>Import %n good rows</source>
        <translation>
            <numerusform>导入 %n 行有效数据</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_dialog.py" line="215"/>
        <source>This file cannot be imported: {reason}</source>
        <translation>此文件无法导入：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_dialog.py" line="218"/>
        <source>Reading the file failed: {error}</source>
        <translation>读取文件失败：{error}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_dialog.py" line="332"/>
        <source>{file}: header on row {row}.</source>
        <translation>{file}：表头在第 {row} 行。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_dialog.py" line="334"/>
        <source>%n line(s) to add</source>
        <translation>将添加 %n 行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_dialog.py" line="335"/>
        <source>%n row(s) with problems (not imported)</source>
        <translation>%n 行有问题（不导入）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_dialog.py" line="336"/>
        <source>the draft has %n line(s) now.</source>
        <translation>草稿现有 %n 行。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_dialog.py" line="337"/>
        <source>{first} {second}</source>
        <comment>one sentence after another</comment>
        <translation>{first}{second}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_dialog.py" line="338"/>
        <source>; </source>
        <comment>between the counts</comment>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_dialog.py" line="340"/>
        <source>, </source>
        <comment>between field names</comment>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_dialog.py" line="342"/>
        <source>No column is mapped to: {fields}. Choose one below.</source>
        <translation>以下字段没有对应的列：{fields}。请在下方选择。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_dialog.py" line="345"/>
        <source>Rows left out, each with its reason:</source>
        <translation>未导入的行及原因：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/importing/import_dialog.py" line="346"/>
        <source>row {row}: {reason}</source>
        <translation>第 {row} 行：{reason}</translation>
    </message>
</context>
<context>
    <name>LockedBanner</name>
    <message>
        <location filename="../../desktop/ui/common/conflict.py" line="106"/>
        <source>Reopen to edit</source>
        <translation>重新打开以编辑</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/conflict.py" line="117"/>
        <source>{state} on {date} by {who} — read only; reopen to edit (the reopening is recorded)</source>
        <translation>已于 {date} 由 {who} 标记为「{state}」——只读；如需修改请重新打开（重新打开会被记录）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/conflict.py" line="119"/>
        <source>{state} on {date} — read only; reopen to edit (the reopening is recorded)</source>
        <translation>已于 {date} 标记为「{state}」——只读；如需修改请重新打开（重新打开会被记录）</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../../desktop/ui/menus.py" line="43"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/menus.py" line="64"/>
        <source>The data folder {folder} could not be opened.</source>
        <translation>无法打开数据文件夹 {folder}。</translation>
    </message>
</context>
<context>
    <name>NoticeChooser</name>
    <message>
        <location filename="../../desktop/ui/clients/notice_dialog.py" line="205"/>
        <location filename="../../desktop/ui/clients/notice_dialog.py" line="273"/>
        <location filename="../../desktop/ui/clients/notice_dialog.py" line="276"/>
        <source>Application notice</source>
        <translation>申报通知</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/notice_dialog.py" line="210"/>
        <source>New notice…</source>
        <translation>新建通知…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/notice_dialog.py" line="232"/>
        <source>No notice (policy period, our reading)</source>
        <translation>不选通知（按政策有效期，本程序的理解）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/notice_dialog.py" line="245"/>
        <source>Without a notice, invoice and payment dates are read against the policy period (basis: practice, our reading). A notice sets its own windows, deadlines and papers.</source>
        <translation>不选申报通知时，开票和付款日期按政策有效期认定（依据：通行做法，为本程序的理解）。申报通知另行规定其期间、截止日期和材料。</translation>
    </message>
</context>
<context>
    <name>NoticeEditor</name>
    <message>
        <location filename="../../desktop/ui/clients/notice_dialog.py" line="50"/>
        <source>New application notice</source>
        <translation>新建申报通知</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/notice_dialog.py" line="72"/>
        <location filename="../../desktop/ui/clients/notice_dialog.py" line="146"/>
        <source>Number (文号)</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/notice_dialog.py" line="73"/>
        <location filename="../../desktop/ui/clients/notice_dialog.py" line="147"/>
        <source>Id (file name)</source>
        <translation>标识（文件名）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/notice_dialog.py" line="74"/>
        <location filename="../../desktop/ui/clients/notice_dialog.py" line="148"/>
        <source>Title (Chinese)</source>
        <translation>标题（中文）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/notice_dialog.py" line="75"/>
        <location filename="../../desktop/ui/clients/notice_dialog.py" line="149"/>
        <source>Title (English)</source>
        <translation>标题（英文）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/notice_dialog.py" line="76"/>
        <location filename="../../desktop/ui/clients/notice_dialog.py" line="150"/>
        <source>Issuing office (Chinese)</source>
        <translation>发文单位（中文）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/notice_dialog.py" line="77"/>
        <location filename="../../desktop/ui/clients/notice_dialog.py" line="151"/>
        <source>Issuing office (English)</source>
        <translation>发文单位（英文）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/notice_dialog.py" line="78"/>
        <source>Rule pack</source>
        <translation>规则包</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/notice_dialog.py" line="79"/>
        <source>Track</source>
        <translation>项目类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/notice_dialog.py" line="80"/>
        <source>Basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/notice_dialog.py" line="81"/>
        <source>Where it was published</source>
        <translation>发布出处</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/notice_dialog.py" line="84"/>
        <source>Invoice dates</source>
        <translation>开票日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/notice_dialog.py" line="85"/>
        <source>Payment dates</source>
        <translation>付款日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/notice_dialog.py" line="86"/>
        <source>Project start</source>
        <translation>项目开始</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/notice_dialog.py" line="87"/>
        <source>Project finish</source>
        <translation>项目完成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/notice_dialog.py" line="102"/>
        <source>e.g. 网上填报截止</source>
        <translation>如：网上填报截止</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/notice_dialog.py" line="106"/>
        <location filename="../../desktop/ui/clients/notice_dialog.py" line="177"/>
        <source>Deadline (optional)</source>
        <translation>截止日期（可不填）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/notice_dialog.py" line="137"/>
        <source>{what}: write a date as YYYY-MM-DD, e.g. 2025-07-31</source>
        <translation>{what}：请按 YYYY-MM-DD 填写日期，如 2025-07-31</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/notice_dialog.py" line="155"/>
        <source>Fill in the {what}.</source>
        <translation>请填写{what}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/clients/notice_dialog.py" line="189"/>
        <source>the notice entered</source>
        <translation>所填申报通知</translation>
    </message>
</context>
<context>
    <name>PasteMapping</name>
    <message>
        <location filename="../../desktop/ui/equipment/paste_mapping.py" line="27"/>
        <source>Paste: which column goes where</source>
        <translation>粘贴：各列对应哪一栏</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/paste_mapping.py" line="29"/>
        <source>The first row of the pasted block names its columns. Check where each column goes; columns set to “not pasted” are left out.</source>
        <translation>粘贴内容的第一行是列名。请核对每一列对应表格的哪一栏；设为“不粘贴”的列将被略过。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/paste_mapping.py" line="44"/>
        <source>(not pasted)</source>
        <translation>（不粘贴）</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../desktop/ui/common/qt_texts.py" line="13"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/qt_texts.py" line="14"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <location filename="../../desktop/ui/common/qt_texts.py" line="15"/>
        <source>Page &amp;Set:</source>
        <translation>页面集(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_review.py" line="26"/>
        <source>Mark for re&amp;view</source>
        <translation>标记为待审核(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_review.py" line="27"/>
        <source>A&amp;pprove for submission</source>
        <translation>批准提交(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_review.py" line="28"/>
        <source>Clear the review mark</source>
        <translation>清除审核标记</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_review.py" line="47"/>
        <source>Marked for review by {who}.</source>
        <translation>已由 {who} 标记为待审核。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_review.py" line="48"/>
        <source>Approved for submission by {who}.</source>
        <translation>已由 {who} 批准提交。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/drafts_review.py" line="49"/>
        <source>Review mark cleared by {who}.</source>
        <translation>审核标记已由 {who} 清除。</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../desktop/ui/review/review_models.py" line="16"/>
        <source>Errors — must be fixed before applying</source>
        <translation>错误（须修改后才能申报）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_models.py" line="17"/>
        <source>Warnings — check these</source>
        <translation>警告（请核实）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_models.py" line="18"/>
        <source>Notes</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_models.py" line="19"/>
        <source>Basis: stated in the news report</source>
        <translation>依据性质：原文报道</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_models.py" line="20"/>
        <source>Basis: stated in reprints of the official text</source>
        <translation>依据性质：转载文本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_models.py" line="21"/>
        <source>Basis: our reading of common practice</source>
        <translation>依据性质：通行做法</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_models.py" line="26"/>
        <source>Basis: {basis}</source>
        <translation>依据性质：{basis}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_models.py" line="37"/>
        <source>Finding</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_models.py" line="37"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_models.py" line="38"/>
        <source>Clause</source>
        <translation>条款</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_models.py" line="78"/>
        <source> (line {n})</source>
        <translation>（第 {n} 行）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_models.py" line="85"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_models.py" line="85"/>
        <source>Equipment</source>
        <translation>设备名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_models.py" line="86"/>
        <source>Amount (CNY)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_models.py" line="86"/>
        <source>Counts</source>
        <translation>是否计入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_models.py" line="132"/>
        <source>counts</source>
        <translation>计入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="90"/>
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="91"/>
        <source>Subsidy computation</source>
        <translation>补助计算</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="92"/>
        <source>Review status</source>
        <translation>检查状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="124"/>
        <source>Select a finding to see its clause; press Enter to go to the value.</source>
        <translation>选择一条检查结果查看条款；按回车键跳到需要修改的地方。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="130"/>
        <source>Ready to export: nothing blocks the application.</source>
        <translation>可以导出：没有阻止申报的问题。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="132"/>
        <source> {warnings} warnings are worth a look.</source>
        <translation>另有 {warnings} 条警告值得核实。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="135"/>
        <source>{errors} errors block the application; {warnings} warnings.</source>
        <translation>有 {errors} 个错误阻止申报；{warnings} 条警告。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="145"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="147"/>
        <source>Declared (all lines)</source>
        <translation>申报设备总额（全部行）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="148"/>
        <source>Eligible (lines that count)</source>
        <translation>计入基数（计入的行）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="149"/>
        <source>× {rate}, rounded down to the fen</source>
        <translation>× {rate}，舍去分以下</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="151"/>
        <source>Cap</source>
        <translation>上限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="152"/>
        <source>Maximum subsidy = the smaller of the two</source>
        <translation>最高可申请补助 = 两者取小</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="153"/>
        <source>Requested</source>
        <translation>申请补助金额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="155"/>
        <source>{label}: {value}</source>
        <comment>a line of the computation</comment>
        <translation>{label}：{value}</translation>
    </message>
</context>
<context>
    <name>RevisionsPanel</name>
    <message>
        <location filename="../../desktop/ui/drafts/revisions_panel.py" line="83"/>
        <source>Revisions</source>
        <translation>修订版本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/revisions_panel.py" line="84"/>
        <source>Revisions are kept when you save one (Ctrl+S), export, import or restore. Choose one to see what differs from the draft now; restoring keeps the draft as it is as a revision first.</source>
        <translation>保存修订版本（Ctrl+S）、导出、导入或恢复时都会保留一个修订版本。选择一个版本可查看它与当前草稿的不同之处；恢复前，当前草稿会先保留为一个修订版本。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/revisions_panel.py" line="87"/>
        <source>&amp;Restore this revision</source>
        <translation>恢复此版本(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/revisions_panel.py" line="88"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/revisions_panel.py" line="89"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/revisions_panel.py" line="90"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/revisions_panel.py" line="91"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/revisions_panel.py" line="92"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/revisions_panel.py" line="93"/>
        <source>In the revision</source>
        <translation>修订版本中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/revisions_panel.py" line="94"/>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/revisions_panel.py" line="101"/>
        <source>saved by you</source>
        <translation>手动保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/revisions_panel.py" line="102"/>
        <source>exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/revisions_panel.py" line="103"/>
        <source>imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/revisions_panel.py" line="104"/>
        <source>before a restore</source>
        <translation>恢复之前</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/revisions_panel.py" line="105"/>
        <source>marked for review</source>
        <translation>标记为待审核</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/revisions_panel.py" line="106"/>
        <source>approved for submission</source>
        <translation>已批准提交</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/revisions_panel.py" line="107"/>
        <source>review mark cleared</source>
        <translation>清除审核标记</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/revisions_panel.py" line="128"/>
        <source>Line {n}</source>
        <translation>第 {n} 行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/revisions_panel.py" line="130"/>
        <source>Attachment {n}</source>
        <translation>附件 {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/revisions_panel.py" line="183"/>
        <source>No revision kept yet: Ctrl+S keeps one.</source>
        <translation>还没有修订版本：按 Ctrl+S 保存一个。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/revisions_panel.py" line="193"/>
        <source>{n} fields differ from the draft now.</source>
        <translation>有 {n} 个字段与当前草稿不同。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/revisions_panel.py" line="194"/>
        <source>This revision is the same as the draft now.</source>
        <translation>此版本与当前草稿相同。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/revisions_panel.py" line="211"/>
        <source>Not restored: this window&apos;s edits are not saved yet. Resolve the conflict or the save problem first.</source>
        <translation>未恢复：本窗口的修改尚未保存。请先解决冲突或保存问题。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/revisions_panel.py" line="220"/>
        <source>Not restored: the draft was changed elsewhere.</source>
        <translation>未恢复：草稿已在别处被修改。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/revisions_panel.py" line="226"/>
        <source>Restored the revision of {time}; the draft as it was is kept as a revision.</source>
        <translation>已恢复 {time} 的修订版本；恢复前的草稿已保留为一个修订版本。</translation>
    </message>
</context>
<context>
    <name>SummaryStrip</name>
    <message>
        <location filename="../../desktop/ui/wizard/summary_strip.py" line="56"/>
        <source>Eligible total: {amount} yuan</source>
        <translation>计入补助基数：{amount} 元</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/summary_strip.py" line="59"/>
        <source>Maximum subsidy: {amount} yuan</source>
        <translation>可申请上限：{amount} 元</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/summary_strip.py" line="62"/>
        <source>{errors} errors · {warnings} warnings</source>
        <translation>{errors} 个错误 · {warnings} 个警告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/summary_strip.py" line="77"/>
        <source>No notice: spending window {start} … {end} (policy period, our reading)</source>
        <translation>未选申报通知：支出期 {start} 至 {end}（政策有效期，本程序的理解）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/summary_strip.py" line="79"/>
        <source>Choose the application notice (File › Application notice) to check against its own windows and deadline</source>
        <translation>请选择申报通知（文件 › 申报通知），按其规定的期间和截止日期检查</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/summary_strip.py" line="85"/>
        <source>{notice}: deadline not stated</source>
        <translation>{notice}：未载明截止日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/summary_strip.py" line="91"/>
        <source>{label} {date}: passed {days} days ago</source>
        <translation>{label} {date}：已过 {days} 天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/summary_strip.py" line="95"/>
        <source>{label} {date}: {days} days left</source>
        <translation>{label} {date}：还剩 {days} 天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/summary_strip.py" line="103"/>
        <source>Show every finding on the review step</source>
        <translation>在“检查”步骤查看全部检查结果</translation>
    </message>
</context>
<context>
    <name>TableEditor</name>
    <message>
        <location filename="../../desktop/ui/wizard/table_editor.py" line="180"/>
        <source>Add row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/table_editor.py" line="181"/>
        <source>Remove row</source>
        <translation>删除一行</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <location filename="../../desktop/ui/drafts/team_dialog.py" line="99"/>
        <source>Connect to a team database</source>
        <translation>连接团队数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/team_dialog.py" line="100"/>
        <source>A PostgreSQL database shared by your team. Your drafts are then kept there; its backups are the server&apos;s.</source>
        <translation>团队共用的 PostgreSQL 数据库。连接后草稿保存在其中；其备份由服务器负责。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/team_dialog.py" line="104"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/team_dialog.py" line="104"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/team_dialog.py" line="105"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/team_dialog.py" line="105"/>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/team_dialog.py" line="106"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/team_dialog.py" line="106"/>
        <source>Your name (recorded as author)</source>
        <translation>您的姓名（记录为操作人）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/team_dialog.py" line="110"/>
        <source>Remember the password in the system keyring</source>
        <translation>在系统钥匙串中记住密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts/team_dialog.py" line="111"/>
        <source>No system keyring: the password is asked for each time</source>
        <translation>没有系统钥匙串：每次连接都需输入密码</translation>
    </message>
</context>
<context>
    <name>TotalsFooter</name>
    <message>
        <location filename="../../desktop/ui/equipment/totals_footer.py" line="12"/>
        <source>Declared</source>
        <translation>申报总额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/totals_footer.py" line="13"/>
        <source>Eligible</source>
        <translation>计入基数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/totals_footer.py" line="14"/>
        <source>{rate} of eligible</source>
        <translation>计入基数 × {rate}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/totals_footer.py" line="15"/>
        <source>Cap</source>
        <translation>上限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/totals_footer.py" line="16"/>
        <source>Maximum subsidy</source>
        <translation>最高可申请补助</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/totals_footer.py" line="63"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/equipment/totals_footer.py" line="64"/>
        <source>{amount}</source>
        <comment>an amount in yuan</comment>
        <translation>{amount} 元</translation>
    </message>
</context>
<context>
    <name>UnsavedDialog</name>
    <message>
        <location filename="../../desktop/ui/common/unsaved.py" line="84"/>
        <source>Edits not saved</source>
        <translation>修改尚未保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/unsaved.py" line="85"/>
        <source>Your latest edits are not in the database: {reason} Keep them before the window closes: in the database (as a new draft when this one cannot take them), or as a draft file you can import later.</source>
        <translation>最近的修改还没有存入数据库：{reason} 请在关闭窗口前保留它们：存入数据库（此草稿无法保存时另存为新草稿），或存为以后可以导入的草稿文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/unsaved.py" line="90"/>
        <source>Keep in the database</source>
        <translation>保存到数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/unsaved.py" line="91"/>
        <source>Save as a draft file…</source>
        <translation>另存为草稿文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/unsaved.py" line="92"/>
        <source>Discard my edits…</source>
        <translation>放弃我的修改…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/unsaved.py" line="93"/>
        <source>Back to the draft</source>
        <translation>返回草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/unsaved.py" line="120"/>
        <source>the draft was deleted elsewhere while you were editing it.</source>
        <translation>在您编辑期间，此草稿已在别处被删除。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/unsaved.py" line="122"/>
        <source>the draft was changed elsewhere while you were editing it.</source>
        <translation>在您编辑期间，此草稿已在别处被修改。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/unsaved.py" line="125"/>
        <source>they could not be saved.</source>
        <translation>修改无法保存。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/unsaved.py" line="164"/>
        <source>The copy could not be saved either: {problem}</source>
        <translation>副本也无法保存：{problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/unsaved.py" line="175"/>
        <source>Save the edits as a draft file</source>
        <translation>将修改另存为草稿文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/unsaved.py" line="177"/>
        <source>Draft files (*.json)</source>
        <translation>草稿文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/unsaved.py" line="186"/>
        <source>The draft file could not be written to {path}: {problem}</source>
        <translation>草稿文件未能写入 {path}：{problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/unsaved.py" line="194"/>
        <source>Discard your edits?</source>
        <translation>放弃您的修改？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/unsaved.py" line="195"/>
        <source>Your edits since the last save are in no database and no file. Discarded, they cannot be brought back.</source>
        <translation>上次保存之后的修改既不在数据库中，也不在任何文件中。放弃后将无法恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/unsaved.py" line="200"/>
        <source>Discard for ever</source>
        <translation>永久放弃</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/unsaved.py" line="202"/>
        <source>Keep them</source>
        <translation>保留修改</translation>
    </message>
</context>
<context>
    <name>WizardMenus</name>
    <message>
        <location filename="../../desktop/ui/wizard/wizard_menus.py" line="88"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard_menus.py" line="89"/>
        <source>&amp;New draft</source>
        <translation>新建草稿(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard_menus.py" line="90"/>
        <source>&amp;Open drafts…</source>
        <translation>打开草稿列表(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard_menus.py" line="91"/>
        <source>&amp;Save a named revision…</source>
        <translation>保存命名版本(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard_menus.py" line="92"/>
        <source>Re&amp;visions…</source>
        <translation>修订版本(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard_menus.py" line="95"/>
        <source>&amp;Export PDF…</source>
        <translation>导出 PDF(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard_menus.py" line="96"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard_menus.py" line="97"/>
        <source>Export draft &amp;file (JSON)…</source>
        <translation>导出草稿文件（JSON）(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard_menus.py" line="98"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard_menus.py" line="99"/>
        <source>Application &amp;notice…</source>
        <translation>申报通知(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard_menus.py" line="100"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard_menus.py" line="101"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard_menus.py" line="101"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard_menus.py" line="102"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard_menus.py" line="103"/>
        <source>&amp;Back</source>
        <translation>上一步(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard_menus.py" line="104"/>
        <source>&amp;Next</source>
        <translation>下一步(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard_menus.py" line="108"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard_menus.py" line="109"/>
        <source>Help for this &amp;field</source>
        <translation>本项填写说明(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard_menus.py" line="110"/>
        <source>&amp;About…</source>
        <translation>关于(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard_menus.py" line="126"/>
        <source>Save a named revision</source>
        <translation>保存命名版本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard_menus.py" line="127"/>
        <source>Name of this revision:</source>
        <translation>版本名称：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard_menus.py" line="138"/>
        <source>No revision saved: this window&apos;s edits are not saved yet. Resolve the conflict or the save problem first.</source>
        <translation>未保存修订版本：本窗口的修改尚未保存。请先处理冲突或保存问题。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard_menus.py" line="149"/>
        <source>Revision saved: {label}</source>
        <translation>已保存版本：{label}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard_menus.py" line="169"/>
        <source>Export draft file</source>
        <translation>导出草稿文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard_menus.py" line="170"/>
        <source>Draft files (*.json)</source>
        <translation>草稿文件 (*.json)</translation>
    </message>
</context>
<context>
    <name>WizardWindow</name>
    <message>
        <location filename="../../desktop/ui/wizard/wizard.py" line="239"/>
        <source>complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard.py" line="240"/>
        <source>has warnings</source>
        <translation>有警告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard.py" line="241"/>
        <source>has errors</source>
        <translation>有错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard.py" line="252"/>
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard.py" line="253"/>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard.py" line="254"/>
        <source>Previous step</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard.py" line="255"/>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard.py" line="256"/>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard.py" line="270"/>
        <source>Untitled draft</source>
        <translation>未命名草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard.py" line="271"/>
        <source>{title} — Grant assistant</source>
        <translation>{title} — 研发设备补助申报助手</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard.py" line="276"/>
        <source>Saved at {time}</source>
        <translation>已于 {time} 保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard.py" line="281"/>
        <source>Not saved yet (kept in this window)</source>
        <translation>尚未保存（修改保留在此窗口中）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard.py" line="291"/>
        <source>Deleted elsewhere: keep your version as a copy</source>
        <translation>已在别处删除：请把您的版本保存为副本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard.py" line="293"/>
        <source>Changed elsewhere: choose what to keep</source>
        <translation>草稿已在别处被修改：请选择保留哪个版本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard.py" line="314"/>
        <source>Read only: submitted</source>
        <translation>只读：已提交</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard.py" line="334"/>
        <source>Reloaded the stored version</source>
        <translation>已重新载入已保存的版本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard/wizard.py" line="346"/>
        <source>Your version was saved as a new draft</source>
        <translation>您的版本已另存为新草稿</translation>
    </message>
</context>
</TS>
