"""公开事项目录: the village's disclosure catalog — browse by group, search, edit, retire, import, export.

The page holds no copy of the data besides its models, and reloads them from `CatalogService` after
every write. Search, channel and retired filters are the service's own (`list_items`), so `cwgk`
finds 村务公开 here exactly as it does on the command line.
"""

from __future__ import annotations

import html

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QItemSelectionModel,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from models.errors import CunwuError
from models.rules import catalog_terms as terms
from models.services.catalog import CatalogService, ItemData
from models.services.templates import list_templates, load_template

from .. import dialogs, workers
from ..editors.catalog_item_dialog import CatalogItemDialog, record_kind_label
from ..permissions import gate_all
from ..printing import actions as printing
from ..qtmodels.catalog_model import (
    COL_AUDIENCE,
    COL_CHANNELS,
    COL_CODE,
    COL_GROUP,
    COL_NAME,
    COL_POSTING_DAYS,
    COL_PUBLISHER,
    COL_STATUS,
    COL_TIMING,
    CatalogGroupModel,
    CatalogTableModel,
    ItemRole,
    SortRole,
    posting_days_text,
)
from ..read_only import keep_disabled
from ..registry import register_page
from ..row_list import RowList
from .table_page_parts import PageJobs, debounced_search, read_only_table

SEARCH_DELAY_MS = 250
XLSX_FILTER = QT_TRANSLATE_NOOP("CatalogPage", "Excel 工作簿 (*.xlsx)")
# What an import reads (models.exchange.sheet_formats): xlsx, Excel 97-2003, OpenDocument.
SHEET_FILTER = QT_TRANSLATE_NOOP(
    "CatalogPage", "表格文件 (*.xlsx *.xlsm *.xls *.et *.ods);;Excel 工作簿 (*.xlsx *.xls);;OpenDocument 表格 (*.ods)")


class CatalogPage(PageJobs, QWidget):
    job_finished = Signal()  # an import or export ended (either way)

    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = workspace
        self.item_dialog: CatalogItemDialog | None = None
        self._job: workers.Job | None = None
        self._reloading = False
        self._build()
        self.search_edit.blockSignals(True)  # the reload below applies it; no second, delayed reload
        self.search_edit.setText(self.ws.settings.last_search)
        self.search_edit.blockSignals(False)
        self.reload()

    @property
    def service(self) -> CatalogService:
        return CatalogService(self.ws.ctx)

    # --- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.new_action = QAction(self.tr("新增"), self)
        self.new_action.setToolTip(self.tr("新增事项（Ctrl+N）"))
        self.edit_action = QAction(self.tr("编辑"), self)
        self.edit_action.setToolTip(self.tr("编辑选中的事项（回车或双击）"))
        self.toggle_action = QAction(self.tr("停用"), self)
        self.toggle_action.setToolTip(self.tr("停用的事项不再排入待办，已有记录保留；可随时恢复"))
        self.delete_action = QAction(self.tr("删除"), self)
        self.delete_action.setToolTip(self.tr("删除没有公开记录的事项（Delete）"))
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.template_action = QAction(self.tr("载入模板"), self)
        self.template_action.setToolTip(self.tr("把随程序提供的目录模板并入本村目录（已有的事项不变）"))
        self.import_action = QAction(self.tr("导入 xlsx"), self)
        self.import_action.setToolTip(self.tr("从标准目录格式的 xlsx 文件导入，按编号合并"))
        self.export_action = QAction(self.tr("导出 xlsx"), self)
        self.export_action.setToolTip(self.tr("导出为标准目录格式的 xlsx 文件"))
        self.print_action = printing.print_action(self, "catalog", self.print_catalog)  # 打印目录… (Ctrl+P)
        keep_disabled(self.ws, self.new_action, self.edit_action, self.toggle_action, self.delete_action,
                      self.template_action, self.import_action)

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.new_action, self.edit_action, self.toggle_action, self.delete_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        for action in (self.template_action, self.import_action, self.export_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.print_action)

        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("搜索编号、名称、内容（可用拼音或首字母，如 cwgk）  Ctrl+F"))
        self.search_edit.setAccessibleName(self.tr("搜索"))
        self.search_edit.setMinimumWidth(160)
        self.channel_combo = QComboBox()
        self.channel_combo.addItem(self.tr("全部渠道"), "")
        for ch in terms.ALL_CHANNELS:
            self.channel_combo.addItem(ch, ch)
        self.channel_combo.setAccessibleName(self.tr("公开渠道"))
        self.channel_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.channel_combo.setMinimumContentsLength(9)
        self.show_retired_check = QCheckBox(self.tr("显示停用"))
        self.count_label = QLabel()

        filters = QHBoxLayout()
        search_label = QLabel(self.tr("搜索"))
        search_label.setBuddy(self.search_edit)
        channel_label = QLabel(self.tr("渠道"))
        channel_label.setBuddy(self.channel_combo)
        filters.addWidget(search_label)
        filters.addWidget(self.search_edit, 3)
        filters.addSpacing(12)
        filters.addWidget(channel_label)
        filters.addWidget(self.channel_combo)
        filters.addSpacing(12)
        filters.addWidget(self.show_retired_check)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        self.group_model = CatalogGroupModel(self)
        self.tree_view = QTreeView()
        self.tree_view.setModel(self.group_model)
        self.tree_view.setHeaderHidden(True)
        self.tree_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree_view.setAccessibleName(self.tr("事项分组"))
        self.tree_view.setMinimumWidth(150)
        self.tree_view.setIndentation(14)
        self.group_rows = RowList(self.tree_view, general_actions=[self.new_action])  # 新增 into the group

        self.table_model = CatalogTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.table_model)
        self.proxy.setSortRole(SortRole)
        self.proxy.setSortLocaleAware(True)
        self.table_view = read_only_table(self.proxy, self.tr("目录事项"))
        header = self.table_view.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # service order until a header is clicked
        header.setSortIndicatorClearable(True)
        self.table_view.setSortingEnabled(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        # 二级事项 takes what is left; the long columns elide, and the detail pane below shows them whole.
        for col, width in ((COL_CODE, 60), (COL_GROUP, 104), (COL_TIMING, 180), (COL_PUBLISHER, 76),
                           (COL_CHANNELS, 100), (COL_AUDIENCE, 62), (COL_POSTING_DAYS, 76), (COL_STATUS, 48)):
            self.table_view.setColumnWidth(col, width)
        rows = self.table_view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)  # more rows on a laptop screen
        self.table_view.addAction(self.delete_action)  # the Delete key while the table has the focus
        # Several items may be retired, restored or deleted at once (ctrl/shift-click, shift+arrows);
        # editing takes one. Enter or a double click edits; right click lists the item's actions.
        self.rows = RowList(self.table_view, activate=self.edit_selected, multi=True,
                            actions=[self.edit_action, self.toggle_action, self.delete_action],
                            general_actions=[self.new_action])

        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.detail.setMaximumHeight(170)
        self.detail.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.table_view, 1)
        right_layout.addWidget(self.detail)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tree_view)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        sizes = self.ws.settings.catalog_splitter
        if isinstance(sizes, list) and len(sizes) == 2 and all(isinstance(s, int) and s > 0 for s in sizes):
            self.splitter.setSizes(sizes)
        else:
            self.splitter.setSizes([190, 1000])
        self.splitter.splitterMoved.connect(self._remember_splitter)

        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)

        self.setTabOrder(self.search_edit, self.channel_combo)
        self.setTabOrder(self.channel_combo, self.show_retired_check)
        self.setTabOrder(self.show_retired_check, self.tree_view)
        self.setTabOrder(self.tree_view, self.table_view)

        self._search_timer = debounced_search(self, SEARCH_DELAY_MS, self._search_now, self.search_edit)
        self.channel_combo.currentIndexChanged.connect(self.reload)
        self.show_retired_check.toggled.connect(self.reload)
        self.tree_view.selectionModel().currentChanged.connect(self._on_group_changed)
        self.rows.selection_changed.connect(self._on_item_changed)

        self.new_action.triggered.connect(self.new_item)
        self.edit_action.triggered.connect(self.edit_selected)
        self.toggle_action.triggered.connect(self.toggle_selected)
        self.delete_action.triggered.connect(self.delete_selected)
        self.template_action.triggered.connect(self.load_template)
        self.import_action.triggered.connect(self.import_xlsx)
        self.export_action.triggered.connect(self.export_xlsx)

    # --- page hooks (called by the main window's shortcuts) ---------------------------------------
    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def page_shown(self) -> None:
        if not self.table_view.hasFocus() and not self.search_edit.hasFocus():
            self.table_view.setFocus()

    # --- reading ----------------------------------------------------------------------------
    def current_filter(self) -> tuple[str | None, str | None]:
        return CatalogGroupModel.filter_of(self.tree_view.currentIndex())

    def selected_item(self) -> ItemData | None:
        """The one item editing acts on (None when nothing, or several, are selected)."""
        selected = self.selected_items()
        return selected[0] if len(selected) == 1 else None

    def selected_items(self) -> list[ItemData]:
        """Every selected item, top to bottom as the table shows them."""
        return [index.data(ItemRole) for index in self.rows.selected_indexes()]

    def visible_items(self) -> list[ItemData]:
        """The rows as the table shows them (after sorting)."""
        return [self.proxy.index(r, 0).data(ItemRole) for r in range(self.proxy.rowCount())]

    def reload(self, select_code: str | None = None) -> None:
        """Refill tree and table from the service, keeping the group and item selection."""
        if self._reloading:
            return
        if isinstance(select_code, str):
            keep = [select_code]
        else:  # connected to signals that pass an int or bool: keep what is selected
            keep = [item.code for item in self.selected_items()]
        show_retired = self.show_retired_check.isChecked()
        key = self.current_filter()
        self._reloading = True
        try:
            service = self.service
            everything = service.list_items(include_retired=show_retired)
            self.group_model.set_groups(service.groups(), everything)
            self.tree_view.expandAll()
            tree_index = self.group_model.index_of(key)
            self.tree_view.setCurrentIndex(tree_index)
            key = CatalogGroupModel.filter_of(tree_index)
            items = service.list_items(include_retired=show_retired, query=self.search_edit.text(),
                                       category=key[0], group=key[1],
                                       channel=self.channel_combo.currentData() or None)
        except CunwuError as exc:
            dialogs.error(self.tr("无法读取目录"), exc, parent=self)
            return
        finally:
            self._reloading = False
        self.table_model.set_items(items)
        self.count_label.setText(self.tr("共 %1 项").replace("%1", str(len(items))))
        self._select_codes(keep)
        self._update_actions()

    def _select_codes(self, codes: list[str]) -> None:
        """Select the items with these codes that are listed; the first becomes the current row."""
        rows = [r for r in (self.table_model.row_of(c) for c in codes) if r is not None]
        if not rows:
            self.table_view.clearSelection()
            self._on_item_changed()
            return
        indexes = [self.proxy.mapFromSource(self.table_model.index(r, 0)) for r in rows]
        Flag = QItemSelectionModel.SelectionFlag
        selection = self.table_view.selectionModel()
        selection.setCurrentIndex(indexes[0], Flag.ClearAndSelect | Flag.Rows)
        for index in indexes[1:]:
            selection.select(index, Flag.Select | Flag.Rows)
        self.table_view.scrollTo(indexes[0])

    def _search_now(self) -> None:
        self._search_timer.stop()
        self.ws.settings.last_search = self.search_edit.text()
        self.reload()

    def _on_group_changed(self, *_args) -> None:
        if not self._reloading:
            self.reload()

    def _on_item_changed(self, *_args) -> None:
        self._update_actions()
        items = self.selected_items()
        if len(items) > 1:
            self._show_several(items)
        else:
            self._show_detail(items[0] if items else None)

    def _show_several(self, items: list[ItemData]) -> None:
        e = html.escape
        active = sum(1 for item in items if item.active)
        head = self.tr("已选中 %1 个事项（在用 %2，停用 %3）").replace("%1", str(len(items))) \
            .replace("%2", str(active)).replace("%3", str(len(items) - active))
        names = "".join(f"<div>{e(item.code)}　{e(item.name)}</div>" for item in items[:12])
        if len(items) > 12:
            names += "<div>……</div>"
        self.detail.setHtml(f"<b>{e(head)}</b>{names}")

    def _update_actions(self) -> None:
        items = self.selected_items()
        busy = self._job is not None
        self.edit_action.setEnabled(len(items) == 1)
        self.edit_action.setToolTip(self.tr("一次只能编辑一个事项") if len(items) > 1
                                    else self.tr("编辑选中的事项（回车或双击）"))
        self.toggle_action.setEnabled(bool(items))
        self.delete_action.setEnabled(bool(items))
        restoring = bool(items) and not any(item.active for item in items)
        toggled = len(items) if restoring else sum(1 for item in items if item.active)
        text = self.tr("恢复") if restoring else self.tr("停用")
        if toggled > 1:
            text = self.tr("%1 %2 项").replace("%1", text).replace("%2", str(toggled))
        self.toggle_action.setText(text)
        self.delete_action.setText(self.tr("删除 %1 项").replace("%1", str(len(items))) if len(items) > 1
                                   else self.tr("删除"))
        for action in (self.template_action, self.import_action, self.export_action):
            action.setEnabled(not busy)
        gate_all([(action, "catalog.edit") for action in (self.new_action, self.edit_action, self.toggle_action,
                                                          self.delete_action, self.template_action,
                                                          self.import_action)], self.ws)

    def _show_detail(self, item: ItemData | None) -> None:
        if item is None:
            hint = self.tr("选中一个事项，这里显示它的全部内容。")
            self.detail.setHtml(f"<p style='color:gray'>{html.escape(hint)}</p>")
            return
        e = html.escape
        rows = [
            (self.tr("公开内容"), item.content or "—"),
            (self.tr("公开依据"), item.basis or "—"),
            (self.tr("公开时限"), item.timing_text or item.timing.describe()),
            (self.tr("公开渠道"), "、".join(item.channels)),
            (self.tr("对象 / 方式 / 层级"), f"{item.audience} / {item.mode} / {item.level}"),
            (self.tr("领域 / 五公开"), f"{item.domain or '—'} / {'、'.join(item.five_public) or '—'}"),
            (self.tr("最少公示 / 记录类型"), f"{posting_days_text(item)} / {record_kind_label(item.default_kind)}"),
        ]
        retired = self.tr("已停用")
        state = "" if item.active else f" <span style='color:gray'>({e(retired)})</span>"
        body = "".join(f"<tr><td style='color:#555;padding-right:10px' nowrap>{e(k)}</td><td>{e(v)}</td></tr>"
                       for k, v in rows)
        self.detail.setHtml(f"<b>{e(item.code)}　{e(item.category)} · {e(item.group)} · {e(item.name)}</b>{state}"
                            f"<table cellspacing='2'>{body}</table>")

    def _remember_splitter(self, *_args) -> None:
        self.ws.settings.catalog_splitter = [int(s) for s in self.splitter.sizes()]

    # --- writing ----------------------------------------------------------------------------
    def new_item(self) -> None:
        category, group = self.current_filter()
        try:
            code = self.service.next_code()
            groups = self.service.groups()
        except CunwuError as exc:
            dialogs.error(self.tr("无法新增事项"), exc, parent=self)
            return
        item = ItemData(code=code, group=group or "", name="", category=category or "村务")
        self._open_dialog(item, editing=False, groups=groups)

    def edit_selected(self, *_args) -> None:
        item = self.selected_item()
        if item is None:
            return
        try:
            groups = self.service.groups()
        except CunwuError as exc:
            dialogs.error(self.tr("无法编辑事项"), exc, parent=self)
            return
        self._open_dialog(item, editing=True, groups=groups)

    def _open_dialog(self, item: ItemData, *, editing: bool, groups) -> None:
        if editing:
            def save(data: ItemData) -> ItemData:
                return self.service.update(item.code, data, expected_version=data.version)
        else:
            def save(data: ItemData) -> ItemData:
                return self.service.add(data)
        dialog = CatalogItemDialog(item, save, editing=editing, groups=groups, parent=self,
                                   reload=(lambda: self.service.get(item.code)) if editing else None)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._dialog_saved(dialog))
        dialog.finished.connect(self._dialog_closed)
        self.item_dialog = dialog
        dialog.open()  # window-modal without a nested event loop
        if editing or item.group:
            dialog.name_edit.setFocus()
        else:
            dialog.group_combo.setFocus()

    def _dialog_saved(self, dialog: CatalogItemDialog) -> None:
        saved = dialog.saved
        if saved is None:
            return
        self.reload(select_code=saved.code)
        self._status(self.tr("已保存事项 %1 %2").replace("%1", saved.code).replace("%2", saved.name))

    def _dialog_closed(self, *_args) -> None:
        self.item_dialog = None
        self.table_view.setFocus()

    def toggle_selected(self) -> None:
        """停用 the selected items in use (or 恢复 them, when every selected item is retired)."""
        items = self.selected_items()
        if not items:
            return
        restoring = not any(item.active for item in items)
        targets = [item for item in items if item.active != restoring]
        try:
            self.service.set_active_many([item.code for item in targets], restoring,
                                         {item.code: item.version for item in targets})
        except CunwuError as exc:
            dialogs.error(self.tr("未能更改状态"), exc, parent=self)
            return
        self.reload()  # keeps the selection (those still listed)
        if restoring:
            self._status(self._about(targets, self.tr("已恢复 %1 %2"), self.tr("已恢复 %1 个事项")))
        else:
            hint = "" if self.show_retired_check.isChecked() else self.tr("（勾选“显示停用”可查看）")
            self._status(self._about(targets, self.tr("已停用 %1 %2"), self.tr("已停用 %1 个事项")) + hint)

    @staticmethod
    def _about(items: list[ItemData], one: str, several: str) -> str:
        """`one` with an item's code (%1) and name (%2), or `several` with how many (%1)."""
        if len(items) == 1:
            return one.replace("%1", items[0].code).replace("%2", items[0].name)
        return several.replace("%1", str(len(items)))

    def delete_selected(self) -> None:
        items = self.selected_items()
        if not items:
            return
        listed = "\n".join(f"{item.code} {item.name}" for item in items[:12]) + ("\n……" if len(items) > 12 else "")
        question = self._about(items, self.tr("删除事项“%1 %2”？删除后不能撤销；有公开记录的事项只能停用。"),
                               self.tr("删除以下 %1 个事项？删除后不能撤销；有公开记录的事项只能停用。")) \
            + ("\n\n" + listed if len(items) > 1 else "")
        if not dialogs.confirm(self.tr("删除事项"), question, ok_text=self.tr("删除"), parent=self):
            return
        try:
            self.service.delete_many([item.code for item in items], {item.code: item.version for item in items})
        except CunwuError as exc:
            dialogs.error(self.tr("不能删除"), exc, parent=self)
            return
        self.reload()
        self._status(self._about(items, self.tr("已删除 %1 %2"), self.tr("已删除 %1 个事项")))

    def load_template(self) -> None:
        mode = self.ws.installation.mode
        templates = [t for t in list_templates() if t.mode == mode]
        if not templates:
            dialogs.info(self.tr("载入模板"), self.tr("没有适用于本单位的目录模板。"), parent=self)
            return
        labels = [self.tr("%1（%2 项）").replace("%1", t.name).replace("%2", str(t.items)) for t in templates]
        choice = dialogs.choose(self.tr("载入模板"), self.tr("选择要并入目录的模板（已有编号的事项保持不变）："),
                                labels, parent=self)
        if choice is None:
            return
        template = templates[choice]
        try:
            result = self.service.merge(load_template(template.id), action="catalog.template.load",
                                        source=template.id, update_existing=False)
        except CunwuError as exc:
            dialogs.error(self.tr("未能载入模板"), exc, parent=self)
            return
        self.reload()
        dialogs.info(self.tr("载入模板"),
                     self.tr("新增 %1 项；已有的 %2 项保持不变。").replace("%1", str(len(result.added)))
                     .replace("%2", str(len(result.unchanged) + len(result.updated))), parent=self)

    def print_catalog(self) -> None:
        """Ctrl+P: the catalog in the print preview."""
        printing.preview_catalog(self.ws, self)

    # --- xlsx, off the GUI thread -------------------------------------------------------------
    def import_xlsx(self) -> None:
        path = dialogs.open_file(self.tr("导入目录"), self.tr(SHEET_FILTER), purpose=dialogs.IMPORT_CATALOG, parent=self)
        if path is None:
            return
        from models.exchange.catalog_xlsx import import_catalog_xlsx
        from models.services.backup import BackupService

        ctx, data_dir = self.ws.ctx, self.ws.data_dir

        def backup_then_import(_progress, _cancelled):
            BackupService(ctx, data_dir).backup_if_due("import")  # an import can change many items
            return import_catalog_xlsx(ctx, path)

        self._run(backup_then_import, self._imported,
                  self.tr("正在导入 %1……").replace("%1", path.name), self.tr("未能导入"))

    def _imported(self, result) -> None:
        self.reload()
        text = (self.tr("已导入：新增 %1 项，更新 %2 项，未变 %3 项。")
                .replace("%1", str(len(result.added))).replace("%2", str(len(result.updated)))
                .replace("%3", str(len(result.unchanged))))
        notes = list(getattr(result, "notes", None) or [])  # what the importer wants the clerk to know
        if notes:
            text += "\n\n" + "\n".join(f"• {n}" for n in notes)
        dialogs.info(self.tr("导入目录"), text, parent=self)

    def export_xlsx(self) -> None:
        name = self.tr("%1公开事项目录.xlsx").replace("%1", self.ws.installation.name)
        path = dialogs.save_file(self.tr("导出目录"), self.tr(XLSX_FILTER), suggested=name,
                                 purpose=dialogs.EXPORT_CATALOG, parent=self)
        if path is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        from models.exchange.catalog_xlsx import export_catalog_xlsx

        ctx = self.ws.ctx
        self._exported_to = path
        self._run(lambda _progress, _cancelled: export_catalog_xlsx(ctx, path), self._exported,
                  self.tr("正在导出到 %1……").replace("%1", path.name), self.tr("未能导出"))

    def _exported(self, count) -> None:
        dialogs.info(self.tr("导出目录"), self.tr("已导出 %1 项到\n%2").replace("%1", str(count))
                     .replace("%2", str(self._exported_to)), parent=self)


register_page("catalog", QT_TRANSLATE_NOOP("Pages", "公开事项目录"), CatalogPage, icon=None, order=10)
