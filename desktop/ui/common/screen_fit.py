"""Windows that fit the screen: opened inside the screen's available geometry (the taskbar and docks left
out), frame included, so Back / Next and the status bar are never below the edge.

Before a window is shown its frame is not known; a generous guess stands for it (a title bar and thin
borders). A size remembered from another, larger screen is brought inside the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMargins, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FRAME_GUESS = QMargins(8, 40, 8, 8)  # left, top (title bar), right, bottom


def available_geometry(window: QWidget) -> QRect:
    """The part of the window's screen that windows may use (tests replace this to fix a screen size)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 700)


def frame_margins(window: QWidget) -> QMargins:
    """The frame around the window's client area: measured when shown and known, else FRAME_GUESS."""
    if window.isVisible():
        outer, inner = window.frameGeometry(), window.geometry()
        measured = QMargins(inner.left() - outer.left(), inner.top() - outer.top(),
                            outer.right() - inner.right(), outer.bottom() - inner.bottom())
        if measured.top() > 0:
            return measured
    return FRAME_GUESS


def room(window: QWidget) -> QSize:
    """The largest client size whose frame fits in the available geometry."""
    area, m = available_geometry(window), frame_margins(window)
    return QSize(area.width() - m.left() - m.right(), area.height() - m.top() - m.bottom())


def outer_rect(window: QWidget) -> QRect:
    """Where the window is on screen with its frame (guessed before it is shown)."""
    m = frame_margins(window)
    return window.geometry().marginsAdded(m) if window.isVisible() else QRect(window.pos(), window.size() + QSize(
        m.left() + m.right(), m.top() + m.bottom()))


def fit_window(window: QWidget, wanted: QSize) -> None:
    """Size the window to `wanted` or less so that it fits, frame included, and centre it."""
    area, m, space = available_geometry(window), frame_margins(window), room(window)
    window.setMinimumSize(window.minimumSizeHint().boundedTo(space))  # never a minimum larger than the room
    size = wanted.boundedTo(space)
    window.resize(size)
    outer = QSize(size.width() + m.left() + m.right(), size.height() + m.top() + m.bottom())
    window.move(QPoint(area.x() + max(0, (area.width() - outer.width()) // 2),
                       area.y() + max(0, (area.height() - outer.height()) // 2)))


def restore_or_fit(window: QWidget, saved: QByteArray | None, wanted: QSize | tuple[int, int]) -> None:
    """The geometry remembered (`saved`, a QByteArray or None) when it fits this screen, else `wanted`."""
    if isinstance(wanted, tuple):
        wanted = QSize(*wanted)
    if saved is not None and window.restoreGeometry(saved):
        if window.isMaximized() or window.isFullScreen():
            return
        if available_geometry(window).contains(outer_rect(window)):
            return
        fit_window(window, window.size())
        return
    fit_window(window, wanted)
