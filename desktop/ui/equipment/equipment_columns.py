"""The equipment table's columns: widths that share the window's extra width, remembered with their order.

Every column has a base width (the default, or what the user dragged it to). When the table is wider
than the columns, the extra goes to the name and supplier columns (the texts that get cut), so nothing
is cut next to empty space; when it is narrower the columns keep their base widths and the table
scrolls. The header's state (order and widths) and the base widths are kept in the settings file and
come back when the table is built again.

The first columns (the line's status and name) stay in view while the table scrolls sideways:
desktop/ui/equipment/frozen_columns.py.
"""

from __future__ import annotations

import contextlib

import shiboken6
from PySide6.QtCore import QByteArray, QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from desktop.ui.common import settings

STATE_KEY = "equipment/header"
BASE_KEY = "equipment/base_widths"


class ColumnFitter(QObject):
    def __init__(self, view: QTableView, defaults: dict[int, int], stretch: dict[int, float]) -> None:
        super().__init__(view)
        self.view = view
        self.header: QHeaderView = view.horizontalHeader()
        self.stretch = stretch  # logical column -> its share of the extra width
        self.base = dict(defaults)
        self.bonus: dict[int, int] = {}
        self._fitting = False
        self._save_timer = QTimer(self, singleShot=True, interval=400)
        self._save_timer.timeout.connect(self.save)
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.header.setSectionsMovable(True)
        self.header.setFirstSectionMovable(False)
        self._restore()
        self.header.sectionResized.connect(self._resized)
        self.header.sectionMoved.connect(lambda *_a: self._save_timer.start())
        self.viewport = view.viewport()
        self.viewport.installEventFilter(self)
        view.installEventFilter(self)
        self.fit()

    # ---- widths
    def fit(self) -> None:
        """Base widths, and the extra width (if any) shared by the stretching columns."""
        count = self.header.count()
        total = sum(self.base.get(c, self.header.sectionSize(c)) for c in range(count)
                    if not self.header.isSectionHidden(c))
        extra = max(0, self.view.viewport().width() - total)
        shares = sum(self.stretch.values()) or 1.0
        self._fitting = True
        try:
            given = 0
            stretching = [c for c in self.stretch if c < count]
            for k, c in enumerate(stretching):
                bonus = extra - given if k == len(stretching) - 1 else int(extra * self.stretch[c] / shares)
                given += bonus
                self.bonus[c] = bonus
            for c in range(count):
                width = self.base.get(c, self.header.sectionSize(c)) + self.bonus.get(c, 0)
                if self.header.sectionSize(c) != width:
                    self.header.resizeSection(c, width)
        finally:
            self._fitting = False

    def _resized(self, column: int, _old: int, new: int) -> None:
        if self._fitting:
            return
        self.base[column] = max(self.header.minimumSectionSize(), new - self.bonus.get(column, 0))
        self._save_timer.start()
        QTimer.singleShot(0, self, self.fit)  # after the drag's own resize

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if not shiboken6.isValid(self.view):  # events while the table is taken down
            return False
        if obj is self.viewport and event.type() == QEvent.Type.Resize:
            self.fit()
        elif obj is self.view and event.type() == QEvent.Type.Hide and self._save_timer.isActive():
            self.save()
        return False

    # ---- remembered
    def save(self) -> None:
        self._save_timer.stop()
        store = settings.settings()
        store.setValue(STATE_KEY, self.header.saveState())
        store.setValue(BASE_KEY, [int(self.base.get(c, self.header.sectionSize(c)))
                                  for c in range(self.header.count())])

    def _restore(self) -> None:
        store = settings.settings()
        state = store.value(STATE_KEY)
        widths = store.value(BASE_KEY)
        if isinstance(widths, list) and len(widths) == self.header.count():
            with contextlib.suppress(TypeError, ValueError):
                self.base = {c: max(self.header.minimumSectionSize(), int(w)) for c, w in enumerate(widths)}
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.header.restoreState(state)
            self.header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            self.header.setSortIndicatorShown(False)  # the lines open in their own order, not the last sort
