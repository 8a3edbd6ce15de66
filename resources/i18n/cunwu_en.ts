<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
  <context>
    <name>AboutPage</name>
    <message>
      <location filename="../../desktop/pages/about_page.py" line="+78" />
      <source>本单位</source>
      <translation>This unit</translation>
    </message>
    <message>
      <location line="+2" />
      <source>模式</source>
      <translation>Mode</translation>
    </message>
    <message>
      <location line="+1" />
      <source>名称</source>
      <translation>Name</translation>
    </message>
    <message>
      <location line="+1" />
      <source>统计用区划代码</source>
      <translation>Statistical division code</translation>
    </message>
    <message>
      <location line="+1" />
      <source>所属乡镇（街道）</source>
      <translation>Township (subdistrict)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>操作员</source>
      <translation>Operator</translation>
    </message>
    <message>
      <location line="+1" />
      <source>当前操作人</source>
      <translation>Acting user</translation>
    </message>
    <message>
      <location line="+1" />
      <source>初始目录模板</source>
      <translation>Initial catalog template</translation>
    </message>
    <message>
      <location line="+5" />
      <source>目录的会商与认可（部门梳理、乡镇会商、村级认可）</source>
      <translation>Catalog consultation and adoption (departments list, township consults, village adopts)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>已会商</source>
      <translation>Consulted</translation>
    </message>
    <message>
      <location line="+1" />
      <source>已认可</source>
      <translation>Adopted</translation>
    </message>
    <message>
      <location line="+2" />
      <source>如：村民代表会议</source>
      <translation>e.g. villager representatives meeting</translation>
    </message>
    <message>
      <location line="+1" />
      <source>保存会商与认可</source>
      <translation>Save consultation and adoption</translation>
    </message>
    <message>
      <location line="+2" />
      <source>乡镇会商日期</source>
      <translation>Township consultation date</translation>
    </message>
    <message>
      <location line="+1" />
      <source>村级认可日期</source>
      <translation>Village adoption date</translation>
    </message>
    <message>
      <location line="+1" />
      <source>认可方式 / 认可人</source>
      <translation>Adopted by / how</translation>
    </message>
    <message>
      <location line="+4" />
      <source>界面</source>
      <translation>Interface</translation>
    </message>
    <message>
      <location line="+7" />
      <source>更改语言后，重新启动程序生效。</source>
      <translation>A language change takes effect after restarting the program.</translation>
    </message>
    <message>
      <location line="+3" />
      <source>语言</source>
      <translation>Language</translation>
    </message>
    <message>
      <location line="+3" />
      <source>工作日历与答复期限</source>
      <translation>Working-day calendar and answer deadline</translation>
    </message>
    <message>
      <location line="+1" />
      <source>节假日与答复期限…</source>
      <translation>Holidays and answer deadline…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>录入以后年份的放假和调休上班日期，设置群众意见的答复期限</source>
      <translation>Enter the holidays and make-up working days of later years; set how soon villagers' questions are answered</translation>
    </message>
    <message>
      <location line="+3" />
      <source>工作日计算</source>
      <translation>Working days</translation>
    </message>
    <message>
      <location line="+2" />
      <source>打印</source>
      <translation>Printing</translation>
    </message>
    <message>
      <location line="+1" />
      <source>打印设置…</source>
      <translation>Print settings…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>公告末尾的监督电话、受理单位、落款和异议说明</source>
      <translation>The supervision phone numbers, accepting unit, issuer and objection note printed at the end of every notice</translation>
    </message>
    <message>
      <location line="+3" />
      <source>公告页脚</source>
      <translation>Notice footer</translation>
    </message>
    <message>
      <location line="+2" />
      <source>文件与版本</source>
      <translation>Files and version</translation>
    </message>
    <message>
      <location line="+2" />
      <source>数据库</source>
      <translation>Database</translation>
    </message>
    <message>
      <location line="+1" />
      <source>数据文件夹</source>
      <translation>Data folder</translation>
    </message>
    <message>
      <location line="+1" />
      <source>日志文件</source>
      <translation>Log file</translation>
    </message>
    <message>
      <location line="+1" />
      <source>设置文件</source>
      <translation>Settings file</translation>
    </message>
    <message>
      <location line="+1" />
      <source>版本</source>
      <translation>Version</translation>
    </message>
    <message>
      <location line="+23" />
      <source>无法读取本单位信息</source>
      <translation>Cannot read this unit's information</translation>
    </message>
    <message>
      <location line="+5" />
      <source>（未填）</source>
      <translation>(not filled in)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>村（社区）</source>
      <translation>Village (community)</translation>
    </message>
    <message>
      <location line="+0" />
      <source>乡镇（街道）</source>
      <translation>Township (subdistrict)</translation>
    </message>
    <message>
      <location line="+6" />
      <source>空目录</source>
      <translation>Empty catalog</translation>
    </message>
    <message>
      <location line="+10" />
      <source>未保存</source>
      <translation>Not saved</translation>
    </message>
    <message>
      <location line="+6" />
      <source>已保存目录的会商与认可日期</source>
      <translation>Saved the catalog's consultation and adoption dates</translation>
    </message>
    <message>
      <source>账户与权限</source>
      <translation>Accounts and permissions</translation>
    </message>
    <message>
      <source>账户管理…</source>
      <translation>Manage accounts…</translation>
    </message>
    <message>
      <source>新增文书、监委会成员的账户，停用账户，重设密码；谁可以打印完整信息</source>
      <translation>Add accounts for the clerk and the supervision committee, disable accounts, reset passwords; who may print full personal data</translation>
    </message>
    <message>
      <source>账户</source>
      <translation>Accounts</translation>
    </message>
  </context>
  <context>
    <name>AccountModel</name>
    <message>
      <source>用户名</source>
      <translation>User name</translation>
    </message>
    <message>
      <source>角色</source>
      <translation>Role</translation>
    </message>
    <message>
      <source>状态</source>
      <translation>State</translation>
    </message>
    <message>
      <source>最近登录</source>
      <translation>Last sign-in</translation>
    </message>
    <message>
      <source>已停用</source>
      <translation>Disabled</translation>
    </message>
    <message>
      <source>在用</source>
      <translation>Active</translation>
    </message>
  </context>
  <context>
    <name>AccountsDialog</name>
    <message>
      <source>账户管理</source>
      <translation>Manage accounts</translation>
    </message>
    <message>
      <source>账户</source>
      <translation>Accounts</translation>
    </message>
    <message>
      <source>新增账户(&amp;N)…</source>
      <translation>&amp;New account…</translation>
    </message>
    <message>
      <source>停用(&amp;D)</source>
      <translation>&amp;Disable</translation>
    </message>
    <message>
      <source>停用后不能再登录，以前的记录和签名保留</source>
      <translation>A disabled account cannot sign in; its past records and signatures stay</translation>
    </message>
    <message>
      <source>启用(&amp;E)</source>
      <translation>&amp;Enable</translation>
    </message>
    <message>
      <source>重设密码(&amp;R)…</source>
      <translation>&amp;Reset password…</translation>
    </message>
    <message>
      <source>谁可以打印完整信息（内部资料：完整身份证号、银行卡号）</source>
      <translation>Who may print full personal data (internal copies: full ID and bank card numbers)</translation>
    </message>
    <message>
      <source>保存</source>
      <translation>Save</translation>
    </message>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>无法读取账户</source>
      <translation>Cannot read the accounts</translation>
    </message>
    <message>
      <source>已启用账户</source>
      <translation>Accounts enabled</translation>
    </message>
    <message>
      <source>已新增第一个账户“%1”（村干部），本次已用它登录。以后每次打开程序都要用账户登录；请为文书、监委会成员各新增一个账户。</source>
      <translation>The first account “%1” (village officer) was added and you are now signed in with it. From now on everyone signs in when the program opens; please add an account for the clerk and for each supervision committee member.</translation>
    </message>
    <message>
      <source>停用账户</source>
      <translation>Disable account</translation>
    </message>
    <message>
      <source>停用账户“%1”？停用后不能再登录，以前的记录保留。</source>
      <translation>Disable the account “%1”? It will no longer be able to sign in; its past records stay.</translation>
    </message>
    <message>
      <source>未能停用账户</source>
      <translation>Could not disable the account</translation>
    </message>
    <message>
      <source>未能启用账户</source>
      <translation>Could not enable the account</translation>
    </message>
    <message>
      <source>未能保存</source>
      <translation>Could not save</translation>
    </message>
  </context>
  <context>
    <name>AdminPage</name>
    <message>
      <source>管理员账户</source>
      <translation>Administrator account</translation>
    </message>
    <message>
      <source>村干部（管理员）账户管理其他人的账户和设置。以后每次打开程序都要用账户登录；文书、监委会成员的账户由管理员在“关于与设置”中添加。</source>
      <translation>The village officer (administrator) account manages the other accounts and the settings. From now on everyone signs in when the program opens; the administrator adds the clerk's and the committee members' accounts under “About and settings”.</translation>
    </message>
    <message>
      <source>村干部姓名，登录时的用户名</source>
      <translation>The village officer's name, used to sign in</translation>
    </message>
    <message>
      <source>至少 8 个字符</source>
      <translation>At least 8 characters</translation>
    </message>
    <message>
      <source>用户名</source>
      <translation>User name</translation>
    </message>
    <message>
      <source>密码</source>
      <translation>Password</translation>
    </message>
    <message>
      <source>确认密码</source>
      <translation>Repeat password</translation>
    </message>
  </context>
  <context>
    <name>AnswerDialog</name>
    <message>
      <location filename="../../desktop/editors/feedback_dialog.py" line="+70" />
      <source>保存答复</source>
      <translation>Save answer</translation>
    </message>
    <message>
      <location line="+1" />
      <source>（未留名）</source>
      <translation>(anonymous)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>公开记录 #%1“%2”
%3收到（%4），应于%5前答复</source>
      <translation>Record #%1 “%2”
Received %3 (%4); answer due by %5</translation>
    </message>
    <message>
      <location line="+4" />
      <source>答复群众意见</source>
      <translation>Answer a villager's question</translation>
    </message>
    <message>
      <location line="+1" />
      <source>未能保存答复</source>
      <translation>Answer not saved</translation>
    </message>
    <message>
      <location line="+12" />
      <source>答复内容，如：经核实，……</source>
      <translation>The answer, e.g. We checked and …</translation>
    </message>
    <message>
      <location line="+1" />
      <source>答复内容</source>
      <translation>Answer</translation>
    </message>
    <message>
      <location line="+4" />
      <source>意见</source>
      <translation>Question</translation>
    </message>
    <message>
      <location line="+1" />
      <source>答复</source>
      <translation>Answer</translation>
    </message>
    <message>
      <location line="+1" />
      <source>答复日期</source>
      <translation>Answered on</translation>
    </message>
    <message>
      <location filename="../../desktop/editors/feedback_dialog.py" line="149" />
      <source>引用的意见中含%1，答复公告上将打码。</source>
      <translation>The quoted question contains %1; they will be masked on the answer notice.</translation>
    </message>
    <message>
      <location filename="../../desktop/editors/feedback_dialog.py" line="152" />
      <source>答复中含%1，公告上将打码。</source>
      <translation>The answer contains %1; they will be masked on the notice.</translation>
    </message>
    <message>
      <location filename="../../desktop/editors/feedback_dialog.py" line="86" />
      <source>答复公告引用意见原文，不署反映人姓名；身份证号、银行卡号、电话号码将打码。</source>
      <translation>The answer notice quotes the question without naming who raised it; ID, bank card and phone numbers in it are masked.</translation>
    </message>
  </context>
  <context>
    <name>App</name>
    <message>
      <location filename="../../desktop/app.py" line="+101" />
      <location line="+4" />
      <location line="+87" />
      <source>无法打开数据库</source>
      <translation>Cannot open the database</translation>
    </message>
    <message>
      <location line="-86" />
      <source>%1 不是本程序的数据库，或文件已损坏。</source>
      <translation>%1 is not a database of this program, or the file is damaged.</translation>
    </message>
    <message>
      <source>重新开始初始设置</source>
      <translation>Start the set-up again</translation>
    </message>
    <message>
      <source>%1 是空文件，或是一次未完成的初始设置留下的数据库，里面没有可用的内容。要重新开始初始设置吗？新的数据库会替换它。</source>
      <translation>%1 is an empty file, or a database left by a set-up that did not finish; it holds nothing usable. Start the set-up again? The new database will replace it.</translation>
    </message>
  </context>
  <context>
    <name>ApproveDialog</name>
    <message>
      <source>未能完成“%1”</source>
      <translation>Could not complete “%1”</translation>
    </message>
    <message>
      <location filename="../../desktop/editors/workflow_dialogs.py" line="+135" />
      <location line="+1" />
      <source>审核通过</source>
      <translation>Approve</translation>
    </message>
    <message>
      <location line="+1" />
      <source>未能审核通过</source>
      <translation>Not approved</translation>
    </message>
    <message>
      <location line="+3" />
      <source>村务监督委员会成员姓名</source>
      <translation>Name of a supervision committee member</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+6" />
      <source>审核人</source>
      <translation>Reviewer</translation>
    </message>
    <message>
      <location line="-3" />
      <source>如：经审核，内容真实，同意公开</source>
      <translation>e.g. Checked; the content is true; agreed to post</translation>
    </message>
    <message>
      <location line="+4" />
      <source>审核意见</source>
      <translation>Review opinion</translation>
    </message>
    <message>
      <location line="+1" />
      <source>审核日期</source>
      <translation>Review date</translation>
    </message>
    <message>
      <location line="+1" />
      <source>审核人须是村务监督委员会（财务事项为民主理财小组）成员，不能是起草人本人。</source>
      <translation>The reviewer must be a member of the village affairs supervision committee (for finances, the democratic finance group) and cannot be the drafter.</translation>
    </message>
    <message>
      <location filename="../../desktop/editors/workflow_dialogs.py" line="146" />
      <source>以下内容含身份证号、银行卡号或电话号码，张贴的公告上将打码：</source>
      <translation>The following contain ID, bank card or phone numbers, which will be masked on the posted notice:</translation>
    </message>
    <message>
      <source>审核人就是登录的账户；请由监委会成员用自己的账户登录审核</source>
      <translation>The reviewer is the signed-in account; committee members review signed in with their own accounts</translation>
    </message>
  </context>
  <context>
    <name>AttachmentModel</name>
    <message>
      <location filename="../../desktop/qtmodels/attachment_model.py" line="+24" />
      <source>类型</source>
      <translation>Type</translation>
    </message>
    <message>
      <location line="+1" />
      <source>文件名</source>
      <translation>File</translation>
    </message>
    <message>
      <location line="+1" />
      <source>大小</source>
      <translation>Size</translation>
    </message>
    <message>
      <location line="+1" />
      <source>添加</source>
      <translation>Added</translation>
    </message>
    <message>
      <location line="+1" />
      <source>校验</source>
      <translation>Check</translation>
    </message>
    <message>
      <location line="+4" />
      <source>公示栏照片</source>
      <translation>Board photo</translation>
    </message>
    <message>
      <location line="+1" />
      <source>票据凭证</source>
      <translation>Receipt</translation>
    </message>
    <message>
      <location line="+1" />
      <source>其他</source>
      <translation>Other</translation>
    </message>
    <message>
      <location line="+3" />
      <source>完好</source>
      <translation>Intact</translation>
    </message>
    <message>
      <location line="+1" />
      <source>文件不见了</source>
      <translation>File missing</translation>
    </message>
    <message>
      <location line="+1" />
      <source>内容已被改动</source>
      <translation>Content altered</translation>
    </message>
  </context>
  <context>
    <name>AuditLogDialog</name>
    <message>
      <source>记录 #%1 的审计记录</source>
      <translation>Audit trail of record #%1</translation>
    </message>
    <message>
      <source>审计记录</source>
      <translation>Audit trail</translation>
    </message>
    <message>
      <source>绿色的操作封存了记录内容的校验值；校验值可与公告页脚印的审计链编号核对。</source>
      <translation>Actions in green sealed the record's content hash; hashes can be compared with the audit chain number printed in each notice's footer.</translation>
    </message>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>无法读取审计记录</source>
      <translation>Cannot read the audit trail</translation>
    </message>
  </context>
  <context>
    <name>AuditLogModel</name>
    <message>
      <source>序号</source>
      <translation>No.</translation>
    </message>
    <message>
      <source>时间</source>
      <translation>Time</translation>
    </message>
    <message>
      <source>操作人</source>
      <translation>By</translation>
    </message>
    <message>
      <source>操作</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>对象</source>
      <translation>Object</translation>
    </message>
    <message>
      <source>校验值</source>
      <translation>Hash</translation>
    </message>
  </context>
  <context>
    <name>CalendarDayModel</name>
    <message>
      <location filename="../../desktop/qtmodels/calendar_model.py" line="+19" />
      <source>日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <location line="+1" />
      <source>星期</source>
      <translation>Weekday</translation>
    </message>
    <message>
      <location line="+1" />
      <source>类型</source>
      <translation>Type</translation>
    </message>
    <message>
      <location line="+1" />
      <source>备注</source>
      <translation>Note</translation>
    </message>
    <message>
      <location line="+1" />
      <source>录入人</source>
      <translation>Entered by</translation>
    </message>
    <message>
      <location line="+3" />
      <source>星期一</source>
      <translation>Monday</translation>
    </message>
    <message>
      <location line="+1" />
      <source>星期二</source>
      <translation>Tuesday</translation>
    </message>
    <message>
      <location line="+1" />
      <source>星期三</source>
      <translation>Wednesday</translation>
    </message>
    <message>
      <location line="+1" />
      <source>星期四</source>
      <translation>Thursday</translation>
    </message>
    <message>
      <location line="+1" />
      <source>星期五</source>
      <translation>Friday</translation>
    </message>
    <message>
      <location line="+1" />
      <source>星期六</source>
      <translation>Saturday</translation>
    </message>
    <message>
      <location line="+1" />
      <source>星期日</source>
      <translation>Sunday</translation>
    </message>
    <message>
      <location line="+4" />
      <source>放假</source>
      <translation>Holiday</translation>
    </message>
    <message>
      <location line="+1" />
      <source>调休上班</source>
      <translation>Make-up working day</translation>
    </message>
  </context>
  <context>
    <name>CalendarDialog</name>
    <message>
      <location filename="../../desktop/editors/calendar_dialog.py" line="+62" />
      <source>节假日与答复期限</source>
      <translation>Holidays and answer deadline</translation>
    </message>
    <message>
      <location line="+14" />
      <source>法定节假日和调休上班日</source>
      <translation>Public holidays and make-up working days</translation>
    </message>
    <message>
      <location line="+3" />
      <source>年</source>
      <translation> </translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+4" />
      <source>年份</source>
      <translation>Year</translation>
    </message>
    <message>
      <location line="+13" />
      <source>已录入的日期</source>
      <translation>Entered days</translation>
    </message>
    <message>
      <location line="+14" />
      <source>起始日期</source>
      <translation>First day</translation>
    </message>
    <message>
      <location line="+1" />
      <source>截止日期</source>
      <translation>Last day</translation>
    </message>
    <message>
      <location line="+4" />
      <location line="+13" />
      <source>类型</source>
      <translation>Type</translation>
    </message>
    <message>
      <location line="-10" />
      <source>如：春节</source>
      <translation>e.g. Spring Festival</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+9" />
      <source>备注</source>
      <translation>Note</translation>
    </message>
    <message>
      <location line="-7" />
      <source>添加</source>
      <translation>Add</translation>
    </message>
    <message>
      <location line="+2" />
      <source>删除所选</source>
      <translation>Delete selected</translation>
    </message>
    <message>
      <location line="+2" />
      <source>删除列表中选中的日期（Delete）</source>
      <translation>Delete the selected days (Delete)</translation>
    </message>
    <message>
      <location line="+2" />
      <source>从</source>
      <translation>From</translation>
    </message>
    <message>
      <location line="+0" />
      <source>至</source>
      <translation>to</translation>
    </message>
    <message>
      <location line="+7" />
      <source>按国务院办公厅公布的安排录入：放假的日子录为“放假”，周末调休上班的日子录为“调休上班”。</source>
      <translation>Enter the State Council's schedule: days off as “Holiday”, weekend days worked in exchange as “Make-up working day”.</translation>
    </message>
    <message>
      <location line="+13" />
      <source>群众意见答复期限</source>
      <translation>Deadline for answering villagers' questions</translation>
    </message>
    <message>
      <location line="+3" />
      <source>答复期限天数</source>
      <translation>Days to answer</translation>
    </message>
    <message>
      <location line="+1" />
      <source>按工作日计算</source>
      <translation>Count working days</translation>
    </message>
    <message>
      <location line="+1" />
      <source>保存答复期限</source>
      <translation>Save deadline</translation>
    </message>
    <message>
      <location line="+2" />
      <source>新登记的意见按此期限计算；已登记的意见保持原期限。</source>
      <translation>Applies to questions recorded from now on; recorded ones keep their deadline.</translation>
    </message>
    <message>
      <location line="+4" />
      <source>收到后</source>
      <translation>Answer within</translation>
    </message>
    <message>
      <location line="+4" />
      <source>日内答复</source>
      <translation>days of receipt</translation>
    </message>
    <message>
      <location line="+11" />
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <location line="+47" />
      <source>无法读取节假日</source>
      <translation>Cannot read the holidays</translation>
    </message>
    <message>
      <location line="+4" />
      <source>%1年的放假安排程序已自带；这里录入的日期优先，用于更正或补充。</source>
      <translation>The app ships the official schedule of %1; days entered here take precedence (to correct or add).</translation>
    </message>
    <message>
      <location line="+3" />
      <source>%1年的安排按这里录入的日期计算。</source>
      <translation>%1 is counted with the days entered here.</translation>
    </message>
    <message>
      <location line="+3" />
      <source>%1年的放假安排尚未录入，工作日暂按周一至周五计算。</source>
      <translation>The holidays of %1 are not entered yet; working days count Monday to Friday.</translation>
    </message>
    <message>
      <location line="+23" />
      <source>未添加</source>
      <translation>Not added</translation>
    </message>
    <message>
      <location line="+0" />
      <source>一次最多添加 %1 天，请分段录入。</source>
      <translation>Add at most %1 days at once; enter longer ranges in parts.</translation>
    </message>
    <message>
      <location line="+14" />
      <source>未能添加</source>
      <translation>Could not add</translation>
    </message>
    <message>
      <location line="+20" />
      <source>删除日期</source>
      <translation>Delete days</translation>
    </message>
    <message>
      <location line="+0" />
      <source>删除 %1 个日期：%2？</source>
      <translation>Delete %1 days: %2?</translation>
    </message>
    <message>
      <location line="+1" />
      <source>删除</source>
      <translation>Delete</translation>
    </message>
    <message>
      <location line="+6" />
      <source>未能删除</source>
      <translation>Could not delete</translation>
    </message>
    <message>
      <location line="+9" />
      <source>无法读取答复期限</source>
      <translation>Cannot read the answer deadline</translation>
    </message>
    <message>
      <location line="+10" />
      <source>未保存</source>
      <translation>Not saved</translation>
    </message>
    <message>
      <location line="+4" />
      <source>个工作日</source>
      <translation>working days</translation>
    </message>
    <message>
      <location line="+0" />
      <source>日</source>
      <translation>days</translation>
    </message>
    <message>
      <location line="+1" />
      <source>已保存：收到后%1%2内答复。新登记的意见按此期限计算；已登记的意见保持原期限。</source>
      <translation>Saved: answer within %1 %2 of receipt. Applies to questions recorded from now on; recorded ones keep their deadline.</translation>
    </message>
    <message>
      <source>删除所选（%1 天）</source>
      <translation>Delete selected (%1 days)</translation>
    </message>
  </context>
  <context>
    <name>CatalogItemDialog</name>
    <message>
      <location filename="../../desktop/editors/catalog_item_dialog.py" line="+44" />
      <source>一般公告</source>
      <translation>General notice</translation>
    </message>
    <message>
      <location line="+1" />
      <source>财务收支</source>
      <translation>Income and expenditure</translation>
    </message>
    <message>
      <location line="+1" />
      <source>名单</source>
      <translation>Roster</translation>
    </message>
    <message>
      <location line="+1" />
      <source>工程项目</source>
      <translation>Construction project</translation>
    </message>
    <message>
      <location line="+1" />
      <source>四议两公开</source>
      <translation>Four deliberations, two disclosures</translation>
    </message>
    <message>
      <location line="+1" />
      <source>一事一议</source>
      <translation>One matter, one deliberation</translation>
    </message>
    <message>
      <location line="+24" />
      <source>编辑事项 %1</source>
      <translation>Edit item %1</translation>
    </message>
    <message>
      <location line="+0" />
      <source>新增事项</source>
      <translation>New item</translation>
    </message>
    <message>
      <location line="+12" />
      <location line="+278" />
      <source>编号在新增后不能修改：公开记录按编号引用事项</source>
      <translation>The code cannot change once the item exists: records refer to items by code</translation>
    </message>
    <message>
      <location line="-271" />
      <source>选择或输入一级事项</source>
      <translation>Choose or type a top-level matter</translation>
    </message>
    <message>
      <location line="+2" />
      <source>如：村级财务收支情况</source>
      <translation>e.g. village income and expenditure</translation>
    </message>
    <message>
      <location line="+3" />
      <source>公开哪些要素，如：收入、支出明细，资金来源</source>
      <translation>What is disclosed, e.g. itemised income and expenditure, sources of funds</translation>
    </message>
    <message>
      <location line="+3" />
      <source>法律法规、文件名称及条款</source>
      <translation>Laws, regulations, documents and articles</translation>
    </message>
    <message>
      <location line="+13" />
      <source>（不设）</source>
      <translation>(none)</translation>
    </message>
    <message>
      <location line="+14" />
      <source>不公示</source>
      <translation>No posting</translation>
    </message>
    <message>
      <location line="+1" />
      <source>按工作日</source>
      <translation>Working days</translation>
    </message>
    <message>
      <location line="+12" />
      <source>无</source>
      <translation>None</translation>
    </message>
    <message>
      <location line="+3" />
      <source>名单类记录默认使用的列（可在名单的“列设置…”中修改）</source>
      <translation>The columns roster records start with (change them in the roster's “Columns…”)</translation>
    </message>
    <message>
      <location line="+4" />
      <source>公开渠道和载体</source>
      <translation>Channels and carriers</translation>
    </message>
    <message>
      <location line="+7" />
      <source>编号</source>
      <translation>Code</translation>
    </message>
    <message>
      <location line="+1" />
      <source>类别</source>
      <translation>Category</translation>
    </message>
    <message>
      <location line="+1" />
      <source>一级事项</source>
      <translation>Top-level matter</translation>
    </message>
    <message>
      <location line="+1" />
      <source>二级事项</source>
      <translation>Item</translation>
    </message>
    <message>
      <location line="+1" />
      <source>公开内容（要素）</source>
      <translation>Content (elements)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>公开依据</source>
      <translation>Legal basis</translation>
    </message>
    <message>
      <location line="+3" />
      <source>公开时限</source>
      <translation>Timing</translation>
    </message>
    <message>
      <location line="+1" />
      <source>公开主体</source>
      <translation>Publisher</translation>
    </message>
    <message>
      <location line="+1" />
      <source>公开对象</source>
      <translation>Audience</translation>
    </message>
    <message>
      <location line="+1" />
      <source>公开方式</source>
      <translation>Manner</translation>
    </message>
    <message>
      <location line="+1" />
      <source>公开层级</source>
      <translation>Level</translation>
    </message>
    <message>
      <location line="+1" />
      <source>领域</source>
      <translation>Domain</translation>
    </message>
    <message>
      <location line="+1" />
      <source>五公开</source>
      <translation>Five disclosures</translation>
    </message>
    <message>
      <location line="+1" />
      <source>最少公示天数</source>
      <translation>Minimum posting days</translation>
    </message>
    <message>
      <location line="+1" />
      <source>默认记录类型</source>
      <translation>Default record type</translation>
    </message>
    <message>
      <location line="+1" />
      <source>名单预设</source>
      <translation>Roster preset</translation>
    </message>
    <message>
      <location line="+16" />
      <source>保存</source>
      <translation>Save</translation>
    </message>
    <message>
      <location line="+1" />
      <source>保存（Ctrl+S）</source>
      <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
      <location line="+3" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location line="+135" />
      <source>未保存</source>
      <translation>Not saved</translation>
    </message>
    <message>
      <source>无法重新打开</source>
      <translation>Cannot reopen</translation>
    </message>
  </context>
  <context>
    <name>CatalogPage</name>
    <message>
      <location filename="../../desktop/pages/catalog_page.py" line="+66" />
      <source>Excel 工作簿 (*.xlsx)</source>
      <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
      <source>表格文件 (*.xlsx *.xlsm *.xls *.et *.ods);;Excel 工作簿 (*.xlsx *.xls);;OpenDocument 表格 (*.ods)</source>
      <translation>Spreadsheets (*.xlsx *.xlsm *.xls *.et *.ods);;Excel workbooks (*.xlsx *.xls);;OpenDocument spreadsheets (*.ods)</translation>
    </message>
    <message>
      <location line="+24" />
      <source>新增</source>
      <translation>New</translation>
    </message>
    <message>
      <location line="+1" />
      <source>新增事项（Ctrl+N）</source>
      <translation>New item (Ctrl+N)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>编辑</source>
      <translation>Edit</translation>
    </message>
    <message>
      <location line="+1" />
      <source>编辑选中的事项（回车或双击）</source>
      <translation>Edit the selected item (Enter or double-click)</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+226" />
      <source>停用</source>
      <translation>Retire</translation>
    </message>
    <message>
      <location line="-225" />
      <source>停用的事项不再排入待办，已有记录保留；可随时恢复</source>
      <translation>Retired items are no longer scheduled; their records stay. They can be restored at any time</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+327" />
      <source>删除</source>
      <translation>Delete</translation>
    </message>
    <message>
      <location line="-326" />
      <source>删除没有公开记录的事项（Delete）</source>
      <translation>Delete an item that has no records (Delete)</translation>
    </message>
    <message>
      <location line="+3" />
      <location line="+337" />
      <location line="+3" />
      <location line="+12" />
      <source>载入模板</source>
      <translation>Load template</translation>
    </message>
    <message>
      <location line="-351" />
      <source>把随程序提供的目录模板并入本村目录（已有的事项不变）</source>
      <translation>Merge a shipped catalog template into this catalog (existing items stay as they are)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>导入 xlsx</source>
      <translation>Import xlsx</translation>
    </message>
    <message>
      <location line="+1" />
      <source>从标准目录格式的 xlsx 文件导入，按编号合并</source>
      <translation>Import from an xlsx file in the standard catalog format, merged by code</translation>
    </message>
    <message>
      <location line="+1" />
      <source>导出 xlsx</source>
      <translation>Export xlsx</translation>
    </message>
    <message>
      <location line="+1" />
      <source>导出为标准目录格式的 xlsx 文件</source>
      <translation>Export as an xlsx file in the standard catalog format</translation>
    </message>
    <message>
      <location line="+15" />
      <source>搜索编号、名称、内容（可用拼音或首字母，如 cwgk）  Ctrl+F</source>
      <translation>Search code, name, content (pinyin or initials work, e.g. cwgk)  Ctrl+F</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+13" />
      <source>搜索</source>
      <translation>Search</translation>
    </message>
    <message>
      <location line="-10" />
      <source>全部渠道</source>
      <translation>All channels</translation>
    </message>
    <message>
      <location line="+3" />
      <location line="+207" />
      <source>公开渠道</source>
      <translation>Channels</translation>
    </message>
    <message>
      <location line="-204" />
      <source>显示停用</source>
      <translation>Show retired</translation>
    </message>
    <message>
      <location line="+6" />
      <source>渠道</source>
      <translation>Channel</translation>
    </message>
    <message>
      <location line="+17" />
      <source>事项分组</source>
      <translation>Item groups</translation>
    </message>
    <message>
      <location line="+18" />
      <source>目录事项</source>
      <translation>Catalog items</translation>
    </message>
    <message>
      <location line="+111" />
      <source>无法读取目录</source>
      <translation>Cannot read the catalog</translation>
    </message>
    <message>
      <location line="+5" />
      <source>共 %1 项</source>
      <translation>%1 items</translation>
    </message>
    <message>
      <location line="+33" />
      <source>恢复</source>
      <translation>Restore</translation>
    </message>
    <message>
      <location line="+6" />
      <source>选中一个事项，这里显示它的全部内容。</source>
      <translation>Select an item to see all of its columns here.</translation>
    </message>
    <message>
      <location line="+5" />
      <source>公开内容</source>
      <translation>Content</translation>
    </message>
    <message>
      <location line="+1" />
      <source>公开依据</source>
      <translation>Legal basis</translation>
    </message>
    <message>
      <location line="+1" />
      <source>公开时限</source>
      <translation>Timing</translation>
    </message>
    <message>
      <location line="+2" />
      <source>对象 / 方式 / 层级</source>
      <translation>Audience / manner / level</translation>
    </message>
    <message>
      <location line="+1" />
      <source>领域 / 五公开</source>
      <translation>Domain / five disclosures</translation>
    </message>
    <message>
      <location line="+1" />
      <source>最少公示 / 记录类型</source>
      <translation>Minimum posting / record type</translation>
    </message>
    <message>
      <location line="+2" />
      <source>已停用</source>
      <translation>Retired</translation>
    </message>
    <message>
      <location line="+17" />
      <source>无法新增事项</source>
      <translation>Cannot add an item</translation>
    </message>
    <message>
      <location line="+12" />
      <source>无法编辑事项</source>
      <translation>Cannot edit the item</translation>
    </message>
    <message>
      <location line="+27" />
      <source>已保存事项 %1 %2</source>
      <translation>Saved item %1 %2</translation>
    </message>
    <message>
      <location line="+13" />
      <source>未能更改状态</source>
      <translation>Could not change the state</translation>
    </message>
    <message>
      <location line="+4" />
      <source>（勾选“显示停用”可查看）</source>
      <translation> (tick "Show retired" to see it)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>已停用 %1 %2</source>
      <translation>Retired %1 %2</translation>
    </message>
    <message>
      <location line="+2" />
      <source>已恢复 %1 %2</source>
      <translation>Restored %1 %2</translation>
    </message>
    <message>
      <location line="+6" />
      <source>删除事项“%1 %2”？删除后不能撤销；有公开记录的事项只能停用。</source>
      <translation>Delete the item "%1 %2"? This cannot be undone; items with records can only be retired.</translation>
    </message>
    <message>
      <location line="+1" />
      <source>删除事项</source>
      <translation>Delete item</translation>
    </message>
    <message>
      <location line="+6" />
      <source>不能删除</source>
      <translation>Cannot delete</translation>
    </message>
    <message>
      <location line="+3" />
      <source>已删除 %1 %2</source>
      <translation>Deleted %1 %2</translation>
    </message>
    <message>
      <location line="+6" />
      <source>没有适用于本单位的目录模板。</source>
      <translation>There is no catalog template for this kind of unit.</translation>
    </message>
    <message>
      <location line="+2" />
      <source>%1（%2 项）</source>
      <translation>%1 (%2 items)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>选择要并入目录的模板（已有编号的事项保持不变）：</source>
      <translation>Choose the template to merge into the catalog (items whose code exists stay as they are):</translation>
    </message>
    <message>
      <location line="+9" />
      <source>未能载入模板</source>
      <translation>Could not load the template</translation>
    </message>
    <message>
      <location line="+4" />
      <source>新增 %1 项；已有的 %2 项保持不变。</source>
      <translation>Added %1 items; %2 existing items left as they were.</translation>
    </message>
    <message>
      <location line="+9" />
      <location line="+6" />
      <location line="+14" />
      <source>导入目录</source>
      <translation>Import catalog</translation>
    </message>
    <message>
      <location line="-14" />
      <source>这个版本还不能导入 xlsx 目录。</source>
      <translation>This version cannot import xlsx catalogs yet.</translation>
    </message>
    <message>
      <location line="+4" />
      <source>正在导入 %1……</source>
      <translation>Importing %1…</translation>
    </message>
    <message>
      <location line="+0" />
      <source>未能导入</source>
      <translation>Import failed</translation>
    </message>
    <message>
      <location line="+4" />
      <source>已导入：新增 %1 项，更新 %2 项，未变 %3 项。</source>
      <translation>Imported: %1 added, %2 updated, %3 unchanged.</translation>
    </message>
    <message>
      <location line="+9" />
      <source>%1公开事项目录.xlsx</source>
      <translation>%1 disclosure catalog.xlsx</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+9" />
      <location line="+8" />
      <source>导出目录</source>
      <translation>Export catalog</translation>
    </message>
    <message>
      <location line="-8" />
      <source>这个版本还不能导出 xlsx 目录。</source>
      <translation>This version cannot export xlsx catalogs yet.</translation>
    </message>
    <message>
      <location line="+5" />
      <source>正在导出到 %1……</source>
      <translation>Exporting to %1…</translation>
    </message>
    <message>
      <location line="+0" />
      <source>未能导出</source>
      <translation>Export failed</translation>
    </message>
    <message>
      <location line="+3" />
      <source>已导出 %1 项到
%2</source>
      <translation>Exported %1 items to
%2</translation>
    </message>
    <message>
      <source>一次只能编辑一个事项</source>
      <translation>Edit one item at a time</translation>
    </message>
    <message>
      <source>%1 %2 项</source>
      <translation>%1 %2 items</translation>
    </message>
    <message>
      <source>删除 %1 项</source>
      <translation>Delete %1 items</translation>
    </message>
    <message>
      <source>已选中 %1 个事项（在用 %2，停用 %3）</source>
      <translation>%1 items selected (%2 in use, %3 retired)</translation>
    </message>
    <message>
      <source>已恢复 %1 个事项</source>
      <translation>Restored %1 items</translation>
    </message>
    <message>
      <source>已停用 %1 个事项</source>
      <translation>Retired %1 items</translation>
    </message>
    <message>
      <source>删除以下 %1 个事项？删除后不能撤销；有公开记录的事项只能停用。</source>
      <translation>Delete these %1 items? This cannot be undone; items with records can only be retired.</translation>
    </message>
    <message>
      <source>已删除 %1 个事项</source>
      <translation>Deleted %1 items</translation>
    </message>
  </context>
  <context>
    <name>CatalogTableModel</name>
    <message>
      <location filename="../../desktop/qtmodels/catalog_model.py" line="+30" />
      <source>编号</source>
      <translation>Code</translation>
    </message>
    <message>
      <location line="+1" />
      <source>一级事项</source>
      <translation>Top-level matter</translation>
    </message>
    <message>
      <location line="+1" />
      <source>二级事项</source>
      <translation>Item</translation>
    </message>
    <message>
      <location line="+1" />
      <source>公开时限</source>
      <translation>Timing</translation>
    </message>
    <message>
      <location line="+1" />
      <source>公开主体</source>
      <translation>Publisher</translation>
    </message>
    <message>
      <location line="+1" />
      <source>公开渠道</source>
      <translation>Channels</translation>
    </message>
    <message>
      <location line="+1" />
      <source>公开对象</source>
      <translation>Audience</translation>
    </message>
    <message>
      <location line="+1" />
      <source>公示天数</source>
      <translation>Posting</translation>
    </message>
    <message>
      <location line="+1" />
      <source>状态</source>
      <translation>State</translation>
    </message>
    <message>
      <location line="+6" />
      <source>不公示</source>
      <translation>No posting</translation>
    </message>
    <message numerus="yes">
      <location line="+2" />
      <source>%n个工作日</source>
      <translation>
        <numerusform>%n working day</numerusform>
        <numerusform>%n working days</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location line="+1" />
      <source>%n天</source>
      <translation>
        <numerusform>%n day</numerusform>
        <numerusform>%n days</numerusform>
      </translation>
    </message>
    <message>
      <location line="+68" />
      <source>启用</source>
      <translation>Active</translation>
    </message>
    <message>
      <location line="+0" />
      <source>已停用</source>
      <translation>Retired</translation>
    </message>
    <message>
      <location line="+21" />
      <source>全部</source>
      <translation>All</translation>
    </message>
  </context>
  <context>
    <name>CrashDialog</name>
    <message>
      <location filename="../../desktop/crash.py" line="+62" />
      <source>程序出错</source>
      <translation>Program error</translation>
    </message>
    <message>
      <location line="+3" />
      <source>程序遇到了意外错误，刚才的操作可能没有完成。已保存的数据不受影响。
请复制下面的报告，连同日志文件一起发给技术支持人员。</source>
      <translation>The program ran into an unexpected error; the last action may not have finished. Saved data is not affected.
Please copy the report below and send it, with the log file, to whoever supports you.</translation>
    </message>
    <message>
      <location line="+9" />
      <source>日志文件：%1</source>
      <translation>Log file: %1</translation>
    </message>
    <message>
      <location line="+0" />
      <source>日志文件无法写入：%1</source>
      <translation>The log file could not be written: %1</translation>
    </message>
    <message>
      <location line="+5" />
      <source>复制报告</source>
      <translation>Copy report</translation>
    </message>
    <message>
      <location line="+1" />
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <location line="+8" />
      <source>已复制</source>
      <translation>Copied</translation>
    </message>
  </context>
  <context>
    <name>CrashHandler</name>
    <message>
      <location line="+31" />
      <source>操作未完成</source>
      <translation>The action was not completed</translation>
    </message>
  </context>
  <context>
    <name>Dates</name>
    <message>
      <location filename="../../desktop/formats.py" line="+27" />
      <source>%1年%2月%3日</source>
      <translation>%2/%3/%1</translation>
    </message>
    <message>
      <location line="+2" />
      <source>%2月%3日</source>
      <translation>%2/%3</translation>
    </message>
  </context>
  <context>
    <name>DecisionEditor</name>
    <message>
      <location filename="../../desktop/editors/kind_editors/decision_editor.py" line="+31" />
      <source>村党组织提议</source>
      <translation>Party branch proposes</translation>
    </message>
    <message>
      <location line="+0" />
      <source>村两委会议商议</source>
      <translation>Two committees deliberate</translation>
    </message>
    <message>
      <location line="+1" />
      <source>党员大会审议</source>
      <translation>Party members' meeting reviews</translation>
    </message>
    <message>
      <location line="+0" />
      <source>村民会议或村民代表会议决议</source>
      <translation>Villagers' (representatives') meeting decides</translation>
    </message>
    <message>
      <location line="+1" />
      <source>决议公开</source>
      <translation>Decision disclosed</translation>
    </message>
    <message>
      <location line="+0" />
      <source>实施结果公开</source>
      <translation>Outcome disclosed</translation>
    </message>
    <message>
      <location line="+1" />
      <source>村党组织会议</source>
      <translation>Party branch meeting</translation>
    </message>
    <message>
      <location line="+0" />
      <source>村两委联席会议</source>
      <translation>Joint two-committee meeting</translation>
    </message>
    <message>
      <location line="+1" />
      <source>党员大会</source>
      <translation>Party members' meeting</translation>
    </message>
    <message>
      <location line="+0" />
      <source>村民代表会议</source>
      <translation>Villagers' representatives meeting</translation>
    </message>
    <message>
      <location line="+1" />
      <source>村民会议</source>
      <translation>Villagers' meeting</translation>
    </message>
    <message>
      <location line="+0" />
      <source>公开</source>
      <translation>Disclosure</translation>
    </message>
    <message>
      <location line="+25" />
      <source>实到 %1/%2 %3 2/3 %4</source>
      <translation>Present %1/%2 %3 2/3 %4</translation>
    </message>
    <message>
      <location line="+3" />
      <source>实到 %1/%2 %3 1/2 %4</source>
      <translation>Present %1/%2 %3 1/2 %4</translation>
    </message>
    <message>
      <location line="+6" />
      <source>；同意 %1/%2 %3 1/2 %4</source>
      <translation>; in favour %1/%2 %3 1/2 %4</translation>
    </message>
    <message>
      <location line="+9" />
      <source>按人数</source>
      <translation>By persons</translation>
    </message>
    <message>
      <location line="+0" />
      <source>按户数</source>
      <translation>By households</translation>
    </message>
    <message>
      <location line="+2" />
      <source>步骤</source>
      <translation>Step</translation>
    </message>
    <message>
      <location line="+1" />
      <source>会议</source>
      <translation>Meeting</translation>
    </message>
    <message>
      <location line="+1" />
      <source>日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <location line="+1" />
      <source>应到</source>
      <translation>Due</translation>
    </message>
    <message>
      <location line="+1" />
      <source>应到人数：党员、村民代表、年满十八周岁的村民或户数</source>
      <translation>Number due: Party members, representatives, adult villagers or households</translation>
    </message>
    <message>
      <location line="+1" />
      <source>实到</source>
      <translation>Present</translation>
    </message>
    <message>
      <location line="+1" />
      <source>同意</source>
      <translation>For</translation>
    </message>
    <message>
      <location line="+1" />
      <source>反对</source>
      <translation>Against</translation>
    </message>
    <message>
      <location line="+1" />
      <source>弃权</source>
      <translation>Abstain</translation>
    </message>
    <message>
      <location line="+1" />
      <source>计数方式</source>
      <translation>Counted</translation>
    </message>
    <message>
      <location line="+1" />
      <source>村民会议按到会人数（过半数）还是按户代表（三分之二）计算</source>
      <translation>Whether a villagers' meeting counts persons (more than half) or household representatives (two thirds)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>会议内容</source>
      <translation>Content</translation>
    </message>
    <message>
      <location line="+1" />
      <source>表决结果</source>
      <translation>Vote result</translation>
    </message>
    <message>
      <location line="+1" />
      <source>按法定人数和表决比例自动判断</source>
      <translation>Checked against the quorum and majority rules</translation>
    </message>
    <message>
      <location line="+34" />
      <source>如：村内主干道硬化工程</source>
      <translation>e.g. paving the village main road</translation>
    </message>
    <message>
      <location line="+1" />
      <source>决策事项(&amp;M)</source>
      <translation>&amp;Matter</translation>
    </message>
    <message>
      <location line="+2" />
      <source>书记、主任“一肩挑”（第一、二步可合并为一次会议）(&amp;J)</source>
      <translation>Secretary is also director (steps 1 and 2 may be one meeting) (&amp;J)</translation>
    </message>
    <message>
      <location line="+9" />
      <location line="+1" />
      <source>会议记录</source>
      <translation>Meetings</translation>
    </message>
    <message>
      <location line="+1" />
      <source>添加会议</source>
      <translation>Add meeting</translation>
    </message>
    <message>
      <location line="+1" />
      <source>已召开的步骤填写日期、人数和表决情况；未填写的步骤视为尚未进行，不计入记录</source>
      <translation>Fill in date, attendance and votes for the steps held; steps left empty have not happened yet and are not recorded</translation>
    </message>
    <message>
      <location line="+3" />
      <source>四议两公开（六个步骤）</source>
      <translation>Four deliberations, two disclosures (six steps)</translation>
    </message>
      <message>
      <source>按年满十八周岁村民</source>
      <translation>By adult villagers</translation>
    </message>
    <message>
      <source>按户</source>
      <translation>By households</translation>
    </message>
    <message>
      <source>户</source>
      <translation>households</translation>
    </message>
    <message>
      <source>应到：党员、村民代表、年满十八周岁的村民人数；村民会议按户计数时为户数</source>
      <translation>Due: members, representatives or adult villagers; households when a villagers' meeting counts households</translation>
    </message>
    <message>
      <source>村民会议按年满十八周岁村民（过半数到会）还是按户（三分之二的户代表到会）计算；应到、实到随之为人数或户数，公告印“人”或“户”</source>
      <translation>A villagers' meeting counts adult villagers (more than half attend) or households (two thirds of the households' representatives attend); due and present are people or households accordingly, and the notice prints 人 or 户</translation>
    </message>
</context>
  <context>
    <name>DisclosureEditor</name>
    <message>
      <source>正在保存……</source>
      <translation>Saving…</translation>
    </message>
    <message>
      <source>无法读取打印设置</source>
      <translation>Cannot read the print settings</translation>
    </message>
    <message>
      <source>公告末尾…</source>
      <translation>Notice footer…</translation>
    </message>
    <message>
      <source>本份公告的监督电话、受理单位、地址、附件表，以及签字栏</source>
      <translation>This notice's supervision phones, accepting unit, address, attached tables and signature lines</translation>
    </message>
    <message>
      <location filename="../../desktop/editors/disclosure_editor.py" line="+88" />
      <source>无法打开记录</source>
      <translation>Cannot open the record</translation>
    </message>
    <message>
      <location line="+55" />
      <source>如：2026年耕地地力保护补贴发放名单</source>
      <translation>e.g. 2026 farmland protection subsidy roster</translation>
    </message>
    <message>
      <location line="+4" />
      <source>期间：2026-M07（月）、2026-Q3（季度）、2026（年度）或 2026-07-18（事项日期）</source>
      <translation>Period: 2026-M07 (month), 2026-Q3 (quarter), 2026 (year) or 2026-07-18 (date of the matter)</translation>
    </message>
    <message>
      <location line="+9" />
      <source>标题(&amp;T)</source>
      <translation>&amp;Title</translation>
    </message>
    <message>
      <location line="+2" />
      <source>期间(&amp;P)</source>
      <translation>&amp;Period</translation>
    </message>
    <message>
      <location line="+2" />
      <source>正文(&amp;B)</source>
      <translation>&amp;Body</translation>
    </message>
    <message>
      <location line="+0" />
      <source>说明(&amp;B)</source>
      <translation>Note (&amp;B)</translation>
    </message>
    <message>
      <location line="+13" />
      <source>事项：</source>
      <translation>Item:</translation>
    </message>
    <message>
      <location line="+3" />
      <source>状态：</source>
      <translation>Status:</translation>
    </message>
    <message>
      <location line="+8" />
      <source>公告正文</source>
      <translation>Text of the notice</translation>
    </message>
    <message>
      <location line="+3" />
      <source>需要随表公开的说明文字（可不填）</source>
      <translation>Text to publish with the table (optional)</translation>
    </message>
    <message>
      <location line="+10" />
      <source>检查结果</source>
      <translation>Checks</translation>
    </message>
    <message>
      <location line="+27" />
      <location line="+12" />
      <source>撤销</source>
      <translation>Undo</translation>
    </message>
    <message>
      <location line="-10" />
      <location line="+14" />
      <source>重做</source>
      <translation>Redo</translation>
    </message>
    <message>
      <location line="-3" />
      <source>撤销（Ctrl+Z）</source>
      <translation>Undo (Ctrl+Z)</translation>
    </message>
    <message>
      <location line="+4" />
      <source>重做（Ctrl+Y）</source>
      <translation>Redo (Ctrl+Y)</translation>
    </message>
    <message>
      <location line="+9" />
      <source>Ctrl+S 保存 · Esc 关闭 · Ctrl+Z 撤销</source>
      <translation>Ctrl+S save · Esc close · Ctrl+Z undo</translation>
    </message>
    <message>
      <location line="+2" />
      <source>保存</source>
      <translation>Save</translation>
    </message>
    <message>
      <location line="+1" />
      <source>保存（Ctrl+S）</source>
      <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <location line="+1" />
      <source>关闭（Esc）</source>
      <translation>Close (Esc)</translation>
    </message>
    <message>
      <location line="+61" />
      <source>公开记录 #%1 — %2[*]</source>
      <translation>Disclosure #%1 — %2[*]</translation>
    </message>
    <message>
      <location line="+0" />
      <source>（无标题）</source>
      <translation>(untitled)</translation>
    </message>
    <message>
      <location line="+3" />
      <source>%1，退回理由：%2</source>
      <translation>%1. Reason: %2</translation>
    </message>
    <message>
      <location line="+55" />
      <source>（期间格式不对）</source>
      <translation>(period not recognised)</translation>
    </message>
    <message>
      <location line="+39" />
      <source>检查结果：未发现问题</source>
      <translation>Checks: no problems found</translation>
    </message>
    <message>
      <location line="+3" />
      <source>检查结果：错误 %1 处，提示 %2 处</source>
      <translation>Checks: %1 errors, %2 warnings</translation>
    </message>
    <message>
      <location line="+2" />
      <source>（有错误时不能提交审核；在下方列表中按 Enter 可跳到出错处）</source>
      <translation> (errors block submission; press Enter on a line below to go to it)</translation>
    </message>
    <message>
      <location line="+10" />
      <source>错误</source>
      <translation>Error</translation>
    </message>
    <message>
      <location line="+0" />
      <source>提示</source>
      <translation>Warning</translation>
    </message>
    <message>
      <location line="+3" />
      <source>[%1] %2：%3</source>
      <translation>[%1] %2: %3</translation>
    </message>
    <message>
      <location line="+1" />
      <source>[%1] %2</source>
      <translation>[%1] %2</translation>
    </message>
    <message>
      <location line="+24" />
      <location line="+31" />
      <location line="+4" />
      <source>未保存</source>
      <translation>Not saved</translation>
    </message>
    <message>
      <location line="-21" />
      <source>没有需要保存的修改</source>
      <translation>Nothing to save</translation>
    </message>
    <message>
      <location line="+32" />
      <source>已保存</source>
      <translation>Saved</translation>
    </message>
    <message>
      <location line="+32" />
      <source>放弃修改？</source>
      <translation>Discard changes?</translation>
    </message>
    <message>
      <location line="+0" />
      <source>有尚未保存的修改，关闭后将丢失。要放弃这些修改吗？</source>
      <translation>There are unsaved changes; closing loses them. Discard them?</translation>
    </message>
    <message>
      <location line="+1" />
      <source>放弃修改</source>
      <translation>Discard changes</translation>
    </message>
    <message>
      <source>转到</source>
      <translation>Go to</translation>
    </message>
    <message>
      <source>把光标移到这条检查结果所指的地方（回车或双击）</source>
      <translation>Put the cursor where this finding points (Enter or double click)</translation>
    </message>
    <message>
      <source>重新打开</source>
      <translation>Reopen</translation>
    </message>
    <message>
      <source>放弃这里未保存的修改，打开记录现在保存的内容</source>
      <translation>Discard the unsaved changes here and open the record as it is stored now</translation>
    </message>
    <message>
      <source>以只读方式打开：另一个窗口正在使用此数据库，这里不能保存修改</source>
      <translation>Opened read-only: another window is using this database, so nothing can be saved here</translation>
    </message>
    <message>
      <source>未保存：%1。您的修改仍在下面，可以选中复制；点“重新打开”查看对方保存的内容。</source>
      <translation>Not saved: %1. Your changes are still below and can be selected and copied; click “Reopen” to see what was saved meanwhile.</translation>
    </message>
    <message>
      <source>重新打开？</source>
      <translation>Reopen?</translation>
    </message>
    <message>
      <source>重新打开将丢弃这里尚未保存的修改。要继续吗？</source>
      <translation>Reopening discards the changes not yet saved here. Continue?</translation>
    </message>
  </context>
  <context>
    <name>DisclosureListModel</name>
    <message>
      <location filename="../../desktop/qtmodels/disclosure_list_model.py" line="+30" />
      <source>编号</source>
      <translation>No.</translation>
    </message>
    <message>
      <location line="+1" />
      <source>事项</source>
      <translation>Item</translation>
    </message>
    <message>
      <location line="+1" />
      <source>期间</source>
      <translation>Period</translation>
    </message>
    <message>
      <location line="+1" />
      <source>类型</source>
      <translation>Type</translation>
    </message>
    <message>
      <location line="+1" />
      <source>标题</source>
      <translation>Title</translation>
    </message>
    <message>
      <location line="+1" />
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <location line="+1" />
      <source>起草人</source>
      <translation>Drafter</translation>
    </message>
    <message>
      <location line="+1" />
      <source>审核人</source>
      <translation>Reviewer</translation>
    </message>
    <message>
      <location line="+1" />
      <source>公示期</source>
      <translation>Posting window</translation>
    </message>
    <message>
      <location line="+1" />
      <source>金额</source>
      <translation>Amount</translation>
    </message>
    <message>
      <location line="+44" />
      <source>%1 至 %2</source>
      <translation>%1 to %2</translation>
    </message>
    <message>
      <location line="+115" />
      <source>%1·更正</source>
      <translation>%1 · correction</translation>
    </message>
    <message>
      <location line="+2" />
      <source>（无标题）</source>
      <translation>(no title)</translation>
    </message>
    <message>
      <location line="+4" />
      <source>%1（已更正）</source>
      <translation>%1 (corrected)</translation>
    </message>
    <message>
      <location line="+20" />
      <source>更正记录：更正 #%1</source>
      <translation>Correction of #%1</translation>
    </message>
    <message>
      <location line="+2" />
      <source>已被更正记录 #%1 取代</source>
      <translation>Superseded by correction #%1</translation>
    </message>
  </context>
  <context>
    <name>DisclosureStatus</name>
    <message>
      <location filename="../../desktop/workflow.py" line="17" />
      <source>草稿</source>
      <translation>Draft</translation>
    </message>
    <message>
      <location line="+1" />
      <source>待审核</source>
      <translation>Submitted</translation>
    </message>
    <message>
      <location line="+1" />
      <source>已审核</source>
      <translation>Approved</translation>
    </message>
    <message>
      <location line="+1" />
      <source>已退回</source>
      <translation>Returned</translation>
    </message>
    <message>
      <location line="+1" />
      <source>公示中</source>
      <translation>Posted</translation>
    </message>
    <message>
      <location line="+1" />
      <source>公示期满</source>
      <translation>Posting ended</translation>
    </message>
    <message>
      <location line="+1" />
      <source>已归档</source>
      <translation>Archived</translation>
    </message>
  </context>
  <context>
    <name>DueStatus</name>
    <message>
      <location filename="../../desktop/qtmodels/todo_models.py" line="+26" />
      <source>未到期</source>
      <translation>Not yet due</translation>
    </message>
    <message>
      <location line="+1" />
      <source>即将到期</source>
      <translation>Due soon</translation>
    </message>
    <message>
      <location line="+1" />
      <source>按时公开</source>
      <translation>Posted on time</translation>
    </message>
    <message>
      <location line="+1" />
      <source>逾期公开</source>
      <translation>Posted late</translation>
    </message>
    <message>
      <location line="+1" />
      <source>逾期未公开</source>
      <translation>Overdue</translation>
    </message>
  </context>
  <context>
    <name>EditorLink</name>
    <message>
      <location filename="../../desktop/editors/editor_link.py" line="+30" />
      <source>编辑器暂不可用</source>
      <translation>Editor not available</translation>
    </message>
    <message>
      <location line="+1" />
      <source>这个版本还没有公开记录的编辑器。记录 #%1 已保存，以后可以在“公开记录”中继续编辑。</source>
      <translation>This version has no record editor yet. Record #%1 is saved; you can edit it later under “Records”.</translation>
    </message>
  </context>
  <context>
    <name>FeedbackDialog</name>
    <message>
      <location filename="../../desktop/editors/feedback_dialog.py" line="-65" />
      <source>登记</source>
      <translation>Record</translation>
    </message>
    <message>
      <location line="+1" />
      <source>登记群众意见</source>
      <translation>Record a villager's question</translation>
    </message>
    <message>
      <location line="+1" />
      <source>未能登记</source>
      <translation>Not recorded</translation>
    </message>
    <message>
      <location line="+4" />
      <source>村民提出的问题或异议，照原意记录</source>
      <translation>The villager's question or objection, as they put it</translation>
    </message>
    <message>
      <location line="+2" />
      <location line="+8" />
      <source>意见内容</source>
      <translation>Question</translation>
    </message>
    <message>
      <location line="-5" />
      <source>可不填（匿名）</source>
      <translation>Optional (anonymous)</translation>
    </message>
    <message>
      <location line="+6" />
      <source>反映人</source>
      <translation>Raised by</translation>
    </message>
    <message>
      <location line="+1" />
      <source>收到日期</source>
      <translation>Received</translation>
    </message>
    <message>
      <location line="+2" />
      <source>答复期限：%1</source>
      <translation>Answer due: %1</translation>
    </message>
    <message>
      <location filename="../../desktop/editors/feedback_dialog.py" line="86" />
      <source>意见中含%1：答复公告引用意见原文时将打码，反映人也不署名。</source>
      <translation>The question contains %1: they will be masked where the answer notice quotes it, and the person who raised it is not named.</translation>
    </message>
    <message>
      <location filename="../../desktop/editors/feedback_dialog.py" line="90" />
      <source>答复公告会引用意见原文：其中的身份证号、银行卡号、电话号码将打码，反映人不署名。</source>
      <translation>The answer notice quotes the question as written: ID, bank card and phone numbers in it will be masked, and the person who raised it is not named.</translation>
    </message>
  </context>
  <context>
    <name>FeedbackState</name>
    <message>
      <location filename="../../desktop/qtmodels/todo_models.py" line="+11" />
      <source>待答复</source>
      <translation>Awaiting answer</translation>
    </message>
    <message>
      <location line="+1" />
      <source>逾期未答复</source>
      <translation>Answer overdue</translation>
    </message>
    <message>
      <location line="+1" />
      <source>已答复</source>
      <translation>Answered</translation>
    </message>
    <message>
      <location line="+1" />
      <source>逾期答复</source>
      <translation>Answered late</translation>
    </message>
  </context>
  <context>
    <name>Fields</name>
    <message>
      <location filename="../../desktop/editors/kind_editors/base.py" line="+47" />
      <source>日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <location line="+0" />
      <source>凭证号</source>
      <translation>Voucher</translation>
    </message>
    <message>
      <location line="+1" />
      <source>摘要</source>
      <translation>Summary</translation>
    </message>
    <message>
      <location line="+0" />
      <source>类别</source>
      <translation>Class</translation>
    </message>
    <message>
      <location line="+0" />
      <source>收入</source>
      <translation>Income</translation>
    </message>
    <message>
      <location line="+1" />
      <source>支出</source>
      <translation>Expense</translation>
    </message>
    <message>
      <location line="+0" />
      <source>步骤</source>
      <translation>Step</translation>
    </message>
    <message>
      <location line="+0" />
      <source>会议类型</source>
      <translation>Meeting</translation>
    </message>
    <message>
      <location line="+1" />
      <source>应到</source>
      <translation>Due</translation>
    </message>
    <message>
      <location line="+0" />
      <source>实到</source>
      <translation>Present</translation>
    </message>
    <message>
      <location line="+0" />
      <source>同意</source>
      <translation>For</translation>
    </message>
    <message>
      <location line="+1" />
      <source>反对</source>
      <translation>Against</translation>
    </message>
    <message>
      <location line="+0" />
      <source>弃权</source>
      <translation>Abstain</translation>
    </message>
    <message>
      <location line="+0" />
      <source>内容</source>
      <translation>Content</translation>
    </message>
    <message>
      <source>计数方式</source>
      <translation>Counted by</translation>
    </message>
  </context>
  <context>
    <name>FinanceEditor</name>
    <message>
      <location filename="../../desktop/editors/kind_editors/finance_editor.py" line="+36" />
      <source>期初余额</source>
      <translation>Opening balance</translation>
    </message>
    <message>
      <location line="+2" />
      <source>期末余额</source>
      <translation>Closing balance</translation>
    </message>
    <message>
      <location line="+4" />
      <source>期初余额（元）(&amp;O)</source>
      <translation>&amp;Opening balance (yuan)</translation>
    </message>
    <message>
      <location line="+2" />
      <source>期末余额（元）(&amp;E)</source>
      <translation>Closing balance (yuan) (&amp;E)</translation>
    </message>
    <message>
      <location line="+2" />
      <source>账面期末余额；应等于期初余额加收入减支出</source>
      <translation>Closing balance in the books; should equal opening + income − expense</translation>
    </message>
    <message>
      <location line="+15" />
      <location line="+1" />
      <location line="+10" />
      <source>收支明细</source>
      <translation>Income and expenditure</translation>
    </message>
    <message>
      <location line="-9" />
      <source>添加一笔</source>
      <translation>Add entry</translation>
    </message>
    <message>
      <location line="+55" />
      <source>共 %1 笔 · 收入合计 %2 元 · 支出合计 %3 元</source>
      <translation>%1 entries · income %2 yuan · expense %3 yuan</translation>
    </message>
    <message>
      <location line="+5" />
      <source>填写期初余额后自动核对期末余额</source>
      <translation>Enter the opening balance to check the closing balance</translation>
    </message>
    <message>
      <location line="+4" />
      <source>按明细计算：%1 元</source>
      <translation>From the entries: %1 yuan</translation>
    </message>
    <message>
      <location line="+4" />
      <source>✓ 与期末余额相符</source>
      <translation>✓ matches the closing balance</translation>
    </message>
    <message>
      <location line="+3" />
      <source>✗ 相差 %1 元</source>
      <translation>✗ differs by %1 yuan</translation>
    </message>
  </context>
  <context>
    <name>FinanceModel</name>
    <message>
      <location filename="../../desktop/qtmodels/finance_model.py" line="+22" />
      <source>财务计划</source>
      <translation>Financial plan</translation>
    </message>
    <message>
      <location line="+0" />
      <source>各项收入</source>
      <translation>Income</translation>
    </message>
    <message>
      <location line="+1" />
      <source>各项支出</source>
      <translation>Expenditure</translation>
    </message>
    <message>
      <location line="+0" />
      <source>各项资产</source>
      <translation>Assets</translation>
    </message>
    <message>
      <location line="+1" />
      <source>各类资源</source>
      <translation>Resources</translation>
    </message>
    <message>
      <location line="+0" />
      <source>债权债务</source>
      <translation>Claims and debts</translation>
    </message>
    <message>
      <location line="+1" />
      <source>收益分配</source>
      <translation>Distribution of earnings</translation>
    </message>
    <message>
      <location line="+0" />
      <source>其他</source>
      <translation>Other</translation>
    </message>
    <message>
      <location line="+8" />
      <source>日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <location line="+0" />
      <source>如 2026-07-18</source>
      <translation>e.g. 2026-07-18</translation>
    </message>
    <message>
      <location line="+1" />
      <source>凭证号</source>
      <translation>Voucher</translation>
    </message>
    <message>
      <location line="+1" />
      <source>摘要</source>
      <translation>Summary</translation>
    </message>
    <message>
      <location line="+1" />
      <source>类别</source>
      <translation>Class</translation>
    </message>
    <message>
      <location line="+1" />
      <source>财务公开的 8 类：财务计划、各项收入、各项支出、各项资产、各类资源、债权债务、收益分配、其他</source>
      <translation>The 8 classes of financial disclosure: plan, income, expenditure, assets, resources, claims and debts, distribution, other</translation>
    </message>
    <message>
      <location line="+1" />
      <source>收入（元）</source>
      <translation>Income (yuan)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>支出（元）</source>
      <translation>Expense (yuan)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>余额（元）</source>
      <translation>Balance (yuan)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>按期初余额和各行收支自动计算</source>
      <translation>Computed from the opening balance and the entries</translation>
    </message>
    <message>
      <location line="+48" />
      <source>期初余额加上到本行为止的收入，减去支出</source>
      <translation>Opening balance plus income, minus expense, up to this row</translation>
    </message>
  </context>
  <context>
    <name>FirstRunWizard</name>
    <message>
      <location filename="../../desktop/wizard.py" line="+186" />
      <source>村务公开 — 初始设置</source>
      <translation>Village affairs disclosure — first-time setup</translation>
    </message>
    <message>
      <location line="+3" />
      <source>&lt; 上一步</source>
      <translation>&lt; Back</translation>
    </message>
    <message>
      <location line="+1" />
      <source>下一步 &gt;</source>
      <translation>Next &gt;</translation>
    </message>
    <message>
      <location line="+1" />
      <source>完成</source>
      <translation>Finish</translation>
    </message>
    <message>
      <location line="+1" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location line="+20" />
      <location line="+3" />
      <source>未能完成初始设置</source>
      <translation>Setup could not be completed</translation>
    </message>
    <message>
      <location line="+0" />
      <source>无法在 %1 创建数据库：%2</source>
      <translation>Cannot create the database at %1: %2</translation>
    </message>
  </context>
  <context>
    <name>Forms</name>
    <message>
      <location filename="../../desktop/forms.py" line="40"/>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>未保存</source>
      <translation>Not saved</translation>
    </message>
    <message>
      <source>重新打开（放弃我的修改）</source>
      <translation>Reopen (discard my changes)</translation>
    </message>
    <message>
      <source>保留我的修改</source>
      <translation>Keep my changes</translation>
    </message>
    <message>
      <source>记录在您打开之后被修改过，您的修改没有保存，也没有覆盖对方的内容。可以先把您的修改复制出来，再重新打开。</source>
      <translation>The record was changed after you opened it. Your changes were not saved and did not overwrite the other changes. You can copy your changes out first, then reopen.</translation>
    </message>
  </context>
  <context>
    <name>GridModel</name>
    <message>
      <location filename="../../desktop/qtmodels/grid_model.py" line="+415" />
      <location line="+16" />
      <source>编辑单元格</source>
      <translation>Edit cell</translation>
    </message>
    <message>
      <location line="+12" />
      <source>插入行</source>
      <translation>Insert row</translation>
    </message>
    <message>
      <location line="+17" />
      <source>删除行</source>
      <translation>Delete rows</translation>
    </message>
    <message>
      <location line="+7" />
      <source>替换全部行</source>
      <translation>Replace all rows</translation>
    </message>
    <message>
      <location line="+5" />
      <source>清除单元格</source>
      <translation>Clear cells</translation>
    </message>
    <message>
      <location line="+11" />
      <location line="+12" />
      <location line="+12" />
      <source>粘贴</source>
      <translation>Paste</translation>
    </message>
  </context>
  <context>
    <name>GridView</name>
    <message>
      <location filename="../../desktop/editors/grid_view.py" line="+325" />
      <source>删除行</source>
      <translation>Delete rows</translation>
    </message>
    <message>
      <location line="+142" />
      <source>复制</source>
      <translation>Copy</translation>
    </message>
    <message>
      <location line="+1" />
      <source>粘贴</source>
      <translation>Paste</translation>
    </message>
    <message>
      <location line="+1" />
      <source>清除内容</source>
      <translation>Clear contents</translation>
    </message>
    <message>
      <location line="+2" />
      <source>在上方插入行</source>
      <translation>Insert row above</translation>
    </message>
    <message>
      <location line="+1" />
      <source>删除所选行</source>
      <translation>Delete selected rows</translation>
    </message>
  </context>
  <context>
    <name>IdentityPage</name>
    <message>
      <location filename="../../desktop/wizard.py" line="-151" />
      <source>您的姓名，记入每一次修改</source>
      <translation>Your name, recorded with every change</translation>
    </message>
    <message>
      <location line="+6" />
      <source>统计用区划代码</source>
      <translation>Statistical division code</translation>
    </message>
    <message>
      <location line="+1" />
      <source>所属乡镇（街道）</source>
      <translation>Township (subdistrict)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>操作员</source>
      <translation>Operator</translation>
    </message>
    <message>
      <location line="+17" />
      <source>本村信息</source>
      <translation>This village</translation>
    </message>
    <message>
      <location line="+0" />
      <source>本乡镇信息</source>
      <translation>This township</translation>
    </message>
    <message>
      <location line="+1" />
      <source>区划代码可在国家统计局“统计用区划代码”中查到：村 12 位，乡镇 9 位。</source>
      <translation>Find the code in the National Bureau of Statistics' division codes: 12 digits for a village, 9 for a township.</translation>
    </message>
    <message>
      <location line="+1" />
      <source>村（社区）名称</source>
      <translation>Village (community) name</translation>
    </message>
    <message>
      <location line="+0" />
      <source>乡镇（街道）名称</source>
      <translation>Township (subdistrict) name</translation>
    </message>
    <message>
      <location line="+1" />
      <source>如：平乐村</source>
      <translation>e.g. 平乐村</translation>
    </message>
    <message>
      <location line="+0" />
      <source>如：平乐镇</source>
      <translation>e.g. 平乐镇</translation>
    </message>
    <message>
      <location line="+2" />
      <source>12 位数字，如 410322100201</source>
      <translation>12 digits, e.g. 410322100201</translation>
    </message>
    <message>
      <location line="+1" />
      <source>9 位数字，如 410322100</source>
      <translation>9 digits, e.g. 410322100</translation>
    </message>
  </context>
  <context>
    <name>Integrity</name>
    <message>
      <source>审计链：尚无记录</source>
      <translation>Audit chain: no events yet</translation>
    </message>
    <message>
      <source>审计链 第 %1 条 %2</source>
      <translation>Audit chain #%1 %2</translation>
    </message>
  </context>
  <context>
    <name>IntegrityBox</name>
    <message>
      <source>数据完整与备份</source>
      <translation>Integrity and backups</translation>
    </message>
    <message>
      <source>尚未做全面检查</source>
      <translation>No full check run yet</translation>
    </message>
    <message>
      <source>全面检查</source>
      <translation>Full check</translation>
    </message>
    <message>
      <source>核对每条提交审核后封存的记录的内容与合计、审计链、附件和数据库文件</source>
      <translation>Checks the content and totals of every record sealed at submission, the audit chain, attachments and the database file</translation>
    </message>
    <message>
      <source>审计记录…</source>
      <translation>Audit trail…</translation>
    </message>
    <message>
      <source>立即备份到…</source>
      <translation>Back up to…</translation>
    </message>
    <message>
      <source>从备份恢复…</source>
      <translation>Restore from backup…</translation>
    </message>
    <message>
      <source> 份</source>
      <translation> copies</translation>
    </message>
    <message>
      <source>如 U 盘上的文件夹（可不填）</source>
      <translation>e.g. a folder on a USB drive (optional)</translation>
    </message>
    <message>
      <source>选择…</source>
      <translation>Choose…</translation>
    </message>
    <message>
      <source>保存备份设置</source>
      <translation>Save backup settings</translation>
    </message>
    <message>
      <source>审计链</source>
      <translation>Audit chain</translation>
    </message>
    <message>
      <source>检查结果</source>
      <translation>Check result</translation>
    </message>
    <message>
      <source>自动备份保留</source>
      <translation>Automatic backups kept</translation>
    </message>
    <message>
      <source>另存一份到</source>
      <translation>Also copy to</translation>
    </message>
    <message>
      <source>正在检查…</source>
      <translation>Checking…</translation>
    </message>
    <message>
      <source>检查未完成</source>
      <translation>Check not completed</translation>
    </message>
    <message>
      <source>未发现问题（核对记录 %1 条）</source>
      <translation>No problems found (%1 records checked)</translation>
    </message>
    <message>
      <source>发现 %1 处问题：</source>
      <translation>%1 problem(s) found:</translation>
    </message>
    <message>
      <source>备份到</source>
      <translation>Back up to</translation>
    </message>
    <message>
      <source>村务公开备份 (*%1)</source>
      <translation>Village affairs backup (*%1)</translation>
    </message>
    <message>
      <source>备份未完成</source>
      <translation>Backup not completed</translation>
    </message>
    <message>
      <source>备份</source>
      <translation>Backup</translation>
    </message>
    <message>
      <source>已备份到 %1（附件 %2 个）</source>
      <translation>Backed up to %1 (%2 attachments)</translation>
    </message>
    <message>
      <source>从备份恢复</source>
      <translation>Restore from backup</translation>
    </message>
    <message>
      <source>先检查备份 %1，通过后用它替换当前数据库；当前数据库另存在数据文件夹的 replaced 中。恢复后程序将关闭，请重新打开。</source>
      <translation>Backup %1 is checked first and, if it passes, replaces the current database; the current database is kept in the data folder's “replaced” folder. The program closes after restoring; please open it again.</translation>
    </message>
    <message>
      <source>检查并恢复</source>
      <translation>Check and restore</translation>
    </message>
    <message>
      <source>未恢复</source>
      <translation>Not restored</translation>
    </message>
    <message>
      <source>（无）</source>
      <translation>(none)</translation>
    </message>
    <message>
      <source>已恢复</source>
      <translation>Restored</translation>
    </message>
    <message>
      <source>已从 %1 恢复（备份时间 %2）。原数据库另存为 %3。程序将关闭，请重新打开。</source>
      <translation>Restored from %1 (backup of %2). The previous database was kept as %3. The program will close; please open it again.</translation>
    </message>
    <message>
      <source>选择备份另存文件夹</source>
      <translation>Choose the extra backup folder</translation>
    </message>
    <message>
      <source>未保存</source>
      <translation>Not saved</translation>
    </message>
    <message>
      <source>已保存备份设置</source>
      <translation>Backup settings saved</translation>
    </message>
  </context>
  <context>
    <name>IntegrityWatch</name>
    <message>
      <source> · 发现 %1 处问题（见 关于与设置）</source>
      <translation> · %1 problem(s) found (see About and settings)</translation>
    </message>
    <message>
      <source>检查通过</source>
      <translation>Check passed</translation>
    </message>
    <message>
      <source>数据可能被改动</source>
      <translation>The data may have been altered</translation>
    </message>
    <message>
      <source>启动检查发现 %1 处问题：
%2

请在“关于与设置”中做全面检查，并告知村务监督委员会。</source>
      <translation>The start-up check found %1 problem(s):
%2

Please run the full check in About and settings and inform the village affairs supervision committee.</translation>
    </message>
    <message>
      <source>已自动备份：%1</source>
      <translation>Backed up automatically: %1</translation>
    </message>
  </context>
  <context>
    <name>ItemCombo</name>
    <message>
      <location filename="../../desktop/editors/item_combo.py" line="+54" />
      <source>输入编号、名称或拼音首字母查找</source>
      <translation>Type a code, name or pinyin initials</translation>
    </message>
  </context>
  <context>
    <name>KindEditor</name>
    <message>
      <location filename="../../desktop/editors/kind_editors/base.py" line="+86" />
      <source>第 %1 行</source>
      <translation>Row %1</translation>
    </message>
    <message>
      <location line="+1" />
      <source>第 %1 行“%2”</source>
      <translation>Row %1, %2</translation>
    </message>
    <message>
      <location line="+17" />
      <source>在末尾添加一行（表格中在最后一格按 Tab 也可）</source>
      <translation>Add a row at the end (or press Tab in the last cell)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>删除所选行</source>
      <translation>Delete selected rows</translation>
    </message>
    <message>
      <location line="+2" />
      <source>删除所选行（Ctrl+Delete）</source>
      <translation>Delete selected rows (Ctrl+Delete)</translation>
    </message>
    <message>
      <location line="+155" />
      <source>%1第 %2 行</source>
      <translation>%1 row %2</translation>
    </message>
    <message>
      <location line="+2" />
      <source>%1第 %2 行“%3”</source>
      <translation>%1 row %2, %3</translation>
    </message>
  </context>
  <context>
    <name>LoginDialog</name>
    <message>
      <source>登录 — 村务公开</source>
      <translation>Sign in — Village affairs</translation>
    </message>
    <message>
      <source>%1
请输入您的用户名和密码。</source>
      <translation>%1
Please enter your user name and password.</translation>
    </message>
    <message>
      <source>请输入您的用户名和密码。</source>
      <translation>Please enter your user name and password.</translation>
    </message>
    <message>
      <source>用户名</source>
      <translation>User name</translation>
    </message>
    <message>
      <source>密码</source>
      <translation>Password</translation>
    </message>
    <message>
      <source>用户名(&amp;U)</source>
      <translation>&amp;User name</translation>
    </message>
    <message>
      <source>密码(&amp;P)</source>
      <translation>&amp;Password</translation>
    </message>
    <message>
      <source>忘记密码请找村干部（管理员）重设。</source>
      <translation>Forgot your password? Ask the village officer (administrator) to reset it.</translation>
    </message>
    <message>
      <source>登录</source>
      <translation>Sign in</translation>
    </message>
    <message>
      <source>请输入用户名</source>
      <translation>Please enter a user name</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../desktop/main_window.py" line="+68" />
      <location line="+12" />
      <source>村务公开 — %1</source>
      <translation>Village affairs disclosure — %1</translation>
    </message>
    <message>
      <source>只能查看，不能保存。%1</source>
      <translation>View only — nothing can be saved. %1</translation>
    </message>
    <message>
      <location line="+11" />
      <source>页面</source>
      <translation>Pages</translation>
    </message>
    <message>
      <location line="-10" />
      <location line="+32" />
      <source>数据库：%1</source>
      <translation>Database: %1</translation>
    </message>
    <message>
      <location line="-31" />
      <location line="+32" />
      <source>操作人：%1</source>
      <translation>User: %1</translation>
    </message>
    <message>
      <location line="+6" />
      <source>退出</source>
      <translation>Quit</translation>
    </message>
    <message>
      <location line="+4" />
      <source>新增</source>
      <translation>New</translation>
    </message>
    <message>
      <location line="+3" />
      <source>查找</source>
      <translation>Find</translation>
    </message>
    <message>
      <location line="+3" />
      <source>转到页面列表</source>
      <translation>Go to the page list</translation>
    </message>
    <message>
      <location line="+4" />
      <source>文件(&amp;F)</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <location line="+2" />
      <source>编辑(&amp;E)</source>
      <translation>&amp;Edit</translation>
    </message>
    <message>
      <location line="+3" />
      <source>转到(&amp;G)</source>
      <translation>&amp;Go</translation>
    </message>
    <message>
      <location line="+52" />
      <source>页面出错，详情已记入日志：%1</source>
      <translation>This page failed; details are in the log: %1</translation>
    </message>
    <message>
      <source>村务公开 — %1（只读）</source>
      <translation>Village affairs disclosure — %1 (read-only)</translation>
    </message>
    <message>
      <source>只读</source>
      <translation>Read-only</translation>
    </message>
  </context>
  <context>
    <name>ModePage</name>
    <message>
      <location filename="../../desktop/wizard.py" line="-58" />
      <source>欢迎使用村务公开</source>
      <translation>Welcome to village affairs disclosure</translation>
    </message>
    <message>
      <location line="+1" />
      <source>先说明这台电脑给谁用。以后不能更改。</source>
      <translation>First, who uses this computer? This cannot be changed later.</translation>
    </message>
    <message>
      <location line="+1" />
      <source>村（社区）— 村文书录入、打印公开内容</source>
      <translation>Village (community) — the clerk enters and prints disclosures</translation>
    </message>
    <message>
      <location line="+1" />
      <source>乡镇（街道）— 汇总、审核所辖各村的公开情况</source>
      <translation>Township (subdistrict) — collects and reviews its villages' disclosures</translation>
    </message>
  </context>
  <context>
    <name>NewAccountDialog</name>
    <message>
      <source>新增账户</source>
      <translation>New account</translation>
    </message>
    <message>
      <source>本人姓名，登录时的用户名</source>
      <translation>The person's own name, used to sign in</translation>
    </message>
    <message>
      <source>%1（%2）</source>
      <translation>%1 (%2)</translation>
    </message>
    <message>
      <source>至少 8 个字符</source>
      <translation>At least 8 characters</translation>
    </message>
    <message>
      <source>用户名</source>
      <translation>User name</translation>
    </message>
    <message>
      <source>角色</source>
      <translation>Role</translation>
    </message>
    <message>
      <source>密码</source>
      <translation>Password</translation>
    </message>
    <message>
      <source>确认密码</source>
      <translation>Repeat password</translation>
    </message>
    <message>
      <source>新增</source>
      <translation>Add</translation>
    </message>
    <message>
      <source>未能新增账户</source>
      <translation>Could not add the account</translation>
    </message>
  </context>
  <context>
    <name>NewDisclosureDialog</name>
    <message>
      <location filename="../../desktop/editors/new_disclosure_dialog.py" line="+58" />
      <location line="+156" />
      <source>新建公开记录</source>
      <translation>New record</translation>
    </message>
    <message>
      <location line="-143" />
      <source>公开事项</source>
      <translation>Catalog item</translation>
    </message>
    <message>
      <location line="+8" />
      <location line="+14" />
      <source>记录类型</source>
      <translation>Record type</translation>
    </message>
    <message>
      <location line="-10" />
      <location line="+13" />
      <source>标题</source>
      <translation>Title</translation>
    </message>
    <message>
      <location line="-10" />
      <source>事项</source>
      <translation>Item</translation>
    </message>
    <message>
      <location line="+4" />
      <source>期间</source>
      <translation>Period</translation>
    </message>
    <message>
      <location line="+18" />
      <source>新建并编辑</source>
      <translation>Create and edit</translation>
    </message>
    <message>
      <location line="+1" />
      <source>新建记录并打开编辑器（回车或 Ctrl+S）</source>
      <translation>Create the record and open the editor (Enter or Ctrl+S)</translation>
    </message>
    <message>
      <location line="+3" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location line="+23" />
      <source>目录中没有可用的事项，请先在“公开事项目录”中添加。</source>
      <translation>The catalog has no items; add some under “Disclosure catalog” first.</translation>
    </message>
    <message>
      <location line="+12" />
      <source>不公示</source>
      <translation>Not posted</translation>
    </message>
    <message>
      <location line="+2" />
      <source>至少公示 %1 个工作日</source>
      <translation>posted for at least %1 working days</translation>
    </message>
    <message>
      <location line="+2" />
      <source>至少公示 %1 天</source>
      <translation>posted for at least %1 days</translation>
    </message>
    <message>
      <location line="+2" />
      <source>%1 · %2 · %3</source>
      <translation>%1 · %2 · %3</translation>
    </message>
    <message>
      <location line="+31" />
      <source>请选择公开事项</source>
      <translation>Choose a catalog item</translation>
    </message>
    <message>
      <location line="+12" />
      <source>未能新建</source>
      <translation>Not created</translation>
    </message>
    <message>
      <location line="+15" />
      <source>无法读取目录</source>
      <translation>Cannot read the catalog</translation>
    </message>
    <message>
      <location line="+4" />
      <source>目录中还没有启用的事项，请先在“公开事项目录”中添加或载入模板。</source>
      <translation>The catalog has no active items yet; add some or load a template under “Disclosure catalog” first.</translation>
    </message>
  </context>
  <context>
    <name>Pages</name>
    <message>
      <location filename="../../desktop/pages/about_page.py" line="+20" />
      <location filename="../../desktop/pages/__init__.py" line="+16" />
      <source>关于与设置</source>
      <translation>About and settings</translation>
    </message>
    <message>
      <location filename="../../desktop/pages/__init__.py" line="-1" />
      <location filename="../../desktop/pages/catalog_page.py" line="+44" />
      <source>公开事项目录</source>
      <translation>Disclosure catalog</translation>
    </message>
    <message>
      <location line="-1" />
      <location filename="../../desktop/pages/records_page.py" line="+562" />
      <source>公开记录</source>
      <translation>Records</translation>
    </message>
    <message>
      <location line="-1" />
      <location filename="../../desktop/pages/todo_page.py" line="+348" />
      <source>待办</source>
      <translation>To do</translation>
    </message>
    <message>
      <source>问卷</source>
      <translation>Surveys</translation>
    </message>
  </context>
  <context>
    <name>PeriodPicker</name>
    <message>
      <location filename="../../desktop/editors/period_picker.py" line="+21" />
      <source>第一季度</source>
      <translation>Q1</translation>
    </message>
    <message>
      <location line="+1" />
      <source>第二季度</source>
      <translation>Q2</translation>
    </message>
    <message>
      <location line="+1" />
      <source>第三季度</source>
      <translation>Q3</translation>
    </message>
    <message>
      <location line="+1" />
      <source>第四季度</source>
      <translation>Q4</translation>
    </message>
    <message>
      <location line="+27" />
      <source>年</source>
      <translation> </translation>
    </message>
    <message>
      <location line="+1" />
      <source>年份</source>
      <translation>Year</translation>
    </message>
    <message>
      <location line="+3" />
      <source>%1月</source>
      <translation>Month %1</translation>
    </message>
    <message>
      <location line="+1" />
      <source>月份</source>
      <translation>Month</translation>
    </message>
    <message>
      <location line="+4" />
      <source>季度</source>
      <translation>Quarter</translation>
    </message>
    <message>
      <location line="+4" />
      <source>事项日期</source>
      <translation>Event date</translation>
    </message>
    <message>
      <location line="+1" />
      <source>信息形成（事项发生）的日期，公开时限从这天算起</source>
      <translation>The day the information was formed (the event happened); the deadline counts from it</translation>
    </message>
  </context>
  <context>
    <name>Periods</name>
    <message>
      <location filename="../../desktop/formats.py" line="-12" />
      <source>%1年第一季度</source>
      <translation>Q1 %1</translation>
    </message>
    <message>
      <location line="+1" />
      <source>%1年第二季度</source>
      <translation>Q2 %1</translation>
    </message>
    <message>
      <location line="+1" />
      <source>%1年第三季度</source>
      <translation>Q3 %1</translation>
    </message>
    <message>
      <location line="+1" />
      <source>%1年第四季度</source>
      <translation>Q4 %1</translation>
    </message>
    <message>
      <location line="+29" />
      <source>%1年%2月</source>
      <translation>%2/%1</translation>
    </message>
    <message>
      <location line="+4" />
      <source>%1年度</source>
      <translation>%1</translation>
    </message>
  </context>
  <context>
    <name>PersonalNumbers</name>
    <message>
      <location filename="../../desktop/editors/feedback_dialog.py" line="30" />
      <source>身份证号</source>
      <translation>ID numbers</translation>
    </message>
    <message>
      <location filename="../../desktop/editors/feedback_dialog.py" line="30" />
      <source>银行卡号</source>
      <translation>bank card numbers</translation>
    </message>
    <message>
      <location filename="../../desktop/editors/feedback_dialog.py" line="31" />
      <source>手机号</source>
      <translation>mobile numbers</translation>
    </message>
    <message>
      <location filename="../../desktop/editors/feedback_dialog.py" line="31" />
      <source>电话号码</source>
      <translation>phone numbers</translation>
    </message>
    <message>
      <location filename="../../desktop/editors/feedback_dialog.py" line="38" />
      <source>、</source>
      <translation>, </translation>
    </message>
  </context>
  <context>
    <name>PostDialog</name>
    <message>
      <location filename="../../desktop/editors/workflow_dialogs.py" line="+56" />
      <location line="+1" />
      <source>张贴公示</source>
      <translation>Post</translation>
    </message>
    <message>
      <location line="+1" />
      <source>未能公示</source>
      <translation>Not posted</translation>
    </message>
    <message>
      <location line="+8" />
      <source> 个工作日</source>
      <translation> working days</translation>
    </message>
    <message>
      <location line="+0" />
      <source> 天</source>
      <translation> days</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+5" />
      <source>公示天数</source>
      <translation>Posting days</translation>
    </message>
    <message>
      <location line="-1" />
      <source>公示开始</source>
      <translation>First day</translation>
    </message>
    <message>
      <location line="+2" />
      <source>公示期</source>
      <translation>Posting window</translation>
    </message>
    <message>
      <location line="+2" />
      <source>个工作日</source>
      <translation>working days</translation>
    </message>
    <message>
      <location line="+0" />
      <source>天</source>
      <translation>days</translation>
    </message>
    <message>
      <location line="+1" />
      <source>本事项规定至少公示 %1 %2。</source>
      <translation>This item must be posted for at least %1 %2.</translation>
    </message>
    <message>
      <location line="+2" />
      <source>本事项没有规定公示期，请按实际张贴的天数填写。</source>
      <translation>This item sets no posting period; enter the days it is actually posted.</translation>
    </message>
    <message>
      <location line="+21" />
      <source>公示期为%1个工作日（%2至%3，首尾两天都算）</source>
      <translation>Posted for %1 working days (%2 to %3, both days included)</translation>
    </message>
    <message>
      <location line="+2" />
      <source>公示期为%1天（%2至%3，首尾两天都算）</source>
      <translation>Posted for %1 days (%2 to %3, both days included)</translation>
    </message>
  </context>
  <context>
    <name>PrintPreviewDialog</name>
    <message>
      <source>发放签字表</source>
      <translation>Hand-out sheet</translation>
    </message>
    <message>
      <source>名单最后加一列空白的“受益户签字（手印）”，发放时签字按手印用；张贴版不印这一列</source>
      <translation>Adds a blank “recipient's signature (thumbprint)” column for hand-outs; the posted copy never has it</translation>
    </message>
    <message>
      <location filename="../../desktop/printing/preview_dialog.py" line="+133" />
      <location line="+325" />
      <source>打印预览 — %1</source>
      <extracomment>``render(options, unmasked, progress, cancelled) -&gt; PrintResult``, run on a worker thread.</extracomment>
      <translation>Print preview — %1</translation>
    </message>
    <message>
      <location line="-291" />
      <source>预览</source>
      <translation>Preview</translation>
    </message>
    <message>
      <location line="+7" />
      <source>缩小</source>
      <translation>Zoom out</translation>
    </message>
    <message>
      <location line="+0" />
      <source>缩小（Ctrl+-）</source>
      <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
      <location line="+2" />
      <source>放大</source>
      <translation>Zoom in</translation>
    </message>
    <message>
      <location line="+0" />
      <source>放大（Ctrl++）</source>
      <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
      <location line="+2" />
      <source>适合宽度</source>
      <translation>Fit width</translation>
    </message>
    <message>
      <location line="+0" />
      <source>页面宽度充满窗口</source>
      <translation>Make the page as wide as the window</translation>
    </message>
    <message>
      <location line="+1" />
      <source>整页</source>
      <translation>Whole page</translation>
    </message>
    <message>
      <location line="+0" />
      <source>整页显示</source>
      <translation>Show the whole page</translation>
    </message>
    <message>
      <location line="+1" />
      <source>上一页</source>
      <translation>Previous</translation>
    </message>
    <message>
      <location line="+1" />
      <source>下一页</source>
      <translation>Next</translation>
    </message>
    <message>
      <location line="+33" />
      <source>A4</source>
      <translation>A4</translation>
    </message>
    <message>
      <location line="+1" />
      <source>A3</source>
      <translation>A3</translation>
    </message>
    <message>
      <location line="+4" />
      <source>纵向</source>
      <translation>Portrait</translation>
    </message>
    <message>
      <location line="+1" />
      <source>横向</source>
      <translation>Landscape</translation>
    </message>
    <message>
      <location line="+3" />
      <source>大字版</source>
      <translation>Large print</translation>
    </message>
    <message>
      <location line="+1" />
      <source>字号加大，适合贴在公开栏上远看</source>
      <translation>Bigger type, to be read from a distance on the notice board</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+149" />
      <source>打印完整信息（内部资料）</source>
      <translation>Full details (internal copy)</translation>
    </message>
    <message>
      <location line="-148" />
      <source>完整身份证号、银行卡号，每页印“内部资料 不得张贴”；只供内部核对，不得张贴</source>
      <translation>Full ID and bank card numbers, with “内部资料 不得张贴” (internal, do not post) on every page; for checking only, never to be posted</translation>
    </message>
    <message>
      <location line="+2" />
      <source>内部资料：含完整身份证号、银行卡号，不得张贴公示。</source>
      <translation>Internal copy: it shows full ID and bank card numbers. Do not post it.</translation>
    </message>
    <message>
      <location line="+5" />
      <source>纸张</source>
      <translation>Paper</translation>
    </message>
    <message>
      <location line="+5" />
      <source>方向</source>
      <translation>Orientation</translation>
    </message>
    <message>
      <location line="+5" />
      <source>内容</source>
      <translation>Content</translation>
    </message>
    <message>
      <location line="+8" />
      <location line="+11" />
      <source>打印…</source>
      <translation>Print…</translation>
    </message>
    <message>
      <location line="-10" />
      <source>选择打印机并打印（Ctrl+P）</source>
      <translation>Choose a printer and print (Ctrl+P)</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+10" />
      <source>保存为 PDF…</source>
      <translation>Save as PDF…</translation>
    </message>
    <message>
      <location line="-9" />
      <source>另存为 PDF 文件（Ctrl+S），可拷到乡镇或发到微信群</source>
      <translation>Save as a PDF file (Ctrl+S), to take to the township or send to the WeChat group</translation>
    </message>
    <message>
      <location line="+1" />
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <location line="+7" />
      <location line="+359" />
      <source>打印</source>
      <translation>Print</translation>
    </message>
    <message>
      <location line="-358" />
      <location line="+290" />
      <source>保存为 PDF</source>
      <translation>Save as PDF</translation>
    </message>
    <message>
      <location line="-209" />
      <source>正在生成预览……</source>
      <translation>Preparing the preview…</translation>
    </message>
    <message>
      <location line="+24" />
      <source>打印完整信息将显示完整的身份证号、银行卡号等个人信息，每页印有“内部资料 不得张贴”。

这份材料只供村两委、监委会内部核对，不得张贴公示，不得发到微信群；打印或保存后请妥善保管。本次操作将记入操作日志。

确定要打印完整信息吗？</source>
      <translation>The full details show complete ID numbers, bank card numbers and other personal information, with “内部资料 不得张贴” (internal, do not post) printed on every page.

This copy is only for the village committees and the supervision committee to check. Do not post it or send it to WeChat groups; keep it safe once printed or saved. This will be recorded in the audit log.

Print the full details?</translation>
    </message>
    <message>
      <location line="+3" />
      <source>打印完整信息</source>
      <translation>Print full details</translation>
    </message>
    <message>
      <location line="+40" />
      <source>正在生成预览……（%1/%2）</source>
      <translation>Preparing the preview… (%1/%2)</translation>
    </message>
    <message>
      <location line="+27" />
      <source>无法打印</source>
      <translation>Cannot print</translation>
    </message>
    <message>
      <location line="+44" />
      <source>第 %1 页，共 %2 页</source>
      <translation>Page %1 of %2</translation>
    </message>
    <message>
      <location line="+64" />
      <source>（内部资料）</source>
      <translation> (internal copy)</translation>
    </message>
    <message>
      <location line="+7" />
      <source>PDF 文件 (*.pdf)</source>
      <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
      <location line="+9" />
      <source>未能保存</source>
      <translation>Not saved</translation>
    </message>
    <message>
      <location line="+4" />
      <source>已保存到 %1</source>
      <translation>Saved to %1</translation>
    </message>
    <message>
      <location line="+24" />
      <source>打印 — %1</source>
      <translation>Print — %1</translation>
    </message>
    <message>
      <location line="+30" />
      <source>正在发送到打印机……</source>
      <translation>Sending to the printer…</translation>
    </message>
    <message>
      <location line="+0" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location line="+23" />
      <source>正在发送到打印机：第 %1 页，共 %2 页</source>
      <translation>Sending to the printer: page %1 of %2</translation>
    </message>
    <message>
      <location line="+14" />
      <source>已发送 %1 页到打印机</source>
      <translation>Sent %1 page(s) to the printer</translation>
    </message>
    <message>
      <location line="+5" />
      <source>已取消打印</source>
      <translation>Printing cancelled</translation>
    </message>
    <message>
      <location line="+6" />
      <source>打印失败</source>
      <translation>Printing failed</translation>
    </message>
    <message>
      <source>打印设置中默认使用大字版</source>
      <translation>Large print is the default in Print settings</translation>
    </message>
    <message>
      <source>打印设置中默认为标准字号</source>
      <translation>Standard type is the default in Print settings</translation>
    </message>
    <message>
      <source>仅本份使用大字版；默认为标准字号，可在“打印设置”中更改</source>
      <translation>Large print for this notice only; the default (standard type) is changed in Print settings</translation>
    </message>
    <message>
      <source>仅本份使用标准字号；默认为大字版，可在“打印设置”中更改</source>
      <translation>Standard type for this notice only; the default (large print) is changed in Print settings</translation>
    </message>
    <message>
      <location filename="../../desktop/printing/preview_dialog.py" line="237" />
      <source>张贴版：身份证号、银行卡号、电话号码已按规定隐去部分数字（备注、正文等处的也一样）。</source>
      <translation>Posting copy: ID, bank card and phone numbers are partly hidden as the rules require (in remarks, body text and elsewhere too).</translation>
    </message>
  </context>
  <context>
    <name>PrintSettingsDialog</name>
    <message>
      <location filename="../../desktop/printing/settings_dialog.py" line="+33" />
      <source>打印设置</source>
      <translation>Print settings</translation>
    </message>
    <message>
      <location line="+4" />
      <source>以下内容印在每份公告的末尾。留空的项目使用括号中的默认内容。</source>
      <translation>These lines are printed at the end of every notice. An empty field uses the default shown in brackets.</translation>
    </message>
    <message>
      <location line="+5" />
      <source>每行一条，例如：
村务监督委员会 张三 13812341234
镇纪委 0379-67891234</source>
      <translation>One per line, for example:
村务监督委员会 张三 13812341234
镇纪委 0379-67891234</translation>
    </message>
    <message>
      <location line="+2" />
      <location line="+14" />
      <source>监督电话</source>
      <translation>Supervision phones</translation>
    </message>
    <message>
      <location line="-12" />
      <source>（%1村务监督委员会）</source>
      <translation>(%1村务监督委员会)</translation>
    </message>
    <message>
      <location line="+2" />
      <source>（%1村民委员会）</source>
      <translation>(%1村民委员会)</translation>
    </message>
    <message>
      <location line="+11" />
      <source>受理单位</source>
      <translation>Accepting unit</translation>
    </message>
    <message>
      <location line="+1" />
      <source>落款</source>
      <translation>Issuer</translation>
    </message>
    <message>
      <location line="+1" />
      <source>异议说明</source>
      <translation>Objection note</translation>
    </message>
    <message>
      <location line="+3" />
      <source>保存</source>
      <translation>Save</translation>
    </message>
    <message>
      <location line="+1" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location line="+20" />
      <source>未保存</source>
      <translation>Not saved</translation>
    </message>
    <message>
      <location line="+10" />
      <source>无法读取打印设置</source>
      <translation>Cannot read the print settings</translation>
    </message>
    <message>
      <source>默认使用大字版（字号加大，适合贴在公开栏上远看）</source>
      <translation>Large print by default (bigger type, readable on the notice board from a distance)</translation>
    </message>
    <message>
      <source>每份公告的打印预览都从这里的选择开始；在预览中勾选只改那一份</source>
      <translation>Every notice's print preview starts with this choice; ticking it in a preview changes that notice only</translation>
    </message>
    <message>
      <source>字号</source>
      <translation>Type size</translation>
    </message>
  </context>
  <context>
    <name>Printing</name>
    <message>
      <location filename="../../desktop/printing/actions.py" line="+37" />
      <source>打印…</source>
      <translation>Print…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>预览并打印选中的公告（Ctrl+P）</source>
      <translation>Preview and print the selected notice (Ctrl+P)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>打印目录…</source>
      <translation>Print catalog…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>预览并打印公开事项目录（Ctrl+P）</source>
      <translation>Preview and print the disclosure catalog (Ctrl+P)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>打印本月全部公告…</source>
      <translation>Print this month's notices…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>本月公开清单和各份公告合成一份，预览后打印（Ctrl+P）</source>
      <translation>This month's list and every notice in one file, previewed before printing (Ctrl+P)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>打印答复…</source>
      <translation>Print answer…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>预览并打印选中意见的答复公告</source>
      <translation>Preview and print the notice answering the selected question</translation>
    </message>
    <message>
      <location line="+62" />
      <location line="+143" />
      <source>无法打印</source>
      <translation>Cannot print</translation>
    </message>
    <message>
      <location line="-122" />
      <source>公开事项目录</source>
      <translation>Disclosure catalog</translation>
    </message>
    <message>
      <location line="+14" />
      <source>答复公告</source>
      <translation>Answer notice</translation>
    </message>
    <message>
      <location line="+41" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+64" />
      <source>打印本月全部公告</source>
      <translation>Print this month's notices</translation>
    </message>
    <message>
      <location line="-47" />
      <source>正在准备%1年%2月的全部公告……</source>
      <translation>Preparing all notices of %2/%1…</translation>
    </message>
    <message>
      <location line="+31" />
      <source>%1年%2月全部公告</source>
      <translation>All notices of %2/%1</translation>
    </message>
    <message>
      <location line="+7" />
      <source>已取消打印本月全部公告</source>
      <translation>Printing this month's notices was cancelled</translation>
    </message>
    <message>
      <location filename="../../desktop/printing/paint.py" line="+68" />
      <source>无法读取要打印的 PDF</source>
      <extracomment>Images are rendered at most at this resolution: sharp for 10.5 pt text on a village office laser printer, and an A3 page stays near 17 million pixels (grey, one byte each) for the spooler.</extracomment>
      <translation>Cannot read the PDF to print</translation>
    </message>
    <message>
      <location line="+11" />
      <source>无法开始打印：打印机“%1”不可用，请检查打印机是否开机、联机</source>
      <translation>Cannot start printing: the printer “%1” is not available. Check that it is switched on and online.</translation>
    </message>
    <message>
      <source>这份问卷还没有计入统计的答卷，不能打印结果公告。</source>
      <translation>No forms of this survey are counted yet: there is no result notice to print.</translation>
    </message>
    <message>
      <source>%1结果公布</source>
      <translation>%1 — results</translation>
    </message>
  </context>
  <context>
    <name>ProjectEditor</name>
    <message>
      <location filename="../../desktop/editors/kind_editors/project_editor.py" line="+49" />
      <location line="+77" />
      <location line="+13" />
      <source>资金来源</source>
      <translation>Source of funds</translation>
    </message>
    <message>
      <location line="-88" />
      <source>金额（%1）</source>
      <translation>Amount (%1)</translation>
    </message>
    <message>
      <location line="+19" />
      <source>资金来源合计 %1 %2</source>
      <translation>Sources total %1 %2</translation>
    </message>
    <message>
      <location line="+2" />
      <source>（有金额无法识别）</source>
      <translation>(an amount cannot be read)</translation>
    </message>
    <message>
      <location line="+3" />
      <source>＝ %1 %2 ✓</source>
      <translation>= %1 %2 ✓</translation>
    </message>
    <message>
      <location line="+2" />
      <source>≠ %1 %2 ✗（相差 %3）</source>
      <translation>≠ %1 %2 ✗ (difference %3)</translation>
    </message>
    <message>
      <location line="+19" />
      <source>如：公开招标，2026年3月5日开标，3家投标</source>
      <translation>e.g. open tender, opened 5 March 2026, 3 bids</translation>
    </message>
    <message>
      <location line="+6" />
      <source>项目名称(&amp;N)</source>
      <translation>Project &amp;name</translation>
    </message>
    <message>
      <location line="+1" />
      <source>项目地点(&amp;L)</source>
      <translation>&amp;Location</translation>
    </message>
    <message>
      <location line="+1" />
      <source>建设内容(&amp;C)</source>
      <translation>&amp;Content of works</translation>
    </message>
    <message>
      <location line="+5" />
      <source>总投资(&amp;M)</source>
      <translation>Total invest&amp;ment</translation>
    </message>
    <message>
      <location line="+3" />
      <source>施工单位(&amp;W)</source>
      <translation>Contractor (&amp;W)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>招投标情况(&amp;G)</source>
      <translation>Bidding (&amp;G)</translation>
    </message>
    <message>
      <location line="+3" />
      <source>至</source>
      <translation>to</translation>
    </message>
    <message>
      <location line="+2" />
      <source>开工、竣工日期(&amp;D)</source>
      <translation>Start and end &amp;dates</translation>
    </message>
    <message>
      <location line="+11" />
      <source>添加来源</source>
      <translation>Add source</translation>
    </message>
    <message>
      <location line="+2" />
      <source>阶段</source>
      <translation>Stage</translation>
    </message>
    <message>
      <location line="+1" />
      <source>日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <location line="+1" />
      <source>情况</source>
      <translation>Result</translation>
    </message>
    <message>
      <location line="+3" />
      <source>项目阶段</source>
      <translation>Stages</translation>
    </message>
    <message>
      <location line="+1" />
      <source>添加阶段</source>
      <translation>Add stage</translation>
    </message>
    <message>
      <location line="+7" />
      <source>项目阶段（每个阶段完成后公开）</source>
      <translation>Stages (disclosed after each one)</translation>
    </message>
    <message>
      <location line="+75" />
      <source>总投资</source>
      <translation>total investment</translation>
    </message>
      <message>
      <source>文号</source>
      <translation>Document no.</translation>
    </message>
    <message>
      <source>如：偃财预〔2026〕15号（可不填）</source>
      <translation>e.g. 偃财预〔2026〕15号 (optional)</translation>
    </message>
    <message>
      <source>资金用途</source>
      <translation>Uses of funds</translation>
    </message>
    <message>
      <source>资金用途合计 %1 %2</source>
      <translation>Uses total %1 %2</translation>
    </message>
    <message>
      <source>添加用途</source>
      <translation>Add use</translation>
    </message>
    <message>
      <source>资金用途（资金安排公示填写）</source>
      <translation>Uses of funds (for a funding notice)</translation>
    </message>
    <message>
      <source>填写用途即为资金安排公示：资金来源合计＝资金用途合计＝资金总额</source>
      <translation>Listing uses makes this a funding notice: sources total = uses total = total funds</translation>
    </message>
    <message>
      <source>资金总额</source>
      <translation>total funds</translation>
    </message>
    <message>
      <source>资金总额(&amp;M)</source>
      <translation>Total funds(&amp;M)</translation>
    </message>
    <message>
      <source>未填写用途：按工程项目公示</source>
      <translation>No uses listed: printed as a project notice</translation>
    </message>
</context>
  <context>
    <name>ReadOnly</name>
    <message>
      <source>只读打开：另一个窗口正在使用此数据库，这里不能修改</source>
      <translation>Opened read-only: another window is using this database, so nothing can be changed here</translation>
    </message>
  </context>
  <context>
    <name>RecordDetail</name>
    <message>
      <location filename="../../desktop/pages/record_detail.py" line="+57" />
      <source>照片、扫描件和 PDF (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.pdf);;所有文件 (*)</source>
      <translation>Photos, scans and PDF (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.pdf);;All files (*)</translation>
    </message>
    <message>
      <location line="+2" />
      <source>行数</source>
      <translation>Rows</translation>
    </message>
    <message>
      <location line="+1" />
      <source>金额</source>
      <translation>Amount</translation>
    </message>
    <message>
      <location line="+1" />
      <source>数量</source>
      <translation>Quantity</translation>
    </message>
    <message>
      <location line="+1" />
      <source>人口</source>
      <translation>People</translation>
    </message>
    <message>
      <location line="+1" />
      <source>期初余额</source>
      <translation>Opening balance</translation>
    </message>
    <message>
      <location line="+1" />
      <source>收入</source>
      <translation>Income</translation>
    </message>
    <message>
      <location line="+1" />
      <source>支出</source>
      <translation>Expense</translation>
    </message>
    <message>
      <location line="+1" />
      <source>期末余额</source>
      <translation>Closing balance</translation>
    </message>
    <message>
      <location line="+1" />
      <source>总投资</source>
      <translation>Total investment</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+226" />
      <source>合计</source>
      <translation>Total</translation>
    </message>
    <message>
      <location line="-225" />
      <source>资金来源合计</source>
      <translation>Funding total</translation>
    </message>
    <message>
      <location line="+1" />
      <source>已到步骤</source>
      <translation>Reached step</translation>
    </message>
    <message>
      <location line="+36" />
      <source>，</source>
      <translation>, </translation>
    </message>
    <message>
      <location line="+2" />
      <source>（金额单位：%1）</source>
      <translation> (amounts in %1)</translation>
    </message>
    <message>
      <location line="+7" />
      <source>检查通过，没有发现问题。</source>
      <translation>The checks found no problems.</translation>
    </message>
    <message>
      <location line="+4" />
      <source>%1 处错误（须改正才能提交审核），%2 处提示</source>
      <translation>%1 errors (must be fixed before review), %2 warnings</translation>
    </message>
    <message>
      <location line="+7" />
      <source>……另有 %1 处</source>
      <translation>… and %1 more</translation>
    </message>
    <message>
      <location line="+31" />
      <source>记录概况</source>
      <translation>Record summary</translation>
    </message>
    <message>
      <location line="+3" />
      <location line="+30" />
      <location line="+69" />
      <source>附件</source>
      <translation>Attachments</translation>
    </message>
    <message>
      <location line="-95" />
      <source>添加照片/票据…</source>
      <translation>Add photo/receipt…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>把公示栏照片或票据扫描件存入本记录（张贴后也可添加）</source>
      <translation>Store a photo of the board or a scanned receipt with this record (also after posting)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>打开</source>
      <translation>Open</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+251" />
      <source>删除附件</source>
      <translation>Delete attachment</translation>
    </message>
    <message>
      <location line="-250" />
      <source>只有%1的记录可以删除附件</source>
      <translation>Attachments can be deleted only while the record is %1</translation>
    </message>
    <message>
      <location line="+5" />
      <location line="+18" />
      <location line="+75" />
      <source>群众意见</source>
      <translation>Questions</translation>
    </message>
    <message>
      <location line="-84" />
      <source>登记意见…</source>
      <translation>Record a question…</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+178" />
      <source>登记村民对这份公示提出的问题或异议</source>
      <translation>Record a villager's question or objection about this notice</translation>
    </message>
    <message>
      <location line="-177" />
      <source>答复…</source>
      <translation>Answer…</translation>
    </message>
    <message>
      <location line="+5" />
      <source>概况</source>
      <translation>Summary</translation>
    </message>
    <message>
      <location line="+56" />
      <source>选中一条记录，这里显示它的内容、检查结果、经过、附件和群众意见。</source>
      <translation>Select a record to see its content, check results, history, attachments and questions here.</translation>
    </message>
    <message>
      <location line="+14" />
      <source>附件（%1）</source>
      <translation>Attachments (%1)</translation>
    </message>
    <message>
      <location line="+3" />
      <source>群众意见（%1）</source>
      <translation>Questions (%1)</translation>
    </message>
    <message>
      <location line="+2" />
      <source>群众意见（%1，待答复 %2）</source>
      <translation>Questions (%1, %2 open)</translation>
    </message>
    <message>
      <location line="+9" />
      <source>事项</source>
      <translation>Item</translation>
    </message>
    <message>
      <location line="+1" />
      <source>期间</source>
      <translation>Period</translation>
    </message>
    <message>
      <location line="+0" />
      <source>%1（%2）</source>
      <translation>%1 (%2)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>类型</source>
      <translation>Type</translation>
    </message>
    <message>
      <location line="+1" />
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <location line="+1" />
      <source>起草人</source>
      <translation>Drafter</translation>
    </message>
    <message>
      <location line="+4" />
      <source>审核人</source>
      <translation>Reviewer</translation>
    </message>
    <message>
      <location line="+2" />
      <source>审核意见</source>
      <translation>Review opinion</translation>
    </message>
    <message>
      <location line="+2" />
      <source>退回理由</source>
      <translation>Reason for return</translation>
    </message>
    <message>
      <location line="+2" />
      <source>个工作日</source>
      <translation>working days</translation>
    </message>
    <message>
      <location line="+0" />
      <source>天</source>
      <translation>days</translation>
    </message>
    <message>
      <location line="+1" />
      <source>%1至%2（%3%4）</source>
      <translation>%1 to %2 (%3 %4)</translation>
    </message>
    <message>
      <location line="+3" />
      <source>公示期</source>
      <translation>Posting window</translation>
    </message>
    <message>
      <location line="+5" />
      <location line="+2" />
      <source>更正</source>
      <translation>Correction</translation>
    </message>
    <message>
      <location line="-2" />
      <source>本记录更正 #%1</source>
      <translation>This record corrects #%1</translation>
    </message>
    <message>
      <location line="+3" />
      <source>已被更正记录 #%1 取代</source>
      <translation>Superseded by correction #%1</translation>
    </message>
    <message>
      <location line="+3" />
      <source>（无标题）</source>
      <translation>(no title)</translation>
    </message>
    <message>
      <location line="+0" />
      <source>检查结果</source>
      <translation>Checks</translation>
    </message>
    <message>
      <location line="+0" />
      <source>经过</source>
      <translation>History</translation>
    </message>
    <message>
      <location line="+15" />
      <source>无法读取附件</source>
      <translation>Cannot read the attachments</translation>
    </message>
    <message>
      <location line="+26" />
      <source>无法读取群众意见</source>
      <translation>Cannot read the questions</translation>
    </message>
    <message>
      <location line="+19" />
      <source>添加附件</source>
      <translation>Add attachment</translation>
    </message>
    <message>
      <location line="+5" />
      <source>附件类型</source>
      <translation>Attachment type</translation>
    </message>
    <message>
      <location line="+0" />
      <source>“%1”是：</source>
      <translation>“%1” is:</translation>
    </message>
    <message>
      <location line="+7" />
      <source>未能添加附件</source>
      <translation>Attachment not added</translation>
    </message>
    <message>
      <location line="+15" />
      <location line="+3" />
      <source>无法打开附件</source>
      <translation>Cannot open the attachment</translation>
    </message>
    <message>
      <location line="-3" />
      <source>附件文件不见了：%1</source>
      <translation>The attachment's file is missing: %1</translation>
    </message>
    <message>
      <location line="+3" />
      <source>没有能打开这个文件的程序：%1</source>
      <translation>No program can open this file: %1</translation>
    </message>
    <message>
      <location line="+7" />
      <source>从记录中删除附件“%1”？</source>
      <translation>Delete the attachment “%1” from the record?</translation>
    </message>
    <message>
      <location line="+1" />
      <source>删除</source>
      <translation>Delete</translation>
    </message>
    <message>
      <location line="+5" />
      <source>不能删除附件</source>
      <translation>Cannot delete the attachment</translation>
    </message>
    <message>
      <location line="+16" />
      <source>公开记录 #%1“%2”</source>
      <translation>Record #%1 “%2”</translation>
    </message>
    <message>
      <source>审计记录</source>
      <translation>Audit trail</translation>
    </message>
    <message>
      <source>无法读取审计记录</source>
      <translation>Cannot read the audit trail</translation>
    </message>
    <message>
      <source>正在检查……</source>
      <translation>Checking…</translation>
    </message>
    <message>
      <source>用系统的看图或 PDF 程序打开（回车或双击）</source>
      <translation>Open with the system's image or PDF viewer (Enter or double click)</translation>
    </message>
    <message>
      <source>答复选中的意见（回车或双击）</source>
      <translation>Answer the selected question (Enter or double click)</translation>
    </message>
      <message>
      <source>资金用途合计</source>
      <translation>Uses total</translation>
    </message>
</context>
  <context>
    <name>RecordsPage</name>
    <message>
      <source>%3 #%1“%2”？删除后不能恢复。</source>
      <translation>%3 #%1 “%2”? This cannot be undone.</translation>
    </message>
    <message>
      <source>%2 #%1：已完成</source>
      <translation>%2 #%1: done</translation>
    </message>
    <message>
      <source>记录 #%1 %2</source>
      <translation>Record #%1: %2</translation>
    </message>
    <message>
      <source>%1，现为“%2”</source>
      <translation>%1; it is now “%2”</translation>
    </message>
    <message>
      <location filename="../../desktop/pages/records_page.py" line="98" />
      <source>新建</source>
      <translation>New</translation>
    </message>
    <message>
      <location line="+0" />
      <source>新建公开记录（Ctrl+N）</source>
      <translation>New record (Ctrl+N)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>编辑</source>
      <translation>Edit</translation>
    </message>
    <message>
      <location line="+0" />
      <location line="+260" />
      <source>编辑选中的记录（回车或双击）</source>
      <translation>Edit the selected record (Enter or double-click)</translation>
    </message>
    <message>
      <location line="-259" />
      <source>提交审核</source>
      <translation>Submit</translation>
    </message>
    <message>
      <location line="+0" />
      <source>交村务监督委员会审核；有错误的记录不能提交</source>
      <translation>Send to the supervision committee for review; records with errors cannot be submitted</translation>
    </message>
    <message>
      <location line="+2" />
      <source>审核通过</source>
      <translation>Approve</translation>
    </message>
    <message>
      <location line="+0" />
      <source>记录审核人、审核意见和日期</source>
      <translation>Record the reviewer, opinion and date</translation>
    </message>
    <message>
      <location line="+1" />
      <source>退回</source>
      <translation>Return</translation>
    </message>
    <message>
      <location line="+0" />
      <source>退回起草人修改，须写明理由</source>
      <translation>Return to the drafter for changes, with a reason</translation>
    </message>
    <message>
      <location line="+1" />
      <source>张贴公示</source>
      <translation>Post</translation>
    </message>
    <message>
      <location line="+0" />
      <source>记录公示开始日期和天数</source>
      <translation>Record the first day and the days posted</translation>
    </message>
    <message>
      <location line="+1" />
      <source>更正</source>
      <translation>Correct</translation>
    </message>
    <message>
      <location line="+0" />
      <location line="+264" />
      <source>已公示的记录有误：起草一份更正公告，公示后取代原记录</source>
      <translation>A posted record has a mistake: draft a correction notice that supersedes it once posted</translation>
    </message>
    <message>
      <location line="-262" />
      <location line="+406" />
      <location line="+1" />
      <source>归档</source>
      <translation>Archive</translation>
    </message>
    <message>
      <location line="-407" />
      <source>公示期已满的记录存入档案</source>
      <translation>File a record whose posting period has ended</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+419" />
      <source>删除草稿</source>
      <translation>Delete draft</translation>
    </message>
    <message>
      <location line="-419" />
      <source>删除从未提交审核的记录</source>
      <translation>Delete a record that was never submitted for review</translation>
    </message>
    <message>
      <location line="+2" />
      <source>刷新</source>
      <translation>Refresh</translation>
    </message>
    <message>
      <location line="+0" />
      <source>重新读取记录（F5）</source>
      <translation>Read the records again (F5)</translation>
    </message>
    <message>
      <location line="+17" />
      <source>标题、事项、期间或拼音首字母  Ctrl+F</source>
      <translation>Title, item, period, pinyin  Ctrl+F</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+25" />
      <source>搜索</source>
      <translation>Search</translation>
    </message>
    <message>
      <location line="-22" />
      <source>全部状态</source>
      <translation>All statuses</translation>
    </message>
    <message>
      <location line="+3" />
      <location line="+19" />
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <location line="-17" />
      <location line="+18" />
      <source>事项</source>
      <translation>Item</translation>
    </message>
    <message>
      <location line="-13" />
      <source>如 2026-M10</source>
      <translation>e.g. 2026-M10</translation>
    </message>
    <message>
      <location line="+1" />
      <source>期间：2026-M10（月）、2026-Q3（季度）、2026（年）或 2026-07-18（事项日期）</source>
      <translation>Period: 2026-M10 (month), 2026-Q3 (quarter), 2026 (year) or 2026-07-18 (event date)</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+11" />
      <source>期间</source>
      <translation>Period</translation>
    </message>
    <message>
      <location line="-8" />
      <source>全部类型</source>
      <translation>All types</translation>
    </message>
    <message>
      <location line="+3" />
      <location line="+6" />
      <source>类型</source>
      <translation>Type</translation>
    </message>
    <message>
      <location line="+20" />
      <source>公开记录</source>
      <translation>Records</translation>
    </message>
    <message>
      <location line="+45" />
      <source>无法读取目录</source>
      <translation>Cannot read the catalog</translation>
    </message>
    <message>
      <location line="+4" />
      <source>全部事项</source>
      <translation>All items</translation>
    </message>
    <message>
      <location line="+35" />
      <source>无法读取公开记录</source>
      <translation>Cannot read the records</translation>
    </message>
    <message>
      <location line="+13" />
      <source>共 %1 条</source>
      <translation>%1 records</translation>
    </message>
    <message>
      <location line="+1" />
      <source>没有符合条件的记录</source>
      <translation>No matching records</translation>
    </message>
    <message>
      <location line="+61" />
      <source>无法读取记录</source>
      <translation>Cannot read the record</translation>
    </message>
    <message>
      <location line="+28" />
      <source>已新建记录 #%1 %2</source>
      <translation>Created record #%1 %2</translation>
    </message>
    <message>
      <location line="+17" />
      <source>……另有 %1 处</source>
      <translation>… and %1 more</translation>
    </message>
    <message>
      <location line="+1" />
      <source>请打开编辑器改正标为“错误”的内容后再提交；“提示”不影响提交。</source>
      <translation>Open the editor and fix what is marked “错误” (error), then submit again; warnings (“提示”) do not block it.</translation>
    </message>
    <message>
      <location line="+20" />
      <source>不能提交审核</source>
      <translation>Cannot submit</translation>
    </message>
    <message>
      <location line="+3" />
      <source>记录 #%1 已提交审核</source>
      <translation>Record #%1 submitted for review</translation>
    </message>
    <message>
      <location line="+7" />
      <source>#%1 %2
%3 · %4 · 起草人：%5</source>
      <translation>#%1 %2
%3 · %4 · drafted by %5</translation>
    </message>
    <message>
      <location line="+10" />
      <source>记录 #%1 审核通过</source>
      <translation>Record #%1 approved</translation>
    </message>
    <message>
      <location line="+10" />
      <source>记录 #%1 退回起草人修改</source>
      <translation>Record #%1 returned to the drafter</translation>
    </message>
    <message>
      <location line="+11" />
      <source>无法读取事项</source>
      <translation>Cannot read the item</translation>
    </message>
    <message>
      <location line="+12" />
      <source>记录 #%1 已张贴公示</source>
      <translation>Record #%1 posted</translation>
    </message>
    <message>
      <location line="+10" />
      <source>不能更正</source>
      <translation>Cannot correct</translation>
    </message>
    <message>
      <location line="+2" />
      <source>已起草更正记录 #%1，公示后取代原记录</source>
      <translation>Drafted correction #%1; it supersedes the original once posted</translation>
    </message>
    <message>
      <location line="+7" />
      <source>把记录 #%1“%2”存入档案？归档后不再出现在待办中。</source>
      <translation>File record #%1 “%2” in the archive? It no longer appears in the to-do list.</translation>
    </message>
    <message>
      <location line="+6" />
      <source>不能归档</source>
      <translation>Cannot archive</translation>
    </message>
    <message>
      <location line="+2" />
      <source>记录 #%1 存入档案</source>
      <translation>Record #%1 filed</translation>
    </message>
    <message>
      <location line="+6" />
      <source>删除草稿 #%1“%2”？删除后不能恢复。</source>
      <translation>Delete draft #%1 “%2”? This cannot be undone.</translation>
    </message>
    <message>
      <location line="+1" />
      <source>删除</source>
      <translation>Delete</translation>
    </message>
    <message>
      <location line="+5" />
      <source>不能删除</source>
      <translation>Cannot delete</translation>
    </message>
    <message>
      <location line="+7" />
      <source>已删除草稿 #%1</source>
      <translation>Deleted draft #%1</translation>
    </message>
    <message>
      <location filename="../../desktop/pages/records_page.py" line="434" />
      <source>已提交审核</source>
      <translation>Submitted for review</translation>
    </message>
    <message>
      <location filename="../../desktop/pages/records_page.py" line="434" />
      <source>记录 #%1 已提交审核。以下内容含身份证号、银行卡号或电话号码，张贴的公告上将打码（完整号码只印在内部资料上）：</source>
      <translation>Record #%1 was submitted for review. The following contain ID, bank card or phone numbers, which will be masked on the posted notice (full numbers print only on the internal copy):</translation>
    </message>
    <message>
      <source>投劳折资（元）</source>
      <translation>Labour value (yuan)</translation>
    </message>
  </context>
  <context>
    <name>ResetPasswordDialog</name>
    <message>
      <source>重设密码</source>
      <translation>Reset password</translation>
    </message>
    <message>
      <source>至少 8 个字符</source>
      <translation>At least 8 characters</translation>
    </message>
    <message>
      <source>账户</source>
      <translation>Account</translation>
    </message>
    <message>
      <source>新密码</source>
      <translation>New password</translation>
    </message>
    <message>
      <source>确认密码</source>
      <translation>Repeat password</translation>
    </message>
    <message>
      <source>重设</source>
      <translation>Reset</translation>
    </message>
    <message>
      <source>两次输入的密码不一致</source>
      <translation>The two passwords differ</translation>
    </message>
    <message>
      <source>未能重设密码</source>
      <translation>Could not reset the password</translation>
    </message>
  </context>
  <context>
    <name>ReturnDialog</name>
    <message>
      <location filename="../../desktop/editors/workflow_dialogs.py" line="-80" />
      <source>退回</source>
      <translation>Return</translation>
    </message>
    <message>
      <location line="+1" />
      <source>退回修改</source>
      <translation>Return for changes</translation>
    </message>
    <message>
      <location line="+1" />
      <source>未能退回</source>
      <translation>Not returned</translation>
    </message>
    <message>
      <location line="+3" />
      <source>村务监督委员会成员姓名</source>
      <translation>Name of a supervision committee member</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+6" />
      <source>退回人</source>
      <translation>Returned by</translation>
    </message>
    <message>
      <location line="-3" />
      <source>写明需要修改的地方，如：第 3 行金额与票据不符</source>
      <translation>Say what must change, e.g. the amount in row 3 does not match the receipt</translation>
    </message>
    <message>
      <location line="+4" />
      <source>退回理由</source>
      <translation>Reason for return</translation>
    </message>
    <message>
      <location line="+1" />
      <source>日期</source>
      <translation>Date</translation>
    </message>
  </context>
  <context>
    <name>Roles</name>
    <message>
      <source>文书</source>
      <translation>Clerk</translation>
    </message>
    <message>
      <source>监委会</source>
      <translation>Supervision committee</translation>
    </message>
    <message>
      <source>村干部</source>
      <translation>Village officer</translation>
    </message>
    <message>
      <source>乡镇</source>
      <translation>Township</translation>
    </message>
  </context>
  <context>
    <name>RosterColumns</name>
    <message>
      <location filename="../../desktop/qtmodels/roster_model.py" line="+42" />
      <source>村民小组</source>
      <translation>Group</translation>
    </message>
    <message>
      <location line="+1" />
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <location line="+1" />
      <source>身份证号</source>
      <translation>ID number</translation>
    </message>
    <message>
      <location line="+1" />
      <source>家庭人口（人）</source>
      <translation>Household (persons)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>数量</source>
      <translation>Quantity</translation>
    </message>
    <message>
      <location line="+1" />
      <source>标准（元）</source>
      <translation>Rate (yuan)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>金额（元）</source>
      <translation>Amount (yuan)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>备注</source>
      <translation>Remark</translation>
    </message>
    <message>
      <location line="+1" />
      <source>银行卡号</source>
      <translation>Bank card</translation>
    </message>
    <message>
      <location line="+1" />
      <source>开户行</source>
      <translation>Bank branch</translation>
    </message>
    <message>
      <location line="+1" />
      <source>联系电话</source>
      <translation>Phone</translation>
    </message>
    <message>
      <location line="+1" />
      <source>家庭住址</source>
      <translation>Address</translation>
    </message>
    <message>
      <location line="+1" />
      <source>面积（亩）</source>
      <translation>Area (mu)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>补贴标准（元/亩）</source>
      <translation>Rate (yuan/mu)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>补贴金额（元）</source>
      <translation>Subsidy (yuan)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>保障人口（人）</source>
      <translation>Persons covered</translation>
    </message>
    <message>
      <location line="+1" />
      <source>保障类别</source>
      <translation>Category</translation>
    </message>
    <message>
      <location line="+1" />
      <source>月保障金（元）</source>
      <translation>Monthly benefit (yuan)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>救助事由</source>
      <translation>Reason for relief</translation>
    </message>
    <message>
      <location line="+1" />
      <source>救助金额（元）</source>
      <translation>Relief (yuan)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>改造方式</source>
      <translation>Renovation type</translation>
    </message>
    <message>
      <location line="+1" />
      <source>补助金额（元）</source>
      <translation>Grant (yuan)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>残疾类别</source>
      <translation>Disability type</translation>
    </message>
    <message>
      <location line="+1" />
      <source>残疾等级</source>
      <translation>Disability grade</translation>
    </message>
    <message>
      <location line="+1" />
      <source>补贴类型</source>
      <translation>Subsidy type</translation>
    </message>
    <message>
      <location line="+1" />
      <source>补贴金额（元/月）</source>
      <translation>Subsidy (yuan/month)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>供养方式</source>
      <translation>Type of support</translation>
    </message>
    <message>
      <location line="+1" />
      <source>供养金额（元）</source>
      <translation>Support (yuan)</translation>
    </message>
  </context>
  <context>
    <name>RosterColumnsDialog</name>
    <message>
      <location filename="../../desktop/editors/roster_columns_dialog.py" line="+49" />
      <source>（不公示）</source>
      <translation> (not posted)</translation>
    </message>
    <message>
      <location line="+30" />
      <source>必填列，不能去掉</source>
      <translation>Required column; it cannot be removed</translation>
    </message>
    <message>
      <location line="+2" />
      <source>只留在内部名单中，打印公告时不打印</source>
      <translation>Kept in the internal roster only; not printed on the posted notice</translation>
    </message>
    <message>
      <location line="+2" />
      <source>自定义列（文字）</source>
      <translation>Custom column (text)</translation>
    </message>
    <message>
      <location line="+77" />
      <source>列设置</source>
      <translation>Columns</translation>
    </message>
    <message>
      <location line="+7" />
      <source>勾选的列显示在名单中，顺序即打印顺序。标有“（不公示）”的列只留在内部名单中，打印公告时不打印。</source>
      <translation>Ticked columns are shown in the roster, in printing order. Columns marked (not posted) stay in the internal roster and are not printed on the notice.</translation>
    </message>
    <message>
      <location line="+4" />
      <source>名单的列</source>
      <translation>Roster columns</translation>
    </message>
    <message>
      <location line="+3" />
      <source>列(&amp;C)：</source>
      <translation>&amp;Columns:</translation>
    </message>
    <message>
      <location line="+3" />
      <source>上移(&amp;U)</source>
      <translation>Move &amp;up</translation>
    </message>
    <message>
      <location line="+1" />
      <source>把所选列左移一位（Alt+↑）</source>
      <translation>Move the selected column one place left (Alt+↑)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>下移(&amp;D)</source>
      <translation>Move &amp;down</translation>
    </message>
    <message>
      <location line="+1" />
      <source>把所选列右移一位（Alt+↓）</source>
      <translation>Move the selected column one place right (Alt+↓)</translation>
    </message>
    <message>
      <location line="+10" />
      <source>标准列</source>
      <translation>Standard column</translation>
    </message>
    <message>
      <location line="+1" />
      <source>添加标准列(&amp;S)</source>
      <translation>Add &amp;standard column</translation>
    </message>
    <message>
      <location line="+3" />
      <source>列名，如：保障类别</source>
      <translation>Column name, e.g. 保障类别</translation>
    </message>
    <message>
      <location line="+1" />
      <source>添加自定义列(&amp;A)</source>
      <translation>&amp;Add custom column</translation>
    </message>
    <message>
      <location line="+2" />
      <source>名单预设</source>
      <translation>Roster preset</translation>
    </message>
    <message>
      <location line="+5" />
      <source>按预设重置(&amp;R)</source>
      <translation>&amp;Reset to preset</translation>
    </message>
    <message>
      <location line="+17" />
      <source>确定</source>
      <translation>OK</translation>
    </message>
    <message>
      <location line="+1" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location line="+62" />
      <source>请先输入自定义列的列名</source>
      <translation>Type the custom column's name first</translation>
    </message>
    <message>
      <location line="+5" />
      <source>已有名为“%1”的列</source>
      <translation>There is already a column named “%1”</translation>
    </message>
    <message>
      <location line="+41" />
      <source>· %1：%2 行有数据</source>
      <translation>· %1: %2 rows have data</translation>
    </message>
    <message>
      <location line="+3" />
      <source>去掉有数据的列？</source>
      <translation>Remove columns that hold data?</translation>
    </message>
    <message>
      <location line="+1" />
      <source>以下列中已填写的内容将从名单中删除（保存前可按 Ctrl+Z 撤销）：
%1</source>
      <translation>What was entered in these columns will be deleted from the roster (Ctrl+Z undoes it before saving):
%1</translation>
    </message>
    <message>
      <location line="+1" />
      <source>去掉这些列</source>
      <translation>Remove these columns</translation>
    </message>
    <message>
      <source>列名</source>
      <translation>Column name</translation>
    </message>
    <message>
      <source>单位</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>类型</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>合计行求和(&amp;T)</source>
      <translation>Sum in the &amp;total row</translation>
    </message>
    <message>
      <source>不同品种（如尿素、复合肥）相加没有意义时不要勾选</source>
      <translation>Leave unticked where a sum means nothing (e.g. urea plus compound fertiliser)</translation>
    </message>
    <message>
      <source>仅内部留存，不公示(&amp;I)</source>
      <translation>&amp;Internal only, never posted</translation>
    </message>
    <message>
      <source>修改所选列(&amp;E)</source>
      <translation>&amp;Edit selected column</translation>
    </message>
    <message>
      <source>列名(&amp;N)：</source>
      <translation>Column &amp;name:</translation>
    </message>
    <message>
      <source>单位：</source>
      <translation>Unit:</translation>
    </message>
    <message>
      <source>类型：</source>
      <translation>Type:</translation>
    </message>
    <message>
      <source>列名不能为空</source>
      <translation>The column name cannot be empty</translation>
    </message>
  </context>
  <context>
    <name>RosterEditor</name>
    <message>
      <source>正在载入名单……</source>
      <translation>Loading the roster…</translation>
    </message>
    <message>
      <location filename="../../desktop/editors/kind_editors/roster_editor.py" line="+34" />
      <source>插入行</source>
      <translation>Insert row</translation>
    </message>
    <message>
      <location line="+1" />
      <source>在当前行上方插入一行（Ctrl+Insert）</source>
      <translation>Insert a row above the current one (Ctrl+Insert)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>删除行</source>
      <translation>Delete rows</translation>
    </message>
    <message>
      <location line="+1" />
      <source>删除所选行（Ctrl+Delete），可撤销</source>
      <translation>Delete the selected rows (Ctrl+Delete); can be undone</translation>
    </message>
    <message>
      <location line="+1" />
      <source>从表格文件导入…</source>
      <translation>Import from a spreadsheet…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>从 Excel/WPS 表格（.xlsx、.xls、.ods）或 CSV 文件导入名单（Ctrl+I）</source>
      <translation>Import the roster from an Excel/WPS workbook (.xlsx, .xls, .ods) or a CSV file (Ctrl+I)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>列设置…</source>
      <translation>Columns…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>添加、去掉或调整名单的列（Ctrl+Shift+L）</source>
      <translation>Add, remove or reorder the roster's columns (Ctrl+Shift+L)</translation>
    </message>
    <message>
      <location line="+4" />
      <source>直接输入即可编辑 · Enter 下移 · Tab 右移 · Ctrl+V 粘贴 Excel 区域 · Delete 清除 · Ctrl+Tab 离开表格</source>
      <translation>Type to edit · Enter down · Tab right · Ctrl+V pastes an Excel range · Delete clears · Ctrl+Tab leaves the table</translation>
    </message>
    <message>
      <location line="+15" />
      <source>名单</source>
      <translation>Roster</translation>
    </message>
    <message>
      <location line="+93" />
      <source>第 %1 行</source>
      <translation>Row %1</translation>
    </message>
    <message>
      <location line="+1" />
      <source>第 %1 行“%2”</source>
      <translation>Row %1, %2</translation>
    </message>
    <message>
      <location line="+7" />
      <source>户数（行数）：%1</source>
      <translation>Households (rows): %1</translation>
    </message>
    <message>
      <location line="+3" />
      <source>合计金额：%1 %2</source>
      <translation>Total amount: %1 %2</translation>
    </message>
    <message>
      <location line="+1" />
      <source>元</source>
      <translation>yuan</translation>
    </message>
    <message>
      <location line="+6" />
      <source>合计%1：%2 %3</source>
      <translation>Total %1: %2 %3</translation>
    </message>
    <message>
      <location line="+5" />
      <source>合计人口：%1 人</source>
      <translation>Total persons: %1</translation>
    </message>
    <message>
      <location line="+64" />
      <source>列设置</source>
      <translation>Columns</translation>
    </message>
    <message>
      <location line="+8" />
      <source>导入名单（替换）</source>
      <translation>Import roster (replace)</translation>
    </message>
    <message>
      <location line="+4" />
      <source>导入名单（追加）</source>
      <translation>Import roster (append)</translation>
    </message>
    <message>
      <source>%2数（行数）：%1</source>
      <translation>Rows (%2): %1</translation>
    </message>
  </context>
  <context>
    <name>RosterImportDialog</name>
    <message>
      <location filename="../../desktop/editors/roster_import_dialog.py" line="+145" />
      <source>从表格导入名单</source>
      <translation>Import a roster from a spreadsheet</translation>
    </message>
    <message>
      <location line="+11" />
      <source>尚未选择文件</source>
      <translation>No file chosen</translation>
    </message>
    <message>
      <location line="+2" />
      <source>选择文件(&amp;F)…</source>
      <translation>Choose &amp;file…</translation>
    </message>
    <message>
      <location line="+3" />
      <source>文件：</source>
      <translation>File:</translation>
    </message>
    <message>
      <location line="+11" />
      <source>停止读取</source>
      <translation>Stop reading</translation>
    </message>
    <message>
      <location line="+27" />
      <source>列对应（名单列 ← 文件中的列）</source>
      <translation>Columns (roster column ← column in the file)</translation>
    </message>
    <message>
      <location line="+13" />
      <source>预览（前 %1 行，左侧为文件中的行号）</source>
      <translation>Preview (first %1 rows; the file's row numbers on the left)</translation>
    </message>
    <message>
      <location line="+6" />
      <location line="+1" />
      <source>发现的问题</source>
      <translation>Problems found</translation>
    </message>
    <message>
      <location line="+20" />
      <source>替换现有的 %1 行(&amp;R)</source>
      <translation>&amp;Replace the %1 existing rows</translation>
    </message>
    <message>
      <location line="+1" />
      <source>追加到现有 %1 行之后(&amp;A)</source>
      <translation>&amp;Append after the %1 existing rows</translation>
    </message>
    <message>
      <location line="+5" />
      <source>仍然导入，在名单表格中逐行改正错误(&amp;E)</source>
      <translation>Import anyway and correct the &amp;errors in the roster</translation>
    </message>
    <message>
      <location line="+12" />
      <location line="+216" />
      <source>导入</source>
      <translation>Import</translation>
    </message>
    <message>
      <location line="-214" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location line="+3" />
      <source>确认前不会改动任何内容；导入的行在保存记录（Ctrl+S）后才写入，Ctrl+Z 可撤销导入</source>
      <translation>Nothing changes before you confirm; imported rows are stored when you save the record (Ctrl+S), and Ctrl+Z undoes the import</translation>
    </message>
    <message>
      <location line="+16" />
      <source>选择名单文件</source>
      <translation>Choose a roster file</translation>
    </message>
    <message>
      <location line="+1" />
      <source>表格文件 (*.xlsx *.xlsm *.xls *.et *.ods *.csv);;Excel 工作簿 (*.xlsx *.xls);;OpenDocument 表格 (*.ods);;CSV 文件 (*.csv)</source>
      <translation>Spreadsheets (*.xlsx *.xlsm *.xls *.et *.ods *.csv);;Excel workbooks (*.xlsx *.xls);;OpenDocument spreadsheets (*.ods);;CSV files (*.csv)</translation>
    </message>
    <message>
      <location line="+39" />
      <source>正在读取 %1 …</source>
      <translation>Reading %1 …</translation>
    </message>
    <message>
      <location line="+10" />
      <source>已停止读取</source>
      <translation>Reading stopped</translation>
    </message>
    <message>
      <location line="+15" />
      <source>无法读取文件：%1</source>
      <translation>Cannot read the file: %1</translation>
    </message>
    <message>
      <location line="+46" />
      <source>（不导入）</source>
      <translation>(not imported)</translation>
    </message>
    <message>
      <location line="+43" />
      <source>发现的问题：错误 %1 处，提示 %2 处</source>
      <translation>Problems found: %1 errors, %2 warnings</translation>
    </message>
    <message>
      <location line="+4" />
      <source>读取 %1 行（%5 第 %2–%3 行），合计金额 %4 元。</source>
      <translation>Read %1 rows (rows %2–%3 of %5), total amount %4 yuan. </translation>
    </message>
    <message>
      <location line="+4" />
      <source>第 %1 行的合计行未导入。</source>
      <translation>The total line in row %1 was not imported. </translation>
    </message>
    <message>
      <location line="+2" />
      <source>没有读到数据行。</source>
      <translation>No data rows were read. </translation>
    </message>
    <message>
      <location line="+2" />
      <source>文件中有 %1 处错误：请在原文件中改正后重新选择文件，或勾选“仍然导入”后在名单中改正。</source>
      <translation>The file has %1 errors: correct them in the file and choose the file again, or tick “Import anyway” and correct them in the roster.</translation>
    </message>
    <message>
      <location line="+4" />
      <source>提示：%1</source>
      <translation>Warning: %1</translation>
    </message>
    <message>
      <location line="+11" />
      <source>导入 %1 行</source>
      <translation>Import %1 rows</translation>
    </message>
  </context>
  <context>
    <name>RosterModel</name>
    <message>
      <location filename="../../desktop/qtmodels/roster_model.py" line="+38" />
      <source>%1（内部留存，公示时不打印或打码）</source>
      <translation>%1 (kept internally; not printed, or masked, on the posted notice)</translation>
    </message>
    <message>
      <location line="+110" />
      <source>列设置</source>
      <translation>Columns</translation>
    </message>
    <message>
      <location line="+101" />
      <source>自动计算：%1 × %2 = %3（四舍五入到分）</source>
      <translation>Computed: %1 × %2 = %3 (rounded to the fen)</translation>
    </message>
  </context>
  <context>
    <name>RosterPresets</name>
    <message>
      <location line="-244" />
      <source>耕地地力保护补贴</source>
      <translation>Cultivated land fertility subsidy</translation>
    </message>
    <message>
      <location line="+1" />
      <source>低保</source>
      <translation>Minimum living allowance (dibao)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>临时救助</source>
      <translation>Temporary assistance</translation>
    </message>
    <message>
      <location line="+1" />
      <source>危房改造</source>
      <translation>Dilapidated housing renovation</translation>
    </message>
    <message>
      <location line="+1" />
      <source>残疾人两项补贴</source>
      <translation>Two disability allowances</translation>
    </message>
    <message>
      <location line="+1" />
      <source>特困供养</source>
      <translation>Support for the extremely poor</translation>
    </message>
    <message>
      <location line="+1" />
      <source>通用名单</source>
      <translation>General roster</translation>
    </message>
    <message>
      <source>资金安排表</source>
      <translation>Fund allocation table</translation>
    </message>
    <message>
      <source>奖补资金分配表</source>
      <translation>Reward allocation table</translation>
    </message>
    <message>
      <source>分乡镇补贴表</source>
      <translation>Subsidy by township</translation>
    </message>
  </context>
  <context>
    <name>SingleInstance</name>
    <message>
      <source>数据库 %1 已在另一个窗口中打开（%2）。</source>
      <translation>The database %1 is already open in another window (%2).</translation>
    </message>
    <message>
      <source>两个窗口同时修改同一批记录容易互相覆盖。可以切换到已打开的窗口继续工作，或以只读方式打开（只能查看和打印，不能修改）。</source>
      <translation>Two windows changing the same records easily overwrite each other. Switch to the open window to go on working there, or open read-only (view and print, no changes).</translation>
    </message>
    <message>
      <source>切换到已打开的窗口</source>
      <translation>Switch to the open window</translation>
    </message>
    <message>
      <source>退出</source>
      <translation>Quit</translation>
    </message>
    <message>
      <source>只读打开</source>
      <translation>Open read-only</translation>
    </message>
    <message>
      <source>数据库已打开</source>
      <translation>Database already open</translation>
    </message>
    <message>
      <source>无法切换</source>
      <translation>Cannot switch</translation>
    </message>
    <message>
      <source>已打开的窗口没有响应（可能在另一台计算机上，或正忙）。请直接切换到那个窗口，或以只读方式打开。</source>
      <translation>The open window does not answer (it may be on another computer, or busy). Switch to it yourself, or open read-only.</translation>
    </message>
  </context>
  <context>
    <name>TemplatePage</name>
    <message>
      <location filename="../../desktop/wizard.py" line="+92" />
      <source>公开事项目录</source>
      <translation>Disclosure catalog</translation>
    </message>
    <message>
      <location line="+1" />
      <source>选一个随程序提供的目录模板作为起点，以后可逐项修改；也可以从空目录开始。</source>
      <translation>Start from a shipped catalog template and change it item by item later, or start with an empty catalog.</translation>
    </message>
    <message>
      <location line="+19" />
      <source>无法读取目录模板</source>
      <translation>Cannot read the catalog templates</translation>
    </message>
    <message>
      <location line="+3" />
      <source>%1（%2 项）</source>
      <translation>%1 (%2 items)</translation>
    </message>
    <message>
      <location line="+4" />
      <source>空目录（以后导入 xlsx 或逐项添加）</source>
      <translation>Empty catalog (import an xlsx or add items later)</translation>
    </message>
    <message>
      <location line="+8" />
      <source>点“完成”后，将在以下位置创建数据库：
%1</source>
      <translation>Finish creates the database at:
%1</translation>
    </message>
  </context>
  <context>
    <name>TimingEditor</name>
    <message>
      <location filename="../../desktop/editors/timing_editor.py" line="+26" />
      <source>按月</source>
      <translation>Monthly</translation>
    </message>
    <message>
      <location line="+1" />
      <source>按季度</source>
      <translation>Quarterly</translation>
    </message>
    <message>
      <location line="+1" />
      <source>按年</source>
      <translation>Yearly</translation>
    </message>
    <message>
      <location line="+1" />
      <source>限期（事项发生后 N 日内）</source>
      <translation>Within N days of the event</translation>
    </message>
    <message>
      <location line="+1" />
      <source>随时</source>
      <translation>Immediately</translation>
    </message>
    <message>
      <location line="+1" />
      <source>按项目阶段</source>
      <translation>Per project stage</translation>
    </message>
    <message>
      <location line="+28" />
      <source>公开时限类型</source>
      <translation>Timing kind</translation>
    </message>
    <message>
      <location line="+4" />
      <location line="+5" />
      <source>不定</source>
      <translation>any</translation>
    </message>
    <message>
      <location line="-4" />
      <source>月</source>
      <translation> (month)</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+17" />
      <source>月份</source>
      <translation>Month</translation>
    </message>
    <message>
      <location line="-13" />
      <source>日前</source>
      <translation> (day)</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+13" />
      <source>公开日</source>
      <translation>Due day</translation>
    </message>
    <message>
      <location line="-11" />
      <source>本年度</source>
      <translation>This year</translation>
    </message>
    <message>
      <location line="+1" />
      <source>上年度</source>
      <translation>Previous year</translation>
    </message>
    <message>
      <location line="+1" />
      <source>公开哪一年度</source>
      <translation>Which year is disclosed</translation>
    </message>
    <message>
      <location line="+4" />
      <source>日内</source>
      <translation> days</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+6" />
      <source>天数</source>
      <translation>Days</translation>
    </message>
    <message>
      <location line="-5" />
      <source>工作日</source>
      <translation>Working days</translation>
    </message>
    <message>
      <location line="+4" />
      <source>年度</source>
      <translation>Year</translation>
    </message>
    <message>
      <location line="+11" />
      <location line="+17" />
      <source>印刷措辞</source>
      <translation>Printed wording</translation>
    </message>
    <message>
      <location line="-16" />
      <source>与上面的规则一致时留空即可</source>
      <translation>Leave empty to print the rule above</translation>
    </message>
    <message>
      <location line="+1" />
      <source>用默认措辞</source>
      <translation>Use default wording</translation>
    </message>
    <message>
      <location line="+12" />
      <source>规则：</source>
      <translation>Rule:</translation>
    </message>
    <message>
      <location line="+101" />
      <source>（规则不完整：%1）</source>
      <translation>(incomplete rule: %1)</translation>
    </message>
  </context>
  <context>
    <name>TodoModels</name>
    <message numerus="yes">
      <location filename="../../desktop/qtmodels/todo_models.py" line="+18" />
      <source>%n 天</source>
      <translation>
        <numerusform>%n day</numerusform>
        <numerusform>%n days</numerusform>
      </translation>
    </message>
    <message>
      <location line="+67" />
      <location line="+28" />
      <location line="+30" />
      <source>事项</source>
      <translation>Item</translation>
    </message>
    <message>
      <location line="-57" />
      <location line="+28" />
      <source>期间</source>
      <translation>Period</translation>
    </message>
    <message>
      <location line="-27" />
      <location line="+28" />
      <source>应公开日期</source>
      <translation>Due</translation>
    </message>
    <message>
      <location line="-27" />
      <location line="+98" />
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <location line="-97" />
      <location line="+28" />
      <location line="+65" />
      <source>公开记录</source>
      <translation>Record</translation>
    </message>
    <message>
      <location line="-87" />
      <source>%1（晚 %2）</source>
      <translation>%1 (%2 late)</translation>
    </message>
    <message>
      <location line="+2" />
      <location line="+107" />
      <source>%1（%2）</source>
      <translation>%1 (%2)</translation>
    </message>
    <message>
      <location line="-128" />
      <source>回车或双击打开记录</source>
      <translation>Enter or double-click opens the record</translation>
    </message>
    <message>
      <location line="+0" />
      <source>回车或双击新建公开记录</source>
      <translation>Enter or double-click starts a new record</translation>
    </message>
    <message>
      <location line="+40" />
      <source>逾期天数</source>
      <translation>Days late</translation>
    </message>
    <message>
      <location line="+14" />
      <source>未起草</source>
      <translation>Not drafted</translation>
    </message>
    <message>
      <location line="+2" />
      <source>#%1，%2公示</source>
      <translation>#%1, posted %2</translation>
    </message>
    <message>
      <location line="+1" />
      <source>#%1，未公示</source>
      <translation>#%1, not posted</translation>
    </message>
    <message>
      <location line="+8" />
      <source>编号</source>
      <translation>No.</translation>
    </message>
    <message>
      <location line="+1" />
      <source>标题</source>
      <translation>Title</translation>
    </message>
    <message>
      <location line="+2" />
      <source>公示期</source>
      <translation>Posting window</translation>
    </message>
    <message>
      <location line="+1" />
      <source>剩余</source>
      <translation>Left</translation>
    </message>
    <message>
      <location line="+12" />
      <source>%1至%2</source>
      <translation>%1 to %2</translation>
    </message>
    <message>
      <location line="+4" />
      <source>今天结束</source>
      <translation>Ends today</translation>
    </message>
    <message>
      <location line="+1" />
      <source>还剩 %1</source>
      <translation>%1 left</translation>
    </message>
    <message>
      <location line="+19" />
      <source>收到日期</source>
      <translation>Received</translation>
    </message>
    <message>
      <location line="+2" />
      <source>反映人</source>
      <translation>Raised by</translation>
    </message>
    <message>
      <location line="+1" />
      <source>意见内容</source>
      <translation>Question</translation>
    </message>
    <message>
      <location line="+1" />
      <source>答复期限</source>
      <translation>Answer due</translation>
    </message>
    <message>
      <location line="+2" />
      <source>答复</source>
      <translation>Answer</translation>
    </message>
    <message>
      <location line="+9" />
      <source>（未留名）</source>
      <translation>(anonymous)</translation>
    </message>
    <message>
      <location line="+19" />
      <source>答复：%1</source>
      <translation>Answer: %1</translation>
    </message>
  </context>
  <context>
    <name>TodoPage</name>
    <message>
      <location filename="../../desktop/pages/todo_page.py" line="-296" />
      <source>星期一</source>
      <translation>Monday</translation>
    </message>
    <message>
      <location line="+1" />
      <source>星期二</source>
      <translation>Tuesday</translation>
    </message>
    <message>
      <location line="+1" />
      <source>星期三</source>
      <translation>Wednesday</translation>
    </message>
    <message>
      <location line="+1" />
      <source>星期四</source>
      <translation>Thursday</translation>
    </message>
    <message>
      <location line="+1" />
      <source>星期五</source>
      <translation>Friday</translation>
    </message>
    <message>
      <location line="+1" />
      <source>星期六</source>
      <translation>Saturday</translation>
    </message>
    <message>
      <location line="+1" />
      <source>星期日</source>
      <translation>Sunday</translation>
    </message>
    <message>
      <location line="+44" />
      <source>%1（%2）</source>
      <translation>%1 (%2)</translation>
    </message>
    <message>
      <location line="+28" />
      <source>新建公开记录…</source>
      <translation>New record…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>新建公开记录（Ctrl+N）</source>
      <translation>New record (Ctrl+N)</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+61" />
      <source>刷新</source>
      <translation>Refresh</translation>
    </message>
    <message>
      <location line="-60" />
      <source>重新计算待办（F5）</source>
      <translation>Recompute the to-do list (F5)</translation>
    </message>
    <message>
      <location line="+16" />
      <source>录入节假日…</source>
      <translation>Enter holidays…</translation>
    </message>
    <message>
      <location line="+2" />
      <source>录入国务院公布的放假和调休上班日期</source>
      <translation>Enter the holidays and make-up working days the State Council announced</translation>
    </message>
    <message>
      <location line="+7" />
      <source>本月没有应公开的事项。</source>
      <translation>Nothing is due this month.</translation>
    </message>
    <message>
      <location line="+2" />
      <location line="+88" />
      <source>本月应公开</source>
      <translation>Due this month</translation>
    </message>
    <message>
      <location line="-86" />
      <source>没有逾期未公开的事项。</source>
      <translation>Nothing is overdue.</translation>
    </message>
    <message>
      <location line="+3" />
      <location line="+85" />
      <source>逾期未公开</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <location line="-83" />
      <source>三天内没有公示期届满的公告。</source>
      <translation>No posting window ends within three days.</translation>
    </message>
    <message>
      <location line="+3" />
      <location line="+83" />
      <source>公示即将结束</source>
      <translation>Posting ends soon</translation>
    </message>
    <message>
      <location line="-81" />
      <source>没有待答复的村民意见。</source>
      <translation>No villagers' questions await an answer.</translation>
    </message>
    <message>
      <location line="+3" />
      <location line="+82" />
      <source>待答复的村民意见</source>
      <translation>Questions awaiting an answer</translation>
    </message>
    <message>
      <location line="-25" />
      <source>无法计算待办</source>
      <translation>Cannot compute the to-do list</translation>
    </message>
    <message>
      <location line="+3" />
      <source>今天是%1 %2</source>
      <translation>Today is %2, %1</translation>
    </message>
    <message>
      <location line="+14" />
      <source>其中尚未公开 %1 项</source>
      <translation>%1 not yet posted</translation>
    </message>
    <message>
      <location line="+2" />
      <source>请尽快起草、审核并张贴</source>
      <translation>Draft, review and post them soon</translation>
    </message>
    <message>
      <location line="+3" />
      <source>%1 天内届满，届满后可拍照存档、归档</source>
      <translation>Ending within %1 days; then photograph the board and archive</translation>
    </message>
    <message>
      <location line="+4" />
      <source>其中 %1 条已超过答复期限</source>
      <translation>%1 past the answer deadline</translation>
    </message>
    <message>
      <location line="+6" />
      <source>没有待办事项。</source>
      <translation>Nothing to do.</translation>
    </message>
    <message>
      <location line="+2" />
      <source>本月尚未公开 %1 项，逾期 %2 项，待答复意见 %3 条</source>
      <translation>%1 not yet posted this month, %2 overdue, %3 questions open</translation>
    </message>
    <message>
      <source>为这个事项和期间新建公开记录（回车或双击）</source>
      <translation>New record for this item and period (Enter or double click)</translation>
    </message>
    <message>
      <source>答复…</source>
      <translation>Answer…</translation>
    </message>
    <message>
      <source>答复这条意见（回车或双击）</source>
      <translation>Answer this question (Enter or double click)</translation>
    </message>
    <message>
      <source>打开记录</source>
      <translation>Open record</translation>
    </message>
    <message>
      <source>在“公开记录”中打开这条记录（回车或双击）</source>
      <translation>Open this record on the Records page (Enter or double click)</translation>
    </message>
  </context>
  <context>
    <name>Units</name>
    <message>
      <location filename="../../desktop/editors/kind_editors/project_editor.py" line="-184" />
      <source>元</source>
      <translation>yuan</translation>
    </message>
    <message>
      <location line="+0" />
      <source>万元</source>
      <translation>10,000 yuan</translation>
    </message>
  </context>
  <context>
    <name>Workflow</name>
    <message>
      <source>或</source>
      <translation> or </translation>
    </message>
    <message>
      <location filename="../../desktop/workflow.py" line="26" />
      <source>记录 #{id} 当前为“{label}”，已是公开记录，不能修改；如有错误，请用“更正”起草更正公告</source>
      <translation>Record #{id} is “{label}”: a public record, it cannot be changed; to fix a mistake, draft a correction notice with “Correct”</translation>
    </message>
    <message>
      <location line="+1" />
      <source>记录 #{id} 当前为“{label}”，不能修改；如需修改，请审核人退回</source>
      <translation>Record #{id} is “{label}” and cannot be changed; to change it, the reviewer must return it</translation>
    </message>
    <message>
      <location line="+1" />
      <source>记录 #{id} 当前为“{label}”，不能修改；如需修改，请审核人退回后重新提交</source>
      <translation>Record #{id} is “{label}” and cannot be changed; to change it, the reviewer must return it, then submit it again</translation>
    </message>
    <message>
      <location line="+1" />
      <source>记录 #{id} 当前为“{label}”，只有草稿或被退回的记录才能提交审核</source>
      <translation>Record #{id} is “{label}”; only drafts and returned records can be submitted for review</translation>
    </message>
    <message>
      <location line="+1" />
      <source>记录 #{id} 当前为“{label}”，只有待审核的记录才能审核通过</source>
      <translation>Record #{id} is “{label}”; only records awaiting review can be approved</translation>
    </message>
    <message>
      <location line="+1" />
      <source>记录 #{id} 当前为“{label}”，只有待审核或已审核未公示的记录才能退回</source>
      <translation>Record #{id} is “{label}”; only records awaiting review, or approved and not yet posted, can be returned</translation>
    </message>
    <message>
      <location line="+1" />
      <source>记录 #{id} 当前为“{label}”，尚未经监委会审核通过，不能公示</source>
      <translation>Record #{id} is “{label}”: the supervision committee has not approved it, so it cannot be posted</translation>
    </message>
    <message>
      <location line="+1" />
      <source>记录 #{id} 已于 {posting_start} 张贴公示（当前为“{label}”），不能重复公示</source>
      <translation>Record #{id} was posted on {posting_start} (now “{label}”) and cannot be posted again</translation>
    </message>
    <message>
      <location line="+1" />
      <source>记录 #{id} 当前为“{label}”，只有公示中的记录才会公示期满</source>
      <translation>Record #{id} is “{label}”; only posted records reach the end of a posting period</translation>
    </message>
    <message>
      <location line="+1" />
      <source>记录 #{id} 当前为“{label}”，只有公示期满的记录才能归档</source>
      <translation>Record #{id} is “{label}”; only records whose posting period has ended can be archived</translation>
    </message>
    <message>
      <location line="+1" />
      <source>记录 #{id} 已归档</source>
      <translation>Record #{id} is already archived</translation>
    </message>
    <message>
      <location line="+1" />
      <source>记录 #{id} 当前为“{label}”，尚未公示，无需更正；如需修改，请审核人退回后修改</source>
      <translation>Record #{id} is “{label}”: not posted yet, so no correction is needed; to change it, the reviewer must return it first</translation>
    </message>
    <message>
      <location line="+1" />
      <source>记录 #{id} 当前为“{label}”，尚未公示，无需更正，可直接修改</source>
      <translation>Record #{id} is “{label}”: not posted yet, so no correction is needed; edit it directly</translation>
    </message>
    <message>
      <location line="+1" />
      <source>记录 #{id} 当前为“{label}”，已进入审核流程，不能删除，只能修改或更正</source>
      <translation>Record #{id} is “{label}”: it has gone to review and cannot be deleted, only changed or corrected</translation>
    </message>
    <message>
      <location line="+1" />
      <source>记录 #{id} 当前为“{label}”，不能添加附件</source>
      <translation>Record #{id} is “{label}”; attachments cannot be added</translation>
    </message>
    <message>
      <location line="+1" />
      <source>记录 #{id} 当前为“{label}”，其附件已是存档证据，不能删除；只有草稿或被退回的记录可以删除附件</source>
      <translation>Record #{id} is “{label}”: its attachments are kept as evidence and cannot be deleted; only drafts and returned records can have attachments deleted</translation>
    </message>
    <message>
      <location line="+1" />
      <source>记录 #{id} 尚未公示（当前为“{label}”），不能登记群众意见；公示后再登记</source>
      <translation>Record #{id} is not posted yet (now “{label}”), so villagers' questions cannot be registered; register them once it is posted</translation>
    </message>
    <message>
      <location line="+1" />
      <source>记录 #{id} 公示期至 {posting_end} 才届满，届满后才能归档</source>
      <translation>Record #{id} is posted until {posting_end}; it can be archived once the posting period has ended</translation>
    </message>
    <message>
      <location line="+1" />
      <source>记录 #{id} 已被更正记录 #{superseded_by} 取代，如仍有错误请更正 #{superseded_by}</source>
      <translation>Record #{id} is superseded by correction #{superseded_by}; if it is still wrong, correct #{superseded_by}</translation>
    </message>
    <message>
      <location line="+1" />
      <source>记录 #{id} 已有未公示的更正记录 #{pending_correction}，请继续处理该记录</source>
      <translation>Record #{id} already has correction #{pending_correction}, not yet posted; please continue with that record</translation>
    </message>
  </context>
  <context>
    <name>YishiEditor</name>
    <message>
      <location filename="../../desktop/editors/kind_editors/yishi_editor.py" line="+37" />
      <source>村民筹资</source>
      <translation>Villagers' contributions</translation>
    </message>
    <message>
      <location line="+0" />
      <source>投劳折资</source>
      <translation>Labour valued in money</translation>
    </message>
    <message>
      <location line="+1" />
      <source>财政奖补</source>
      <translation>Government grant</translation>
    </message>
    <message>
      <location line="+0" />
      <source>社会捐赠</source>
      <translation>Donations</translation>
    </message>
    <message>
      <location line="+1" />
      <source>村集体投入</source>
      <translation>Village collective funds</translation>
    </message>
    <message>
      <location line="+0" />
      <source>整合资金</source>
      <translation>Pooled funds</translation>
    </message>
    <message>
      <location line="+1" />
      <source>其他</source>
      <translation>Other</translation>
    </message>
    <message>
      <location line="+21" />
      <source>如：三组生产路硬化</source>
      <translation>e.g. paving the group 3 farm road</translation>
    </message>
    <message>
      <location line="+5" />
      <source>筹资筹劳合计(&amp;M)</source>
      <translation>Total funds and labour (&amp;M)</translation>
    </message>
    <message>
      <location line="+4" />
      <source>议事项目(&amp;N)</source>
      <translation>Project (&amp;N)</translation>
    </message>
    <message>
      <location line="+9" />
      <source>元/人</source>
      <translation>yuan/person</translation>
    </message>
    <message>
      <location line="+2" />
      <source>每人投劳(&amp;L)</source>
      <translation>&amp;Labour per person</translation>
    </message>
    <message>
      <location line="+4" />
      <source>个工日</source>
      <translation>workdays</translation>
    </message>
    <message>
      <location line="+1" />
      <source>每人筹资标准(&amp;P)</source>
      <translation>Contribution &amp;per person</translation>
    </message>
    <message>
      <location line="+6" />
      <source>资金来源</source>
      <translation>Source of funds</translation>
    </message>
    <message>
      <location line="+4" />
      <source>添加来源</source>
      <translation>Add source</translation>
    </message>
    <message>
      <location line="+1" />
      <source>资金来源（未填金额的来源不计入）</source>
      <translation>Sources of funds (sources without an amount are not counted)</translation>
    </message>
    <message>
      <location line="+7" />
      <source>减免对象（姓名或类别）</source>
      <translation>Exempted (name or category)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>减免理由</source>
      <translation>Reason</translation>
    </message>
    <message>
      <location line="+3" />
      <source>减免对象</source>
      <translation>Exemptions</translation>
    </message>
    <message>
      <location line="+1" />
      <source>添加减免对象</source>
      <translation>Add exemption</translation>
    </message>
    <message>
      <location line="+1" />
      <source>减免对象（五保户、现役军人等）</source>
      <translation>Exemptions (five-guarantee households, serving soldiers …)</translation>
    </message>
    <message>
      <location line="+66" />
      <source>合计</source>
      <translation>total</translation>
    </message>
      <message>
      <source>新建</source>
      <translation>New construction</translation>
    </message>
    <message>
      <source>改建</source>
      <translation>Rebuilding</translation>
    </message>
    <message>
      <source>扩建</source>
      <translation>Extension</translation>
    </message>
    <message>
      <source>维修</source>
      <translation>Repair</translation>
    </message>
    <message>
      <source>新建、改建、扩建或维修</source>
      <translation>new construction, rebuilding, extension or repair</translation>
    </message>
    <message>
      <source>如：长 1.2 公里、宽 3.5 米、厚 0.18 米</source>
      <translation>e.g. 1.2 km long, 3.5 m wide, 0.18 m thick</translation>
    </message>
    <message>
      <source>成员姓名，以顿号分隔：张三、李四、王五</source>
      <translation>Members' names, separated by 、: 张三、李四、王五</translation>
    </message>
    <message>
      <source>可不填</source>
      <translation>optional</translation>
    </message>
    <message>
      <source>建设性质(&amp;X)</source>
      <translation>Nature of the works(&amp;X)</translation>
    </message>
    <message>
      <source>建设规模(&amp;G)</source>
      <translation>Scale(&amp;G)</translation>
    </message>
    <message>
      <source>理财小组(&amp;F)</source>
      <translation>Finance group(&amp;F)</translation>
    </message>
    <message>
      <source>筹资筹劳时间(&amp;T)</source>
      <translation>Raising period(&amp;T)</translation>
    </message>
    <message>
      <source>至</source>
      <translation>to</translation>
    </message>
    <message>
      <source>人 ×</source>
      <translation>people ×</translation>
    </message>
    <message>
      <source>天/人 ×</source>
      <translation>days each ×</translation>
    </message>
    <message>
      <source>元/人·天</source>
      <translation>yuan per person-day</translation>
    </message>
    <message>
      <source>筹劳(&amp;L)</source>
      <translation>Labour(&amp;L)</translation>
    </message>
    <message>
      <source>填写人数、天数和折资标准后自动计算投劳折资</source>
      <translation>Enter people, days and the rate to compute the labour's value</translation>
    </message>
    <message>
      <source>投劳折资 %1 元</source>
      <translation>Labour valued at %1 yuan</translation>
    </message>
    <message>
      <source>✗ 与资金来源“%1”不符</source>
      <translation>✗ differs from the source "%1"</translation>
    </message>
    <message>
      <source>＝ 资金来源“%1” ✓</source>
      <translation>= the source "%1" ✓</translation>
    </message>
</context>
  <context>
    <name>_StepDialog</name>
    <message>
      <location filename="../../desktop/editors/workflow_dialogs.py" line="-104" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
  </context>
  <context>
    <name>dialogs</name>
    <message>
      <location filename="../../desktop/dialogs.py" line="+50" />
      <location line="+23" />
      <location line="+31" />
      <source>确定</source>
      <translation>OK</translation>
    </message>
    <message>
      <location line="-30" />
      <location line="+31" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
  </context>
  <context>
    <name>AboutPage</name>
    <message>
      <source>记录与统计</source>
      <translation>Records and statistics</translation>
    </message>
    <message>
      <source>开始记录的月份</source>
      <translation>First month kept here</translation>
    </message>
    <message>
      <source>保存</source>
      <translation>Save</translation>
    </message>
    <message>
      <source>此前应公开的事项不统计是否按时，也不显示为逾期</source>
      <translation>Items due before it are not counted for timeliness and never shown as overdue</translation>
    </message>
    <message>
      <source>本程序从这个月起记录本村的公开；此前应公开的事项不统计是否按时，也不显示为逾期。</source>
      <translation>This program keeps the village's disclosures from this month on; items due before it are not counted for timeliness and never shown as overdue.</translation>
    </message>
    <message>
      <source>无法读取设置</source>
      <translation>Cannot read the settings</translation>
    </message>
    <message>
      <source>已保存：本程序从 %1 起记录</source>
      <translation>Saved: records are kept from %1</translation>
    </message>
  </context>
  <context>
    <name>FirstRunWizard</name>
    <message>
      <source>帮助</source>
      <translation>Help</translation>
    </message>
  </context>
  <context>
    <name>SincePage</name>
    <message>
      <source>从哪个月起记录</source>
      <translation>From which month</translation>
    </message>
    <message>
      <source>本程序从这个月起记录本村的公开。此前应公开的事项不统计是否按时，也不会显示为逾期。</source>
      <translation>This program keeps the village's disclosures from this month on. Items due before it are not counted for timeliness and will never show as overdue.</translation>
    </message>
    <message>
      <source>开始记录的月份</source>
      <translation>First month kept here</translation>
    </message>
    <message>
      <source>待办页将说明：本程序从 %1 起记录；此前的公开不在统计之内。以后可在“关于与设置”中修改。</source>
      <translation>The To-do page will say: records are kept from %1; earlier disclosures are not counted. You can change it later under About and settings.</translation>
    </message>
  </context>
  <context>
    <name>FooterPage</name>
    <message>
      <source>公告页脚</source>
      <translation>Notice footer</translation>
    </message>
    <message>
      <source>印在每份公告末尾：群众向谁反映、打哪个电话。留空的项目使用括号中的默认内容；以后可在“关于与设置 → 打印设置”中修改。</source>
      <translation>Printed at the end of every notice: whom villagers contact and which number to call. An empty field uses the default in brackets; change it later under About and settings → Print settings.</translation>
    </message>
    <message>
      <source>还没有填监督电话：公告将不印监督电话，待办页会提醒您补上。</source>
      <translation>No supervision phone yet: notices will print without one, and the To-do page will remind you.</translation>
    </message>
  </context>
  <context>
    <name>FooterForm</name>
    <message>
      <source>每行一条，名称在前、号码在后，每条印成单独一行</source>
      <translation>One per line, name first, then the number; each prints on its own line</translation>
    </message>
    <message>
      <source>通讯地址</source>
      <translation>Postal address</translation>
    </message>
    <message>
      <source>邮箱</source>
      <translation>Email</translation>
    </message>
    <message>
      <source>（不印）</source>
      <translation>(not printed)</translation>
    </message>
    <message>
      <source>（不印）例如 cwjd@example.cn</source>
      <translation>(not printed) e.g. cwjd@example.cn</translation>
    </message>
    <message>
      <source>留空：按打印设置
</source>
      <translation>Empty: as in the print settings
</translation>
    </message>
    <message>
      <source>每行一条，例如：
全国监督电话 12317
镇纪委 0379-67891234</source>
      <translation>One per line, for example:
全国监督电话 12317
镇纪委 0379-67891234</translation>
    </message>
    <message>
      <source>每行一条，例如：
村务监督委员会 张三 13812341234
镇纪委 0379-67891234</source>
      <translation>One per line, for example:
村务监督委员会 张三 13812341234
镇纪委 0379-67891234</translation>
    </message>
    <message>
      <source>监督电话</source>
      <translation>Supervision phones</translation>
    </message>
    <message>
      <source>受理单位</source>
      <translation>Accepting unit</translation>
    </message>
    <message>
      <source>落款</source>
      <translation>Issuer</translation>
    </message>
    <message>
      <source>异议说明</source>
      <translation>Objection note</translation>
    </message>
    <message>
      <source>（%1村务监督委员会）</source>
      <translation>(%1村务监督委员会)</translation>
    </message>
    <message>
      <source>（%1村民委员会）</source>
      <translation>(%1村民委员会)</translation>
    </message>
  </context>
  <context>
    <name>GuideWindow</name>
    <message>
      <source>快速入门 — 村务公开</source>
      <translation>Quick guide — Village affairs</translation>
    </message>
    <message>
      <source>快速入门</source>
      <translation>Quick guide</translation>
    </message>
    <message>
      <source>找不到快速入门文件：%1</source>
      <translation>Quick guide file not found: %1</translation>
    </message>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>正在打开数据库…</source>
      <translation>Opening the database…</translation>
    </message>
    <message>
      <source>快速入门</source>
      <translation>Quick guide</translation>
    </message>
    <message>
      <source>各页面做什么、一条记录怎么走、打印和快捷键（F1）</source>
      <translation>What each page is for, a record's way, printing and shortcuts (F1)</translation>
    </message>
    <message>
      <source>帮助(&amp;H)</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <source>关于与设置</source>
      <translation>About and settings</translation>
    </message>
  </context>
  <context>
    <name>TodoPage</name>
    <message>
      <source>修改…</source>
      <translation>Change…</translation>
    </message>
    <message>
      <source>在“关于与设置”中修改开始记录的月份</source>
      <translation>Change the first month under About and settings</translation>
    </message>
    <message>
      <source>知道了</source>
      <translation>Got it</translation>
    </message>
    <message>
      <source>不再显示这条说明</source>
      <translation>Do not show this note again</translation>
    </message>
    <message>
      <source>填写监督电话…</source>
      <translation>Enter supervision phones…</translation>
    </message>
    <message>
      <source>公告末尾的监督电话、受理单位、落款</source>
      <translation>Supervision phones, accepting unit and issuer at the end of notices</translation>
    </message>
    <message>
      <source>还没有填写监督电话：打印的公告末尾将没有监督电话一行。</source>
      <translation>No supervision phone entered: printed notices will end without a supervision phone line.</translation>
    </message>
    <message>
      <source>本程序从 %1起记录；此前的公开不在统计之内。</source>
      <translation>Records are kept in this program from %1; earlier disclosures are not counted.</translation>
    </message>
  </context>
  <context>
    <name>DoubleEntryDialog</name>
    <message>
      <source>核对两遍录入 — %1</source>
      <translation>Check double entry — %1</translation>
    </message>
    <message>
      <source>两遍录入不一致的地方</source>
      <translation>Fields where the two entries differ</translation>
    </message>
    <message>
      <source>用第一遍</source>
      <translation>Use first entry</translation>
    </message>
    <message>
      <source>用第二遍</source>
      <translation>Use second entry</translation>
    </message>
    <message>
      <source>用第一遍 (Alt+1)</source>
      <translation>Use first (Alt+1)</translation>
    </message>
    <message>
      <source>用第二遍 (Alt+2)</source>
      <translation>Use second (Alt+2)</translation>
    </message>
    <message>
      <source>正确的值</source>
      <translation>Correct value</translation>
    </message>
    <message>
      <source>照纸质问卷输入正确的值（空着表示未答）</source>
      <translation>Type the correct value from the paper form (empty = not answered)</translation>
    </message>
    <message>
      <source>保存裁定</source>
      <translation>Save decision</translation>
    </message>
    <message>
      <source>正确的值(&amp;V)</source>
      <translation>Correct &amp;value</translation>
    </message>
    <message>
      <source>第一遍：</source>
      <translation>First entry:</translation>
    </message>
    <message>
      <source>第二遍：</source>
      <translation>Second entry:</translation>
    </message>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>计入结果 %1 份；不一致 %2 处，待裁定 %3 处。</source>
      <translation>%1 forms counted; %2 differences, %3 still to decide. </translation>
    </message>
    <message>
      <source>只录了第一遍：%1。</source>
      <translation>Typed in the first pass only: %1. </translation>
    </message>
    <message>
      <source>只录了第二遍：%1。</source>
      <translation>Typed in the second pass only: %1. </translation>
    </message>
    <message>
      <source>还没有录入第二遍：先用“第二遍录入”把纸质问卷再录一遍，这里列出两遍不一致的地方。</source>
      <translation>No second entry yet: type the paper forms again with “Second entry”; the differences are listed here.</translation>
    </message>
    <message>
      <source>没有要裁定的地方</source>
      <translation>Nothing to decide</translation>
    </message>
    <message>
      <source>问卷 %1，%2</source>
      <translation>Form %1, %2</translation>
    </message>
    <message>
      <source>（空）</source>
      <translation>(empty)</translation>
    </message>
  </context>
  <context>
    <name>OptionsModel</name>
    <message>
      <source>字母</source>
      <translation>Letter</translation>
    </message>
    <message>
      <source>选项文字</source>
      <translation>Option text</translation>
    </message>
    <message>
      <source>要注明（其他）</source>
      <translation>Write-in (other)</translation>
    </message>
    <message>
      <source>说不清</source>
      <translation>Don't know</translation>
    </message>
  </context>
  <context>
    <name>QuestionChart</name>
    <message>
      <source>图表</source>
      <translation>Chart</translation>
    </message>
    <message>
      <source>没有可画的数据</source>
      <translation>No data to draw</translation>
    </message>
    <message>
      <source>%1票 %2%</source>
      <translation>%1 votes %2%</translation>
    </message>
  </context>
  <context>
    <name>QuestionListModel</name>
    <message>
      <source>（未填题目）</source>
      <translation>(no question text)</translation>
    </message>
  </context>
  <context>
    <name>SkipModel</name>
    <message>
      <source>选了（字母；* 表示答完都跳）</source>
      <translation>If answered (letters; * = after any answer)</translation>
    </message>
    <message>
      <source>跳到第几题</source>
      <translation>Skip to question</translation>
    </message>
    <message>
      <source>结束</source>
      <translation>end</translation>
    </message>
  </context>
  <context>
    <name>SurveyEditor</name>
    <message>
      <source>问卷编辑</source>
      <translation>Questionnaire</translation>
    </message>
    <message>
      <source>标题</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>调查目的</source>
      <translation>Purpose</translation>
    </message>
    <message>
      <source>调查时间</source>
      <translation>Period</translation>
    </message>
    <message>
      <source>如 2026年6月1日至6月15日</source>
      <translation>e.g. 1 to 15 June 2026</translation>
    </message>
    <message>
      <source>调查对象</source>
      <translation>Target</translation>
    </message>
    <message>
      <source>标题(&amp;T)</source>
      <translation>&amp;Title</translation>
    </message>
    <message>
      <source>调查目的(&amp;P)</source>
      <translation>&amp;Purpose</translation>
    </message>
    <message>
      <source>调查对象(&amp;O)</source>
      <translation>Target gr&amp;oup</translation>
    </message>
    <message>
      <source>调查时间(&amp;D)</source>
      <translation>Perio&amp;d</translation>
    </message>
    <message>
      <source>题目</source>
      <translation>Questions</translation>
    </message>
    <message>
      <source>新增题目(&amp;N)</source>
      <translation>&amp;New question</translation>
    </message>
    <message>
      <source>删除题目</source>
      <translation>Delete question</translation>
    </message>
    <message>
      <source>上移</source>
      <translation>Move up</translation>
    </message>
    <message>
      <source>下移</source>
      <translation>Move down</translation>
    </message>
    <message>
      <source>题型</source>
      <translation>Question type</translation>
    </message>
    <message>
      <source>题目文字</source>
      <translation>Question text</translation>
    </message>
    <message>
      <source>必答</source>
      <translation>Required</translation>
    </message>
    <message>
      <source>不限</source>
      <translation>No limit</translation>
    </message>
    <message>
      <source>最多选几项</source>
      <translation>Maximum choices</translation>
    </message>
    <message>
      <source>最多选</source>
      <translation>At most</translation>
    </message>
    <message>
      <source>选项</source>
      <translation>Options</translation>
    </message>
    <message>
      <source>加选项</source>
      <translation>Add option</translation>
    </message>
    <message>
      <source>加“其他（请注明）”</source>
      <translation>Add “Other (specify)”</translation>
    </message>
    <message>
      <source>加“说不清”</source>
      <translation>Add “Don't know”</translation>
    </message>
    <message>
      <source>删除选项</source>
      <translation>Delete option</translation>
    </message>
    <message>
      <source>跳问</source>
      <translation>Skips</translation>
    </message>
    <message>
      <source>加跳问</source>
      <translation>Add skip</translation>
    </message>
    <message>
      <source>删除跳问</source>
      <translation>Delete skip</translation>
    </message>
    <message>
      <source>跳问（如“选 B 或 C 跳到第6题”；填“结束”表示答完结束问卷）</source>
      <translation>Skips (e.g. “B or C → question 6”; “结束” ends the form)</translation>
    </message>
    <message>
      <source>题目(&amp;Q)</source>
      <translation>&amp;Question</translation>
    </message>
    <message>
      <source>题型(&amp;Y)</source>
      <translation>T&amp;ype</translation>
    </message>
    <message>
      <source>保存问卷</source>
      <translation>Save questionnaire</translation>
    </message>
  </context>
  <context>
    <name>SurveyEntryScreen</name>
    <message>
      <source>录入问卷 — %1</source>
      <translation>Type forms — %1</translation>
    </message>
    <message>
      <source>第二遍录入（盲录：不显示第一遍的内容）</source>
      <translation>Second entry (blind: the first entry is not shown)</translation>
    </message>
    <message>
      <source>第一遍录入</source>
      <translation>First entry</translation>
    </message>
    <message>
      <source>问卷编号</source>
      <translation>Form number</translation>
    </message>
    <message>
      <source>纸质问卷上的编号</source>
      <translation>Number on the paper form</translation>
    </message>
    <message>
      <source>村民小组</source>
      <translation>Villager group</translation>
    </message>
    <message>
      <source>可不填</source>
      <translation>Optional</translation>
    </message>
    <message>
      <source>问卷编号(&amp;R)</source>
      <translation>Fo&amp;rm number</translation>
    </message>
    <message>
      <source>村民小组(&amp;G)</source>
      <translation>&amp;Group</translation>
    </message>
    <message>
      <source>字母或数字选择（1=A，2=B…），多选连着打（ACD）；回车下一题，最后一题回车保存并开始下一份；↑↓ 上下题；F2 调出已录入的编号修改；Esc 关闭</source>
      <translation>Letters or digits select (1=A, 2=B…), several in a row for multiple choice (ACD); Enter: next question, on the last one saves and starts the next form; ↑↓ previous/next; F2 loads a typed number for correction; Esc closes</translation>
    </message>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>（选答）</source>
      <translation> (optional)</translation>
    </message>
    <message>
      <source>第%1题</source>
      <translation>Q%1</translation>
    </message>
    <message>
      <source>第%1题“其他”的内容</source>
      <translation>Q%1 “other” text</translation>
    </message>
    <message>
      <source>请注明</source>
      <translation>Please specify</translation>
    </message>
    <message>
      <source>　（可多选，最多 %1 项）</source>
      <translation> (multiple, at most %1)</translation>
    </message>
    <message>
      <source>　（可多选）</source>
      <translation> (multiple)</translation>
    </message>
    <message>
      <source>本遍已录入 %1 份</source>
      <translation>%1 forms typed in this pass</translation>
    </message>
    <message>
      <source>（%1 份保存中）</source>
      <translation> (%1 saving)</translation>
    </message>
    <message>
      <source>问卷编号 %1 已经录入过，不能重复；要修改它请按 F2。</source>
      <translation>Form number %1 has already been typed and cannot be repeated; press F2 to correct it.</translation>
    </message>
    <message>
      <source>第%1题%2</source>
      <translation>Q%1: %2</translation>
    </message>
    <message>
      <source>（跳过）</source>
      <translation>(skipped)</translation>
    </message>
    <message>
      <source>跳过</source>
      <translation>skipped</translation>
    </message>
    <message>
      <source>第%1题%2：第%3题跳过，已清空。</source>
      <translation>Q%1 %2: question %3 skipped and cleared.</translation>
    </message>
    <message>
      <source>问卷 %1 正在保存……</source>
      <translation>Saving form %1…</translation>
    </message>
    <message>
      <source>问卷 %1 已保存。</source>
      <translation>Form %1 saved.</translation>
    </message>
    <message>
      <source>问卷 %1 未保存：%2</source>
      <translation>Form %1 not saved: %2</translation>
    </message>
    <message>
      <source>先输入要修改的问卷编号，再按 F2。</source>
      <translation>Type the number of the form to correct, then press F2.</translation>
    </message>
    <message>
      <source>问卷 %1 正在保存，稍候再修改。</source>
      <translation>Form %1 is being saved; correct it in a moment.</translation>
    </message>
    <message>
      <source>本遍没有编号为 %1 的问卷。</source>
      <translation>No form numbered %1 in this pass.</translation>
    </message>
    <message>
      <source>正在修改问卷 %1：改好后在最后一题回车保存。</source>
      <translation>Correcting form %1: press Enter on the last question to save.</translation>
    </message>
  </context>
  <context>
    <name>SurveyModels</name>
    <message>
      <source>编号</source>
      <translation>No.</translation>
    </message>
    <message>
      <source>问卷标题</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>调查时间</source>
      <translation>Period</translation>
    </message>
    <message>
      <source>调查对象</source>
      <translation>Target</translation>
    </message>
    <message>
      <source>已录入</source>
      <translation>Typed</translation>
    </message>
    <message>
      <source>第二遍录入</source>
      <translation>Second entry</translation>
    </message>
    <message>
      <source>计入结果</source>
      <translation>Counted</translation>
    </message>
    <message>
      <source>问卷编号</source>
      <translation>Form number</translation>
    </message>
    <message>
      <source>题目</source>
      <translation>Questions</translation>
    </message>
    <message>
      <source>第一遍</source>
      <translation>First entry</translation>
    </message>
    <message>
      <source>第二遍</source>
      <translation>Second entry</translation>
    </message>
    <message>
      <source>裁定为</source>
      <translation>Decided</translation>
    </message>
    <message>
      <source>选项</source>
      <translation>Options</translation>
    </message>
    <message>
      <source>票数</source>
      <translation>Votes</translation>
    </message>
    <message>
      <source>百分比</source>
      <translation>Percent</translation>
    </message>
  </context>
  <context>
    <name>SurveyResultsWindow</name>
    <message>
      <source>调查结果</source>
      <translation>Survey results</translation>
    </message>
    <message>
      <source>题目</source>
      <translation>Questions</translation>
    </message>
    <message>
      <source>占答题人数(&amp;R)</source>
      <translation>Of &amp;respondents</translation>
    </message>
    <message>
      <source>占选择总数(&amp;S)</source>
      <translation>Of &amp;selections</translation>
    </message>
    <message>
      <source>多选题的百分比按哪个总数算；结果公告用这里选中的口径</source>
      <translation>What multiple-choice percentages are of; the result notice uses the base picked here</translation>
    </message>
    <message>
      <source>百分比口径：</source>
      <translation>Percent of:</translation>
    </message>
    <message>
      <source>选项统计</source>
      <translation>Option counts</translation>
    </message>
    <message>
      <source>条形图</source>
      <translation>Bar chart</translation>
    </message>
    <message>
      <source>饼图</source>
      <translation>Pie chart</translation>
    </message>
    <message>
      <source>图表样式</source>
      <translation>Chart style</translation>
    </message>
    <message>
      <source>“其他”填写的内容</source>
      <translation>“Other” answers</translation>
    </message>
    <message>
      <source>图表(&amp;C)</source>
      <translation>&amp;Chart</translation>
    </message>
    <message>
      <source>按村民小组</source>
      <translation>By villager group</translation>
    </message>
    <message>
      <source>加为新的目录事项…</source>
      <translation>Add as a new catalog item…</translation>
    </message>
    <message>
      <source>把村民要求公开、目录里还没有的事项加进公开事项目录，并记下是哪次调查提出的</source>
      <translation>Add a topic villagers asked for that is not yet in the catalog, recording which survey asked for it</translation>
    </message>
    <message>
      <source>标记为群众关注</source>
      <translation>Mark as in demand</translation>
    </message>
    <message>
      <source>目录里已有的事项：记下这次调查有多少人要求公开它</source>
      <translation>An item already in the catalog: record how many in this survey asked for it</translation>
    </message>
    <message>
      <source>公开需求</source>
      <translation>Disclosure demand</translation>
    </message>
    <message>
      <source>村民关心什么，就公开什么：选中一行，把它加为新的目录事项，或把目录里已有的事项标记为群众关注。</source>
      <translation>Disclose what villagers care about: select a row and add it as a new catalog item, or mark an existing item as in demand.</translation>
    </message>
    <message>
      <source>统计(&amp;1)</source>
      <translation>Counts (&amp;1)</translation>
    </message>
    <message>
      <source>按村民小组(&amp;2)</source>
      <translation>By group (&amp;2)</translation>
    </message>
    <message>
      <source>公开需求(&amp;3)</source>
      <translation>Demand (&amp;3)</translation>
    </message>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>无法读取调查结果</source>
      <translation>Cannot read the survey results</translation>
    </message>
    <message>
      <source>调查结果 — %1</source>
      <translation>Survey results — %1</translation>
    </message>
    <message>
      <source>&lt;b&gt;%1&lt;/b&gt;　计入结果 %2 份</source>
      <translation>&lt;b&gt;%1&lt;/b&gt;  %2 forms counted</translation>
    </message>
    <message>
      <source>　&lt;span style='color:#8a4b00'&gt;另有 %1 份待第二遍录入或核对，未计入&lt;/span&gt;</source>
      <translation>  &lt;span style='color:#8a4b00'&gt;%1 more forms wait for the second entry or a check and are not counted&lt;/span&gt;</translation>
    </message>
    <message>
      <source>各人填写的内容</source>
      <translation>Answers as written</translation>
    </message>
    <message>
      <source>；百分比 = 票数 ÷ 选择总数 %1</source>
      <translation>; percent = votes ÷ %1 selections</translation>
    </message>
    <message>
      <source>；百分比 = 票数 ÷ 答题人数 %1</source>
      <translation>; percent = votes ÷ %1 respondents</translation>
    </message>
    <message>
      <source>；合计 %1，平均 %2</source>
      <translation>; total %1, mean %2</translation>
    </message>
    <message>
      <source>第%1题不是选择题，没有按小组的选项统计。</source>
      <translation>Question %1 is not a choice question: no option counts by group.</translation>
    </message>
    <message>
      <source>第%1题，各小组的票数和百分比（%2）</source>
      <translation>Question %1: votes and percent by group (%2)</translation>
    </message>
    <message>
      <source>占该组选择总数</source>
      <translation>of the group's selections</translation>
    </message>
    <message>
      <source>占该组答题人数</source>
      <translation>of the group's respondents</translation>
    </message>
    <message>
      <source>选项</source>
      <translation>Options</translation>
    </message>
    <message>
      <source>答题人数</source>
      <translation>Respondents</translation>
    </message>
    <message>
      <source>选项 / 村民填写</source>
      <translation>Option / written in</translation>
    </message>
    <message>
      <source>票数</source>
      <translation>Votes</translation>
    </message>
    <message>
      <source>目录事项</source>
      <translation>Catalog item</translation>
    </message>
    <message>
      <source>已处理</source>
      <translation>Done</translation>
    </message>
    <message>
      <source>%1（目录中没有）</source>
      <translation>%1 (not in the catalog)</translation>
    </message>
    <message>
      <source>已加入目录</source>
      <translation>added to the catalog</translation>
    </message>
    <message>
      <source>已标记关注</source>
      <translation>marked in demand</translation>
    </message>
    <message>
      <source>其他：%1</source>
      <translation>Other: %1</translation>
    </message>
    <message>
      <source>未能标记</source>
      <translation>Not marked</translation>
    </message>
    <message>
      <source>已把 %1 %2 标记为群众关注。</source>
      <translation>%1 %2 marked as in demand.</translation>
    </message>
    <message>
      <source>无法新增事项</source>
      <translation>Cannot add the item</translation>
    </message>
    <message>
      <source>已把“%1”加入公开事项目录。</source>
      <translation>“%1” added to the disclosure catalog.</translation>
    </message>
    <message>
      <source>各多选题的百分比按哪个总数算；结果公告用这里选中的口径</source>
      <translation>What the multiple-choice percentages are of; the result notice uses the base picked here</translation>
    </message>
    <message>
      <source>打印结果公告…</source>
      <translation>Print result notice…</translation>
    </message>
    <message>
      <source>预览并打印结果公告；多选题按上面选中的口径算百分比</source>
      <translation>Preview and print the result notice; multiple-choice percentages use the base picked above</translation>
    </message>
  </context>
  <context>
    <name>SurveysPage</name>
    <message>
      <source>问卷文件 (*.json)</source>
      <translation>Questionnaire files (*.json)</translation>
    </message>
    <message>
      <source>答卷表格 (*.xlsx *.csv)</source>
      <translation>Form tables (*.xlsx *.csv)</translation>
    </message>
    <message>
      <source>Excel 工作簿 (*.xlsx)</source>
      <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
      <source>新建问卷</source>
      <translation>New survey</translation>
    </message>
    <message>
      <source>从模板、空白或问卷文件新建（Ctrl+N）</source>
      <translation>From a template, blank or a questionnaire file (Ctrl+N)</translation>
    </message>
    <message>
      <source>从模板新建…</source>
      <translation>From a template…</translation>
    </message>
    <message>
      <source>村务公开满意度、公开需求等模板，改好再保存</source>
      <translation>Templates such as satisfaction or disclosure demand; edit, then save</translation>
    </message>
    <message>
      <source>空白问卷…</source>
      <translation>Blank questionnaire…</translation>
    </message>
    <message>
      <source>从空白开始编写问卷</source>
      <translation>Write a questionnaire from scratch</translation>
    </message>
    <message>
      <source>从问卷文件新建…</source>
      <translation>From a questionnaire file…</translation>
    </message>
    <message>
      <source>读入按规定格式写好的问卷文件（.json）</source>
      <translation>Read a questionnaire file in the survey format (.json)</translation>
    </message>
    <message>
      <source>录入答卷</source>
      <translation>Type forms</translation>
    </message>
    <message>
      <source>用键盘逐份录入收回的纸质问卷（Ctrl+E）</source>
      <translation>Type the returned paper forms one by one with the keyboard (Ctrl+E)</translation>
    </message>
    <message>
      <source>第二遍录入</source>
      <translation>Second entry</translation>
    </message>
    <message>
      <source>由另一人把同一批问卷再盲录一遍，用来查错</source>
      <translation>Someone else types the same forms again, blind, to catch typing errors</translation>
    </message>
    <message>
      <source>核对两遍录入</source>
      <translation>Check double entry</translation>
    </message>
    <message>
      <source>列出两遍录入不一致的地方，逐项裁定</source>
      <translation>List where the two entries differ and decide each</translation>
    </message>
    <message>
      <source>查看结果</source>
      <translation>Results</translation>
    </message>
    <message>
      <source>各题票数、百分比、图表和按小组统计（回车或双击）</source>
      <translation>Votes, percentages, charts and counts by group (Enter or double-click)</translation>
    </message>
    <message>
      <source>导入答卷…</source>
      <translation>Import forms…</translation>
    </message>
    <message>
      <source>从 xlsx 或 csv 表格导入答卷，一行一份</source>
      <translation>Import forms from an xlsx or csv table, one row per form</translation>
    </message>
    <message>
      <source>导出结果…</source>
      <translation>Export results…</translation>
    </message>
    <message>
      <source>把统计结果导出为 xlsx</source>
      <translation>Export the results as xlsx</translation>
    </message>
    <message>
      <source>打印问卷…</source>
      <translation>Print questionnaire…</translation>
    </message>
    <message>
      <source>预览并打印发给村民的纸质问卷（Ctrl+P）</source>
      <translation>Preview and print the paper questionnaire for households (Ctrl+P)</translation>
    </message>
    <message>
      <source>打印结果公告…</source>
      <translation>Print result notice…</translation>
    </message>
    <message>
      <source>预览并打印调查结果公告</source>
      <translation>Preview and print the survey result notice</translation>
    </message>
    <message>
      <source>刷新</source>
      <translation>Reload</translation>
    </message>
    <message>
      <source>重新读取问卷列表（F5）</source>
      <translation>Read the survey list again (F5)</translation>
    </message>
    <message>
      <source>问卷</source>
      <translation>Surveys</translation>
    </message>
    <message>
      <source>问卷不记名：每份答卷只有问卷编号和（可选的）村民小组。</source>
      <translation>Surveys are anonymous: a form carries only its number and, optionally, a villager group.</translation>
    </message>
    <message>
      <source>模板：%1（%2 题）</source>
      <translation>Template: %1 (%2 questions)</translation>
    </message>
    <message>
      <source>空白问卷</source>
      <translation>Blank questionnaire</translation>
    </message>
    <message>
      <source>从问卷文件（.json）</source>
      <translation>From a questionnaire file (.json)</translation>
    </message>
    <message>
      <source>从哪里开始：</source>
      <translation>Start from:</translation>
    </message>
    <message>
      <source>无法读取问卷</source>
      <translation>Cannot read the surveys</translation>
    </message>
    <message>
      <source>共 %1 份问卷</source>
      <translation>%1 surveys</translation>
    </message>
    <message>
      <source>无法读取问卷模板</source>
      <translation>Cannot read the questionnaire templates</translation>
    </message>
    <message>
      <source>%1（%2 题）</source>
      <translation>%1 (%2 questions)</translation>
    </message>
    <message>
      <source>从模板新建</source>
      <translation>New from a template</translation>
    </message>
    <message>
      <source>选择模板（打开后可修改，保存才建立问卷）：</source>
      <translation>Pick a template (you can edit it; the survey is created when saved):</translation>
    </message>
    <message>
      <source>选择问卷文件</source>
      <translation>Choose a questionnaire file</translation>
    </message>
    <message>
      <source>未能读入问卷文件</source>
      <translation>Could not read the questionnaire file</translation>
    </message>
    <message>
      <source>已建立问卷 %1</source>
      <translation>Survey %1 created</translation>
    </message>
    <message>
      <source>修改问卷…</source>
      <translation>Edit questionnaire…</translation>
    </message>
    <message>
      <source>修改问卷的题目和选项；已录入答卷后只能修改文字</source>
      <translation>Edit the questions and options; once forms are typed only the wording may change</translation>
    </message>
    <message>
      <source>已修改问卷 %1</source>
      <translation>Survey %1 changed</translation>
    </message>
    <message>
      <source>无法录入</source>
      <translation>Cannot type forms</translation>
    </message>
    <message>
      <source>无法核对</source>
      <translation>Cannot check</translation>
    </message>
    <message>
      <source>无法读取调查结果</source>
      <translation>Cannot read the survey results</translation>
    </message>
    <message>
      <source>导入答卷</source>
      <translation>Import forms</translation>
    </message>
    <message>
      <source>这个文件是第几遍录入的？</source>
      <translation>Which entry pass is this file?</translation>
    </message>
    <message>
      <source>第一遍录入</source>
      <translation>First entry</translation>
    </message>
    <message>
      <source>第二遍录入（用于核对）</source>
      <translation>Second entry (for checking)</translation>
    </message>
    <message>
      <source>正在导入 %1……</source>
      <translation>Importing %1…</translation>
    </message>
    <message>
      <source>未能导入答卷</source>
      <translation>Forms not imported</translation>
    </message>
    <message>
      <source>已从 %1 导入 %2 份答卷（%3）。</source>
      <translation>Imported %2 forms from %1 (%3).</translation>
    </message>
    <message>
      <source>%1调查结果.xlsx</source>
      <translation>%1 results.xlsx</translation>
    </message>
    <message>
      <source>导出调查结果</source>
      <translation>Export survey results</translation>
    </message>
    <message>
      <source>正在导出到 %1……</source>
      <translation>Exporting to %1…</translation>
    </message>
    <message>
      <source>未能导出</source>
      <translation>Not exported</translation>
    </message>
    <message>
      <source>已导出到
%1</source>
      <translation>Exported to
%1</translation>
    </message>
  </context>
  <context>
    <name>ColumnTypes</name>
    <message>
      <source>文字</source>
      <translation>Text</translation>
    </message>
    <message>
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>身份证号</source>
      <translation>ID number</translation>
    </message>
    <message>
      <source>银行卡号</source>
      <translation>Bank card</translation>
    </message>
    <message>
      <source>电话号码</source>
      <translation>Phone number</translation>
    </message>
    <message>
      <source>金额</source>
      <translation>Amount</translation>
    </message>
    <message>
      <source>数量</source>
      <translation>Quantity</translation>
    </message>
    <message>
      <source>单价/标准</source>
      <translation>Rate</translation>
    </message>
    <message>
      <source>人数/个数</source>
      <translation>Count</translation>
    </message>
    <message>
      <source>日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>住址</source>
      <translation>Address</translation>
    </message>
    <message>
      <source>签字栏</source>
      <translation>Signature</translation>
    </message>
  </context>
  <context>
    <name>RecordFooterDialog</name>
    <message>
      <source>公告末尾（本份公告）</source>
      <translation>Notice footer (this notice)</translation>
    </message>
    <message>
      <source>只改这一份公告。留空的项目按“打印设置”印出（括号中灰色的内容）。</source>
      <translation>Changes this notice only. Empty fields print as in the print settings (shown grey in brackets).</translation>
    </message>
    <message>
      <source>附件表</source>
      <translation>Attached tables</translation>
    </message>
    <message>
      <source>每行一个：#记录编号 附件标题（名单类记录，印在公告之后）；只写标题为纸质附件</source>
      <translation>One per line: #record-number title (a roster record, printed after the notice); a title alone is a paper attachment</translation>
    </message>
    <message>
      <source>签字栏：%1</source>
      <translation>Signature lines: %1</translation>
    </message>
    <message>
      <source>签字栏：无（乡镇公告只印发布单位和日期）</source>
      <translation>Signature lines: none (township notices carry the issuing body and date only)</translation>
    </message>
    <message>
      <source>由安装方式和公告类别决定</source>
      <translation>Set by the install mode and the kind of notice</translation>
    </message>
    <message>
      <source>签字</source>
      <translation>Signatures</translation>
    </message>
    <message>
      <source>确定</source>
      <translation>OK</translation>
    </message>
  </context>
  <context>
    <name>WorkflowStep</name>
    <message>
      <source>修改</source>
      <translation>Edit</translation>
    </message>
    <message>
      <source>提交审核</source>
      <translation>Submit</translation>
    </message>
    <message>
      <source>审核通过</source>
      <translation>Approve</translation>
    </message>
    <message>
      <source>退回</source>
      <translation>Return</translation>
    </message>
    <message>
      <source>张贴公示</source>
      <translation>Post</translation>
    </message>
    <message>
      <source>标为“公示期满”</source>
      <translation>Mark as expired</translation>
    </message>
    <message>
      <source>归档</source>
      <translation>Archive</translation>
    </message>
    <message>
      <source>起草更正</source>
      <translation>Draft a correction</translation>
    </message>
    <message>
      <source>删除草稿</source>
      <translation>Delete draft</translation>
    </message>
    <message>
      <source>添加附件</source>
      <translation>Add attachment</translation>
    </message>
    <message>
      <source>删除附件</source>
      <translation>Delete attachment</translation>
    </message>
    <message>
      <source>登记群众意见</source>
      <translation>Record a villager's question</translation>
    </message>
  </context>
</TS>
