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
    <name>ComingStep</name>
    <message>
        <location filename="../../desktop/ui/step_protocol.py" line="85"/>
        <source>This step could not be loaded: {problem}</source>
        <translation>此步骤无法加载：{problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/step_protocol.py" line="88"/>
        <source>This step arrives with the equipment issue. Your draft keeps its equipment lines and attachments meanwhile, and the summary above already counts them.</source>
        <translation>此步骤将随设备清单功能一同提供。在此之前，草稿中的设备和附件都会保留，上方的汇总已经计入。</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../desktop/ui/conflict.py" line="34"/>
        <source>The draft was changed elsewhere</source>
        <translation>草稿已在别处被修改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict.py" line="36"/>
        <source>This draft was changed in another window or on another computer since you opened it. Nothing has been overwritten. Keep your version as a new draft, or reload the stored version (your edits since the last save are then discarded).</source>
        <translation>打开本草稿之后，它在另一个窗口或另一台电脑上被修改过。目前没有任何内容被覆盖。您可以把自己的版本另存为新草稿，或重新载入已保存的版本（上次保存之后您所做的修改将被放弃）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict.py" line="40"/>
        <source>Keep mine as a copy</source>
        <translation>将我的版本另存为副本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict.py" line="41"/>
        <source>Reload theirs</source>
        <translation>载入对方的版本</translation>
    </message>
</context>
<context>
    <name>DraftsActions</name>
    <message>
        <location filename="../../desktop/ui/drafts_actions.py" line="30"/>
        <source>“{title}” moved to the trash.</source>
        <translation>“{title}”已移到回收站。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_actions.py" line="86"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_actions.py" line="87"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_actions.py" line="88"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_actions.py" line="89"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_actions.py" line="90"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_actions.py" line="91"/>
        <source>D&amp;uplicate</source>
        <translation>复制(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_actions.py" line="92"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_actions.py" line="93"/>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_actions.py" line="94"/>
        <source>Delete for&amp;ever</source>
        <translation>永久删除(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_actions.py" line="95"/>
        <source>&amp;Import draft file…</source>
        <translation>导入草稿文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_actions.py" line="96"/>
        <source>&amp;Export draft file…</source>
        <translation>导出草稿文件(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_actions.py" line="97"/>
        <source>Open the &amp;demo draft</source>
        <translation>打开演示草稿(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_actions.py" line="98"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_actions.py" line="99"/>
        <source>&amp;Trash</source>
        <translation>回收站(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_actions.py" line="100"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_actions.py" line="101"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_actions.py" line="102"/>
        <source>&amp;About…</source>
        <translation>关于(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_actions.py" line="127"/>
        <source>Untitled draft</source>
        <translation>未命名草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_actions.py" line="153"/>
        <source>Delete for ever</source>
        <translation>永久删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_actions.py" line="154"/>
        <source>Delete “{title}” for ever? This cannot be undone.</source>
        <translation>永久删除“{title}”？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_actions.py" line="162"/>
        <source>Import a draft file</source>
        <translation>导入草稿文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_actions.py" line="163"/>
        <location filename="../../desktop/ui/drafts_actions.py" line="187"/>
        <source>Draft files (*.json)</source>
        <translation>草稿文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_actions.py" line="172"/>
        <source>Cannot import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_actions.py" line="186"/>
        <source>Export the draft file</source>
        <translation>导出草稿文件</translation>
    </message>
</context>
<context>
    <name>DraftsModel</name>
    <message>
        <location filename="../../desktop/ui/drafts_model.py" line="50"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_model.py" line="51"/>
        <source>Applicant</source>
        <translation>申报单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_model.py" line="52"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_model.py" line="53"/>
        <source>Maximum subsidy (yuan)</source>
        <translation>可申请上限（元）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_model.py" line="54"/>
        <source>Requested (yuan)</source>
        <translation>申请金额（元）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_model.py" line="55"/>
        <source>Last change</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_model.py" line="60"/>
        <source>not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_model.py" line="62"/>
        <source>{n} errors</source>
        <translation>{n} 个错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_model.py" line="63"/>
        <source>ready</source>
        <translation>可以申报</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_model.py" line="72"/>
        <source>Untitled draft</source>
        <translation>未命名草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_model.py" line="88"/>
        <source>{errors} errors, {warnings} warnings</source>
        <translation>{errors} 个错误，{warnings} 个警告</translation>
    </message>
</context>
<context>
    <name>DraftsWindow</name>
    <message>
        <location filename="../../desktop/ui/drafts_window.py" line="126"/>
        <source>Grant assistant — drafts</source>
        <translation>研发设备补助申报助手 — 草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_window.py" line="128"/>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_window.py" line="128"/>
        <location filename="../../desktop/ui/drafts_window.py" line="132"/>
        <source>Drafts</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_window.py" line="130"/>
        <source>Search title or applicant</source>
        <translation>搜索标题或申报单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_window.py" line="131"/>
        <source>Search drafts</source>
        <translation>搜索草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_window.py" line="133"/>
        <source>No drafts yet. Open the demo draft to see a complete application, or start a new one.</source>
        <translation>还没有草稿。可以先打开演示草稿看看一份完整的申报，或新建一份。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_window.py" line="136"/>
        <source>The trash is empty.</source>
        <translation>回收站是空的。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_window.py" line="137"/>
        <source>Open the demo draft</source>
        <translation>打开演示草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_window.py" line="138"/>
        <source>New draft</source>
        <translation>新建草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/drafts_window.py" line="139"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
</context>
<context>
    <name>Editors</name>
    <message>
        <location filename="../../desktop/ui/editors.py" line="182"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors.py" line="259"/>
        <source>year-month-day</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors.py" line="286"/>
        <source>Pick a date</source>
        <translation>选择日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors.py" line="332"/>
        <source>not allowed: {chars}</source>
        <translation>不允许的字符：{chars}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors.py" line="334"/>
        <source>check character should be {char}</source>
        <translation>校验码应为 {char}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors.py" line="336"/>
        <source>checksum correct</source>
        <translation>校验码正确</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors.py" line="371"/>
        <source>yuan</source>
        <translation>元</translation>
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <location filename="../../desktop/ui/form_page.py" line="164"/>
        <source>As filled in, this draft cannot qualify for the subsidy:</source>
        <translation>按目前填写的内容，不能申报本项补助：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_page.py" line="169"/>
        <source>Clause: {clause}</source>
        <translation>依据：{clause}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form_page.py" line="174"/>
        <source>Nothing here rules the application out.</source>
        <translation>以上条件不妨碍申报。</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../../desktop/ui/menus.py" line="32"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>SummaryStrip</name>
    <message>
        <location filename="../../desktop/ui/summary_strip.py" line="43"/>
        <source>Eligible total: {amount} yuan</source>
        <translation>计入补助基数：{amount} 元</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/summary_strip.py" line="46"/>
        <source>Maximum subsidy: {amount} yuan</source>
        <translation>可申请上限：{amount} 元</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/summary_strip.py" line="49"/>
        <source>{errors} errors · {warnings} warnings</source>
        <translation>{errors} 个错误 · {warnings} 个警告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/summary_strip.py" line="58"/>
        <source>Show every finding on the review step</source>
        <translation>在“检查”步骤查看全部检查结果</translation>
    </message>
</context>
<context>
    <name>WizardMenus</name>
    <message>
        <location filename="../../desktop/ui/wizard_menus.py" line="80"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard_menus.py" line="81"/>
        <source>&amp;New draft</source>
        <translation>新建草稿(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard_menus.py" line="82"/>
        <source>&amp;Open drafts…</source>
        <translation>打开草稿列表(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard_menus.py" line="83"/>
        <source>&amp;Save a named revision…</source>
        <translation>保存命名版本(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard_menus.py" line="84"/>
        <source>&amp;Export PDF…</source>
        <translation>导出 PDF(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard_menus.py" line="85"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard_menus.py" line="86"/>
        <source>Export draft &amp;file (JSON)…</source>
        <translation>导出草稿文件（JSON）(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard_menus.py" line="87"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard_menus.py" line="88"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard_menus.py" line="89"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard_menus.py" line="90"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard_menus.py" line="91"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard_menus.py" line="92"/>
        <source>&amp;Back</source>
        <translation>上一步(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard_menus.py" line="93"/>
        <source>&amp;Next</source>
        <translation>下一步(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard_menus.py" line="97"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard_menus.py" line="98"/>
        <source>Help for this &amp;field</source>
        <translation>本项填写说明(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard_menus.py" line="99"/>
        <source>&amp;About…</source>
        <translation>关于(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard_menus.py" line="112"/>
        <source>Save a named revision</source>
        <translation>保存命名版本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard_menus.py" line="113"/>
        <source>Name of this revision:</source>
        <translation>版本名称：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard_menus.py" line="124"/>
        <source>Revision saved: {label}</source>
        <translation>已保存版本：{label}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard_menus.py" line="130"/>
        <source>Export draft file</source>
        <translation>导出草稿文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard_menus.py" line="130"/>
        <source>Draft files (*.json)</source>
        <translation>草稿文件 (*.json)</translation>
    </message>
</context>
<context>
    <name>WizardWindow</name>
    <message>
        <location filename="../../desktop/ui/wizard.py" line="178"/>
        <source>complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard.py" line="179"/>
        <source>has warnings</source>
        <translation>有警告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard.py" line="180"/>
        <source>has errors</source>
        <translation>有错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard.py" line="191"/>
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard.py" line="192"/>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard.py" line="193"/>
        <source>Previous step</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard.py" line="194"/>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard.py" line="195"/>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard.py" line="204"/>
        <source>Untitled draft</source>
        <translation>未命名草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard.py" line="205"/>
        <source>{title} — Grant assistant</source>
        <translation>{title} — 研发设备补助申报助手</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard.py" line="210"/>
        <source>Saved at {time}</source>
        <translation>已于 {time} 保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard.py" line="213"/>
        <source>Not saved yet: {problem}</source>
        <translation>尚未保存：{problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard.py" line="220"/>
        <source>Changed elsewhere: choose what to keep</source>
        <translation>草稿已在别处被修改：请选择保留哪个版本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard.py" line="227"/>
        <source>Reloaded the stored version</source>
        <translation>已重新载入已保存的版本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wizard.py" line="232"/>
        <source>Your version was saved as a new draft</source>
        <translation>您的版本已另存为新草稿</translation>
    </message>
</context>
</TS>
