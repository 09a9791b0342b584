"""Small status icons drawn once in code (no image files, crisp at any scale)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

_SIZE = 32


def _canvas() -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(_SIZE, _SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pixmap, painter


def _disc(colour: str, strokes: list[list[tuple[float, float]]]) -> QIcon:
    pixmap, painter = _canvas()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(2, 2, _SIZE - 4, _SIZE - 4)
    pen = QPen(QColor("white"), 4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    for stroke in strokes:
        points = [QPointF(x * _SIZE, y * _SIZE) for x, y in stroke]
        painter.drawPolyline(points)
    painter.end()
    return QIcon(pixmap)


@cache
def eligible() -> QIcon:
    return _disc("#15803d", [[(0.28, 0.52), (0.44, 0.68), (0.72, 0.36)]])


@cache
def error() -> QIcon:
    return _disc("#b91c1c", [[(0.5, 0.25), (0.5, 0.56)], [(0.5, 0.74), (0.5, 0.75)]])


@cache
def warning() -> QIcon:
    return _disc("#b45309", [[(0.5, 0.25), (0.5, 0.56)], [(0.5, 0.74), (0.5, 0.75)]])


@cache
def info() -> QIcon:
    return _disc("#1d4ed8", [[(0.5, 0.26), (0.5, 0.27)], [(0.5, 0.44), (0.5, 0.74)]])


def excluded() -> QIcon:
    """A line that does not count: a warning (the rule pack's severity for it), never an error's ✗."""
    return warning()


def for_severity(severity: str) -> QIcon:
    return {"error": error, "warning": warning}.get(severity, info)()
