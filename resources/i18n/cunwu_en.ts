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
  </context>
  <context>
    <name>App</name>
    <message>
      <location filename="../../desktop/app.py" line="+94" />
      <location line="+4" />
      <location line="+25" />
      <source>无法打开数据库</source>
      <translation>Cannot open the database</translation>
    </message>
    <message>
      <location line="-24" />
      <source>%1 不是本程序的数据库，或文件已损坏。</source>
      <translation>%1 is not a database of this program, or the file is damaged.</translation>
    </message>
  </context>
  <context>
    <name>CatalogItemDialog</name>
    <message>
      <location filename="../../desktop/editors/catalog_item_dialog.py" line="+42" />
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
      <location line="+262" />
      <source>编号在新增后不能修改：公开记录按编号引用事项</source>
      <translation>The code cannot change once the item exists: records refer to items by code</translation>
    </message>
    <message>
      <location line="-255" />
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
      <location line="+127" />
      <source>未保存</source>
      <translation>Not saved</translation>
    </message>
  </context>
  <context>
    <name>CatalogPage</name>
    <message>
      <location filename="../../desktop/pages/catalog_page.py" line="+67" />
      <source>Excel 工作簿 (*.xlsx)</source>
      <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
      <location line="+22" />
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
      <location line="+235" />
      <source>停用</source>
      <translation>Retire</translation>
    </message>
    <message>
      <location line="-234" />
      <source>停用的事项不再排入待办，已有记录保留；可随时恢复</source>
      <translation>Retired items are no longer scheduled; their records stay. They can be restored at any time</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+336" />
      <source>删除</source>
      <translation>Delete</translation>
    </message>
    <message>
      <location line="-335" />
      <source>删除没有公开记录的事项（Delete）</source>
      <translation>Delete an item that has no records (Delete)</translation>
    </message>
    <message>
      <location line="+3" />
      <location line="+346" />
      <location line="+3" />
      <location line="+12" />
      <source>载入模板</source>
      <translation>Load template</translation>
    </message>
    <message>
      <location line="-360" />
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
      <location line="+12" />
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
      <location line="+219" />
      <source>公开渠道</source>
      <translation>Channels</translation>
    </message>
    <message>
      <location line="-216" />
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
      <location line="+123" />
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
      <location line="+5" />
      <location line="+6" />
      <location line="+8" />
      <source>导入目录</source>
      <translation>Import catalog</translation>
    </message>
    <message>
      <location line="-8" />
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
      <location line="+5" />
      <source>已导入：新增 %1 项，更新 %2 项，未变 %3 项。</source>
      <translation>Imported: %1 added, %2 updated, %3 unchanged.</translation>
    </message>
    <message>
      <location line="+5" />
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
  </context>
  <context>
    <name>CatalogTableModel</name>
    <message>
      <location filename="../../desktop/qtmodels/catalog_model.py" line="+35" />
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
      <location line="+12" />
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
      <location line="+87" />
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
    <name>IdentityPage</name>
    <message>
      <location line="-151" />
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
    <name>MainWindow</name>
    <message>
      <location filename="../../desktop/main_window.py" line="+48" />
      <source>村务公开 — %1</source>
      <translation>Village affairs disclosure — %1</translation>
    </message>
    <message>
      <location line="+7" />
      <source>页面</source>
      <translation>Pages</translation>
    </message>
    <message>
      <location line="+22" />
      <source>数据库：%1</source>
      <translation>Database: %1</translation>
    </message>
    <message>
      <location line="+1" />
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
      <location line="+50" />
      <source>页面出错，详情已记入日志：%1</source>
      <translation>This page failed; details are in the log: %1</translation>
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
    <name>Pages</name>
    <message>
      <location filename="../../desktop/pages/about_page.py" line="+7" />
      <source>关于与设置</source>
      <translation>About and settings</translation>
    </message>
    <message>
      <location filename="../../desktop/pages/catalog_page.py" line="+44" />
      <source>公开事项目录</source>
      <translation>Disclosure catalog</translation>
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
</TS>