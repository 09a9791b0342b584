"""The first columns of a table kept in view while it scrolls sideways (Qt's "frozen column" example):
a second view over the same model and selection, laid over the table's left edge, showing only those
columns and following the table's rows, widths and sorting.

The table stays the one that has the focus and the keyboard; a click in the frozen part selects the
same cell in it. A cell to the right is never left hidden under the frozen part: `reveal` and the
current cell's moves scroll it out from under.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QTableView


class FrozenColumns(QObject):
    def __init__(self, view: QTableView, count: int = 2) -> None:
        super().__init__(view)
        self.view = view
        self.count = count
        self._moving = False
        f = self.frozen = QTableView(view)
        f.setObjectName("frozenColumns")
        f.setModel(view.model())
        f.setSelectionModel(view.selectionModel())
        f.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        f.setFrameShape(QFrame.Shape.NoFrame)
        f.setSelectionBehavior(view.selectionBehavior())
        f.setSelectionMode(view.selectionMode())
        f.setEditTriggers(view.editTriggers())
        f.setAlternatingRowColors(view.alternatingRowColors())
        f.setWordWrap(False)
        f.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        f.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        f.setVerticalScrollMode(view.verticalScrollMode())
        f.verticalHeader().hide()
        vh = f.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(view.verticalHeader().defaultSectionSize())
        fh = f.horizontalHeader()
        fh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        fh.setSectionsClickable(True)
        fh.setStretchLastSection(False)
        self._show_columns()
        main = view.horizontalHeader()
        for c in range(count):
            f.setColumnWidth(c, main.sectionSize(c))
        view.viewport().stackUnder(f)
        f.show()
        # following the table
        main.sectionResized.connect(self._main_resized)
        main.sectionMoved.connect(self._main_moved)
        main.sortIndicatorChanged.connect(self._sorted)
        fh.sectionResized.connect(self._frozen_resized)
        fh.sectionClicked.connect(main.sectionClicked)
        f.verticalScrollBar().valueChanged.connect(view.verticalScrollBar().setValue)
        view.verticalScrollBar().valueChanged.connect(f.verticalScrollBar().setValue)
        view.model().columnsInserted.connect(lambda *_a: self._show_columns())
        view.model().modelReset.connect(self._show_columns)
        view.selectionModel().currentChanged.connect(self._current_changed)
        f.pressed.connect(lambda _i: view.setFocus(Qt.FocusReason.MouseFocusReason))
        view.installEventFilter(self)
        self._main_moved()  # an order remembered from before cannot put them elsewhere
        self.place()

    def _show_columns(self) -> None:
        for c in range(self.view.model().columnCount()):
            self.frozen.setColumnHidden(c, c >= self.count)

    # ---- widths, order, place
    def width(self) -> int:
        main = self.view.horizontalHeader()
        return sum(main.sectionSize(c) for c in range(min(self.count, main.count())))

    def place(self) -> None:
        v = self.view
        self.frozen.setGeometry(v.verticalHeader().width() + v.frameWidth(), v.frameWidth(), self.width(),
                                v.viewport().height() + v.horizontalHeader().height())
        self.frozen.horizontalHeader().setFixedHeight(v.horizontalHeader().height())

    def _main_resized(self, column: int, _old: int, new: int) -> None:
        if column < self.count:
            if self.frozen.columnWidth(column) != new:
                self.frozen.setColumnWidth(column, new)
            self.place()

    def _frozen_resized(self, column: int, _old: int, new: int) -> None:
        if column < self.count and self.view.horizontalHeader().sectionSize(column) != new:
            self.view.horizontalHeader().resizeSection(column, new)

    def _sorted(self, column: int, order: Qt.SortOrder) -> None:
        self.frozen.horizontalHeader().setSortIndicatorShown(self.view.horizontalHeader().isSortIndicatorShown())
        self.frozen.horizontalHeader().setSortIndicator(column, order)

    def _main_moved(self, *_args: object) -> None:
        """The frozen columns stay first, in their order (other columns move freely after them)."""
        if self._moving:
            return
        header = self.view.horizontalHeader()
        self._moving = True
        try:
            for c in range(self.count):
                if header.visualIndex(c) != c:
                    header.moveSection(header.visualIndex(c), c)
        finally:
            self._moving = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if shiboken6.isValid(self.view) and obj is self.view and event.type() in (
                QEvent.Type.Resize, QEvent.Type.LayoutRequest, QEvent.Type.Show):
            self.place()
        return False

    # ---- scrolling
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and current.column() >= self.count:
            self.uncover(current)

    def uncover(self, index: QModelIndex) -> None:
        """Scroll sideways so that the cell of `index` is not under the frozen columns nor past the edge."""
        header = self.view.horizontalHeader()
        bar = self.view.horizontalScrollBar()
        column = index.column()
        if column < self.count:
            return
        left = header.sectionPosition(column) - self.width()  # where the scrolled part begins
        right = header.sectionPosition(column) + header.sectionSize(column) - self.view.viewport().width()
        if bar.value() > left:
            bar.setValue(max(0, left))
        elif bar.value() < right:
            bar.setValue(min(right, left))

    def reveal(self, index: QModelIndex) -> None:
        """Its row in the middle, its cell out from under the frozen columns."""
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.uncover(index)
