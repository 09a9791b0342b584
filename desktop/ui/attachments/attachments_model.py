"""The attachments table over `session.draft.attachments`, with each file's state on disk.

Every edit replaces the (short) list through one SetAttachments change. The state of each file (as
recorded, changed, vanished, not checked yet) is not part of the draft: the page computes it in a
worker and hands it to `set_states`.
"""

from __future__ import annotations

import copy
import hashlib
import os
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from desktop.domain import choices
from desktop.domain.changes import InsertLines, MoveLines, RemoveLines, RestoreLines, SetAttachments
from desktop.domain.model import Attachment
from desktop.services.attachment_paths import ordinary_file
from desktop.ui.common import status_icons
from desktop.ui.wizard.step_text import texts

if TYPE_CHECKING:
    from desktop.ui.wizard.session import DraftSession

COLUMNS = ("state", "kind", "name", "lines", "size", "sha256", "path")
HEADERS = {
    "state": QT_TRANSLATE_NOOP("AttachmentsModel", "State"), "kind": QT_TRANSLATE_NOOP("AttachmentsModel", "Kind"),
    "name": QT_TRANSLATE_NOOP("AttachmentsModel", "Name"),
    "lines": QT_TRANSLATE_NOOP("AttachmentsModel", "Equipment lines"),
    "size": QT_TRANSLATE_NOOP("AttachmentsModel", "Size"), "sha256": QT_TRANSLATE_NOOP("AttachmentsModel", "SHA-256"),
    "path": QT_TRANSLATE_NOOP("AttachmentsModel", "Location"),
}
STATES = {
    "ok": QT_TRANSLATE_NOOP("AttachmentsModel", "As recorded"),
    "changed": QT_TRANSLATE_NOOP("AttachmentsModel", "Changed since added"),
    "missing": QT_TRANSLATE_NOOP("AttachmentsModel", "File not found"),
    "unknown": QT_TRANSLATE_NOOP("AttachmentsModel", "Not checked yet"),
    "nopath": QT_TRANSLATE_NOOP("AttachmentsModel", "No file location"),
}
EDITABLE = {"kind", "name", "lines"}
CHUNK = 1 << 20
_KIND_WORDS = (
    ("invoice", ("发票", "invoice")), ("contract", ("合同", "contract")),
    ("business_licence", ("营业执照", "licence", "license")), ("payment_voucher", ("付款", "回单", "payment")),
    ("acceptance_note", ("验收", "acceptance")), ("customs_declaration", ("报关", "customs")),
    ("center_approval", ("认定", "批复", "approval")), ("audit_report", ("审计", "audit")),
)


def guess_kind(name: str) -> str:
    folded = name.casefold()
    for kind, words in _KIND_WORDS:
        if any(w in folded for w in words):
            return kind
    return "other"


def file_facts(path: str, progress: Callable[[int, int], object] | None = None) -> tuple[int, str]:
    """Size and SHA-256 of a file, read in chunks (progress(done, total) may return False to stop)."""
    size = os.path.getsize(path)
    digest = hashlib.sha256()
    done = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
            done += len(chunk)
            if progress is not None and progress(done, size) is False:
                raise InterruptedError(path)
    return size, digest.hexdigest()


AttachmentKey = tuple[str | None, int | None, str | None]  # path, size, SHA-256


def key_of(att: Attachment) -> AttachmentKey:
    return (att.path, att.size, att.sha256)


def state_of(att: Attachment) -> str:
    """Compare the file on disk with what was recorded (hashes it: call from a worker)."""
    if not att.path:
        return "nopath"
    if not ordinary_file(att.path):  # gone, or a folder, device, pipe or system file: never opened
        return "missing"
    if att.size is not None and os.path.getsize(att.path) != att.size:
        return "changed"
    if att.sha256:
        return "ok" if file_facts(att.path)[1] == att.sha256.lower() else "changed"
    return "ok"


def format_lines(lines: list[int]) -> str:
    """0-based indexes as people count them: [0, 2, 3, 4] -> "1, 3-5"."""
    runs: list[list[int]] = []
    for i in sorted(set(lines)):
        if runs and runs[-1][1] == i - 1:
            runs[-1][1] = i
        else:
            runs.append([i, i])
    return ", ".join(str(a + 1) if a == b else f"{a + 1}-{b + 1}" for a, b in runs)


def parse_lines(text: str) -> list[int] | None:
    """"1, 3-5" -> [0, 2, 3, 4]; None when the text is not such a list."""
    out: list[int] = []
    for part in re.split(r"[,，;；\s]+", text.strip()):
        if not part:
            continue
        m = re.fullmatch(r"(\d+)(?:[-–~](\d+))?", part)
        if m is None:
            return None
        a, b = int(m.group(1)), int(m.group(2) or m.group(1))
        if a < 1 or b < a or b - a > 100000:
            return None
        out.extend(range(a - 1, b))
    return sorted(set(out))


def human_size(size: int | None) -> str:
    if size is None:
        return ""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return str(size)


class AttachmentsModel(QAbstractTableModel):
    def __init__(self, session: DraftSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = "zh"
        self._rows = len(session.draft.attachments)
        self.states: dict[AttachmentKey, str] = {}  # key_of(attachment) -> state
        session.changed.connect(self._on_changed)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        return base | Qt.ItemFlag.ItemIsEditable if COLUMNS[index.column()] in EDITABLE else base

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
                   ) -> int | str | None:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return texts(self.lang).translate("AttachmentsModel", HEADERS[COLUMNS[section]])

    def set_lang(self, lang: str) -> None:
        self.lang = lang
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._all_changed()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self.session.draft.attachments):
            return None
        att = self.session.draft.attachments[index.row()]
        column = COLUMNS[index.column()]
        if column == "state":
            state = self.states.get(key_of(att), "unknown")
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return texts(self.lang).translate("AttachmentsModel", STATES[state])
            if role == Qt.ItemDataRole.DecorationRole:
                return {"ok": status_icons.eligible(), "unknown": status_icons.info(),
                        "nopath": status_icons.warning()}.get(state, status_icons.error())
            if role == Qt.ItemDataRole.ForegroundRole and state in ("changed", "missing"):
                return QColor("#b91c1c")
            return None
        if role == Qt.ItemDataRole.EditRole:
            return att.lines if column == "lines" else getattr(att, column)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == "kind":
            return choices.label(choices.ATTACHMENT_KINDS, att.kind, self.lang)
        if column == "lines":
            return format_lines(att.lines)
        if column == "size":
            return human_size(att.size) if role == Qt.ItemDataRole.DisplayRole else str(att.size or "")
        if column == "sha256" and role == Qt.ItemDataRole.DisplayRole:
            return (att.sha256 or "")[:16] + ("…" if att.sha256 else "")
        return getattr(att, column) or ""

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: object, role: int = Qt.ItemDataRole.EditRole
                ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        column = COLUMNS[index.column()]
        if column not in EDITABLE:
            return False
        if column == "lines":
            value = parse_lines(value) if isinstance(value, str) else value
            if value is None:
                return False
        elif column == "name":
            value = str(value or "").strip() or None
        elif value is not None and value not in choices.ATTACHMENT_KINDS:
            return False
        items = [copy.deepcopy(a) for a in self.session.draft.attachments]
        if getattr(items[index.row()], column) == value:
            return True
        setattr(items[index.row()], column, value)
        self.session.apply(SetAttachments(tuple(items)), texts(self.lang).translate("AttachmentsModel",
                                                                                    "Edit attachment"))
        return True

    def set_states(self, states: dict[AttachmentKey, str]) -> None:
        self.states.update(states)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(self._rows - 1, 0))

    def _all_changed(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(self._rows - 1, len(COLUMNS) - 1))

    def _on_changed(self, change: object) -> None:
        if isinstance(change, InsertLines | RemoveLines | RestoreLines | MoveLines):
            self._all_changed()  # the line numbers an attachment is linked to follow the lines
            return
        if change is not None and not isinstance(change, SetAttachments):
            return
        n = len(self.session.draft.attachments)
        if change is None:
            self.beginResetModel()
            self._rows = n
            self.endResetModel()
            return
        if n > self._rows:
            self.beginInsertRows(QModelIndex(), self._rows, n - 1)
            self._rows = n
            self.endInsertRows()
        elif n < self._rows:
            self.beginRemoveRows(QModelIndex(), n, self._rows - 1)
            self._rows = n
            self.endRemoveRows()
        self._all_changed()
