"""The window the program opens on: every draft in a table, search, the trash, and what can be done to
a draft (new, open, duplicate, delete with undo, restore, import and export a draft file). The demo
draft is one click away while the list is empty."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.lang import Lang
from desktop.ui.common import icons, screen_fit, settings
from desktop.ui.common.widgets import plain_label
from desktop.ui.drafts.drafts_actions import DraftsActions
from desktop.ui.drafts.drafts_model import ID_ROLE, DraftsModel

if TYPE_CHECKING:
    from desktop.services.draft_list import CompanySummary, DraftSummary
    from desktop.services.team import TeamInfo
    from desktop.ui.controller import Controller

translate = QCoreApplication.translate
POLL_MS = 3000  # how often an open drafts window asks whether anything changed (one aggregate query)


class DraftsWindow(QMainWindow):
    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.trash = False
        self.loaded = False
        self.setWindowIcon(icons.icon("app"))
        self.undo_stack = QUndoStack(self)
        self.model = DraftsModel(self)
        self.reuse: Any = None  # services.draft_list.InvoiceReuse once the list is read (storage loads after the paint)
        self.model.notes = lambda draft_id: self.reuse.note(draft_id, self.controller.lang) if self.reuse else ""

        central = QWidget(self)
        layout = QVBoxLayout(central)
        top = QHBoxLayout()
        self.heading = plain_label(central)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.search = QLineEdit(central)
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(300)
        self.search.setMaximumWidth(380)
        self.company_filter = QComboBox(central)  # all companies, one company, or drafts with none
        self.company_filter.setObjectName("company-filter")
        self.company_filter.setMinimumWidth(200)
        self.company_filter.currentIndexChanged.connect(lambda _i: self._company_chosen())
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.company_filter)
        top.addWidget(self.search)
        layout.addLayout(top)
        self.notice = plain_label(central, wrap=True)  # read-only database, damaged rows
        self.notice.setObjectName("drafts-notice")
        self.notice.hide()
        layout.addWidget(self.notice)
        self.read_only = False

        self.pages = QStackedWidget(central)
        self.table = QTableView(self.pages)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, width in ((2, 120), (3, 150), (4, 150), (5, 140), (6, 110), (7, 100), (8, 160), (9, 200), (10, 160)):
            header.resizeSection(col, width)
        header.setSectionsClickable(True)
        header.sectionClicked.connect(self._sort_by)
        self.welcome = QWidget(self.pages)
        w_layout = QVBoxLayout(self.welcome)
        w_layout.addStretch(1)
        self.welcome_text = plain_label(self.welcome, wrap=True)
        self.welcome_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.demo_button = QPushButton(self.welcome)
        self.demo_button.setObjectName("demo-button")
        self.demo_button.setDefault(True)
        self.new_button = QPushButton(self.welcome)
        w_layout.addWidget(self.welcome_text)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.demo_button)
        row.addWidget(self.new_button)
        row.addStretch(1)
        w_layout.addLayout(row)
        w_layout.addStretch(2)
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.welcome)
        layout.addWidget(self.pages, 1)

        self.undo_bar = QWidget(central)
        bar = QHBoxLayout(self.undo_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        self.undo_text = plain_label(self.undo_bar)
        self.undo_button = QPushButton(self.undo_bar)
        bar.addWidget(self.undo_text)
        bar.addWidget(self.undo_button)
        bar.addStretch(1)
        self.undo_bar.hide()
        layout.addWidget(self.undo_bar)
        self.setCentralWidget(central)

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("drafts-toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(self.toolbar)
        self.actions_ = DraftsActions(self)
        self.table.selectionModel().currentChanged.connect(lambda *_a: self.actions_.update_enabled())

        # a change made elsewhere (another person, another window) reaches the list without a restart
        self.last_token: tuple[object, ...] | None = None
        self.wizards_token: tuple[object, ...] | None = None  # the token the open wizards last checked their locks at
        self._poll_timer = QTimer(self, interval=POLL_MS)
        self._poll_timer.timeout.connect(self.poll)
        self._poll_timer.start()
        from desktop.ui.drafts.leases import ChangeFeed  # a team database tells at once (LISTEN/NOTIFY)

        self.change_feed = ChangeFeed(self, lambda _table: self.poll())
        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._search_entered)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.table.activated.connect(lambda _i: self.open_selected())
        self.demo_button.clicked.connect(self.controller.open_demo)
        self.new_button.clicked.connect(self.controller.new_draft)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.undo_stack.canUndoChanged.connect(self.undo_bar.setVisible)  # Qt to Qt: disconnected when either dies
        self.retranslate(controller.lang)
        screen_fit.restore_or_fit(self, settings.geometry("drafts"), (1000, 620))

    def retranslate(self, lang: str) -> None:
        self.setWindowTitle(translate("DraftsWindow", "Grant assistant — drafts"))
        self.heading.setText(
            translate("DraftsWindow", "Trash") if self.trash else translate("DraftsWindow", "Drafts")
        )
        self.search.setPlaceholderText(translate("DraftsWindow", "Search title, applicant, credit code, city, invoice"))
        self.search.setAccessibleName(translate("DraftsWindow", "Search drafts"))
        self.table.setAccessibleName(translate("DraftsWindow", "Drafts"))
        self.welcome_text.setText(translate(
            "DraftsWindow",
            "No drafts yet. Open the demo draft to see a complete application, or start a new one.",
        ) if not self.trash else translate("DraftsWindow", "The trash is empty."))
        self.demo_button.setText(translate("DraftsWindow", "Open the demo draft"))
        self.new_button.setText(translate("DraftsWindow", "New draft"))
        self.undo_button.setText(translate("DraftsWindow", "Undo"))
        self.actions_.retranslate(lang)
        self.update_notice()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        self.model.layoutChanged.emit()

    # ---- the list
    def refresh(self) -> None:
        from sqlalchemy.exc import DBAPIError

        from desktop.services.draft_list import InvoiceReuse, read_listing  # storage loads after the first paint

        self._search_timer.stop()
        store = self.controller.store
        self.read_only = bool(getattr(store.db, "read_only", False))
        try:
            with store.db.session() as s:
                if not self.read_only:  # the re-use warnings of the other drafts' invoices, in the figures
                    self.reuse = self.reuse or InvoiceReuse()
                    self.reuse.refresh(s)
                listing = read_listing(s, search=self.search.text().strip(), trash=self.trash)
        except DBAPIError as exc:  # a page damaged past what the open's check saw, a lock held too long
            self.statusBar().showMessage(self._unreadable(exc))
            return
        self.last_token = listing.token
        self._fill_companies(listing.companies)
        self.show_rows(listing.rows, listing.team)
        self.change_feed.follow(store.db)

    def poll(self) -> None:
        """Every few seconds (and at once on a team database's notice): one cheap query; the list is read
        again only when something changed, and each open wizard then asks whether its draft was submitted
        (locked) elsewhere, so it turns read-only now rather than at its next save."""
        wizards = list(self.controller.wizards.values())
        if not self.loaded or not (self.isVisible() or wizards):
            return
        from sqlalchemy.exc import DBAPIError

        from desktop.services.draft_list import change_token

        try:
            with self.controller.store.db.session() as s:
                token = change_token(s)
        except DBAPIError:  # the server is away for a moment: the next poll tries again
            return
        if token != self.last_token and self.isVisible():
            self.refresh()
        if token != self.wizards_token:  # its own token: the list's follows every refresh, hidden or not
            self.wizards_token = token
            for wizard in wizards:
                wizard.check_lock()

    # ---- companies: filter the list by one
    def _fill_companies(self, companies: list[CompanySummary]) -> None:
        chosen = self.company_filter.currentData()
        self.company_filter.blockSignals(True)
        self.company_filter.clear()
        self.company_filter.addItem(translate("DraftsWindow", "All companies"), None)
        self.company_filter.addItem(translate("DraftsWindow", "Drafts without a company"), 0)
        for c in companies:
            self.company_filter.addItem(f"{c.name} ({c.drafts})", c.id)
        index = self.company_filter.findData(chosen) if chosen is not None else 0
        self.company_filter.setCurrentIndex(max(index, 0))
        self.company_filter.blockSignals(False)
        self.company_filter.setVisible(len(companies) > 0)

    def _company_chosen(self) -> None:
        self.refresh()

    def filtered(self, rows: list[DraftSummary]) -> list[DraftSummary]:
        """The rows of the company chosen in the filter (0: those with no company; None: all)."""
        chosen = self.company_filter.currentData()
        if chosen is None:
            return rows
        want = None if chosen == 0 else chosen
        return [r for r in rows if getattr(r, "company_id", None) == want]

    def _unreadable(self, exc: BaseException) -> str:
        from desktop.services.database import unreadable

        en, zh = unreadable(self.controller.store.db, exc)
        return translate("DraftsWindow", "The list could not be read: {problem}").format(
            problem=zh if Lang.parse(self.controller.lang).chinese else en)

    def _sort_by(self, column: int) -> None:
        """A click on Deadline sorts by it (nearest first); on Company groups by company; elsewhere the
        list goes back to the last change first."""
        from desktop.ui.drafts.drafts_model import COMPANY, DEADLINE

        header = self.table.horizontalHeader()
        keep = self.selected_id()
        self.model.sort_by(column, self.model.rows if column in (COMPANY, DEADLINE) else None)
        header.setSortIndicatorShown(column in (COMPANY, DEADLINE))
        if column in (COMPANY, DEADLINE):
            header.setSortIndicator(column, Qt.SortOrder.AscendingOrder)
        else:
            self.refresh()
        self.select(keep)

    def _search_entered(self) -> None:
        """Enter in the search box opens the draft found (the list is brought up to date first)."""
        if self._search_timer.isActive():
            self.refresh()
        self.open_selected()

    def damaged_rows(self) -> list[DraftSummary]:
        return [r for r in self.model.rows if getattr(r, "damaged", None)]

    def update_notice(self) -> None:
        """Say that the database is read-only and that some drafts cannot be read (the others are listed)."""
        parts = []
        if self.read_only:
            parts.append(self.controller.store.db.read_only_note(self.controller.lang))
        db = getattr(getattr(self.controller, "_store", None), "db", None)  # never opens it (the quick list)
        if db is not None and getattr(db, "engine", None) is not None:
            from desktop.services.team_export import backup_note

            note = backup_note(db, self.controller.lang)
            if note:
                parts.append(note)
        damaged = self.damaged_rows()
        if damaged:
            parts.append(translate(
                "DraftsWindow",
                "{n} stored drafts cannot be read (damaged: id {ids}); the others are listed as usual. "
                "Open a damaged draft to export its raw stored values or delete it for ever.",
            ).format(n=len(damaged), ids=", ".join(str(r.id) for r in damaged)))
        self.notice.setText("\n".join(parts))
        self.notice.setVisible(bool(parts))

    def show_rows(self, rows: list[DraftSummary], team: dict[int, TeamInfo] | None = None) -> None:
        """The list as given (the view is reset only when the rows differ from those shown)."""
        keep = self.selected_id()
        rows = self.filtered(rows)
        if not self.loaded or rows != self.model.rows or (team is not None and team != self.model.team):
            self.model.set_rows(rows, self.model.team if team is None else team)
        self.loaded = True
        empty = not self.model.rows and not self.search.text().strip()
        self.pages.setCurrentWidget(self.welcome if empty else self.table)
        self.demo_button.setVisible(not self.trash and not self.read_only)
        self.new_button.setVisible(not self.trash and not self.read_only)
        self.select(keep if keep is not None else settings.last_draft())
        self.update_notice()
        self.actions_.update_enabled()

    def forget_rows(self) -> None:
        """No list at all again (the database turned out unusable after a quick list was shown)."""
        self.model.set_rows([])
        self.loaded = False
        self.update_notice()
        self.pages.setCurrentWidget(self.table)
        self.actions_.update_enabled()

    def select(self, draft_id: int | None) -> None:
        row = self.model.row_of(draft_id) if draft_id is not None else None
        if row is None and self.model.rows:
            row = 0
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.model.rows:
            return None
        draft_id = self.model.data(index, ID_ROLE)
        return draft_id if isinstance(draft_id, int) else None

    def selected_row(self) -> DraftSummary | None:
        draft_id = self.selected_id()
        index = self.model.row_of(draft_id) if draft_id is not None else None
        return None if index is None else self.model.rows[index]

    def show_trash(self, on: bool) -> None:
        self.trash = on
        self.retranslate(self.controller.lang)
        self.refresh()

    # ---- what the buttons do
    def open_selected(self) -> None:
        draft_id = self.selected_id()
        if draft_id is None:
            return
        row = self.selected_row()
        if row is not None and getattr(row, "damaged", None):
            self.actions_.explain_damaged(row)
        elif self.trash:
            self.actions_.restore_selected()
        else:
            self.actions_.guarded(draft_id, lambda: self.controller.open_draft(draft_id))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.matches(QKeySequence.StandardKey.Delete) and self.table.hasFocus():
            self.actions_.delete_selected()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        settings.save_geometry("drafts", self.saveGeometry())
        self.change_feed.stop()
        super().closeEvent(event)
