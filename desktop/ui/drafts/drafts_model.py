"""The table of drafts: a thin model over the repository's DraftSummary rows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.ui.common import icons

if TYPE_CHECKING:
    from desktop.services.draft_list import DraftSummary
    from desktop.services.team import TeamInfo

translate = QCoreApplication.translate
Index = QModelIndex | QPersistentModelIndex

TITLE, APPLICANT, STATUS, MAXIMUM, REQUESTED, CHANGED, STATE, DEADLINE, COMPANY, REVIEW, EDITING = range(11)
COLUMNS = 11

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _yuan(value: Decimal) -> str:
    from desktop.domain.money import format_yuan  # the domain loads with the first rows, after the first paint

    return format_yuan(value)


def _local(when: datetime | None) -> str:
    if when is None:
        return ""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


def _deadline(notice_id: str) -> date | None:
    """The notice's last deadline (None: no notice, none stated, or a notice this installation lacks)."""
    from desktop.rules.yamlnodes import PackError
    from desktop.services.notices import get_notice  # loads only once a draft names a notice

    try:
        last = get_notice(notice_id).final_deadline
    except (PackError, OSError):
        return None
    return None if last is None else last.day


class DraftsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[DraftSummary] = []
        self.team: dict[int, TeamInfo] = {}  # draft id -> who changed it, its review step, who is editing it
        self.sort_column: int | None = None  # None: as the repository lists them (last change first)
        self._deadlines: dict[str, date | None] = {}
        self.notes: Callable[[int], str] = lambda draft_id: ""  # more for the status tooltip (shared invoices)

    def set_rows(self, rows: Sequence[DraftSummary], team: dict[int, TeamInfo] | None = None) -> None:
        self.beginResetModel()
        self._deadlines = {}
        self.rows = self._sorted(list(rows))
        self.team = dict(team or {})
        self.endResetModel()

    def review_text(self, info: TeamInfo | None) -> str:
        if info is None or not info.review_state:
            return ""
        what = (translate("DraftsModel", "approved for submission") if info.review_state == "approved"
                else translate("DraftsModel", "for review"))
        return translate("DraftsModel", "{what}: {who}, {when}").format(
            what=what, who=info.review_by or "?", when=_local(info.review_at))

    def _changed_by(self, draft_id: int) -> str:
        return getattr(self.team.get(draft_id), "updated_by", None) or ""

    def editing_text(self, info: TeamInfo | None) -> str:
        if info is None or info.editing is None:
            return ""
        return translate("DraftsModel", "{who} since {when}").format(
            who=info.editing.holder, when=_local(info.editing.since))

    def deadline_of(self, row: DraftSummary) -> date | None:
        notice = getattr(row, "notice", None)
        if not notice:
            return None
        if notice not in self._deadlines:
            self._deadlines[notice] = _deadline(notice)
        return self._deadlines[notice]

    def _sorted(self, rows: list[DraftSummary]) -> list[DraftSummary]:
        if self.sort_column == DEADLINE:  # the nearest deadline first, drafts without one last
            return sorted(rows, key=lambda r: (self.deadline_of(r) is None, str(self.deadline_of(r) or "")))
        if self.sort_column == COMPANY:  # grouped by company, then as listed
            return sorted(rows, key=lambda r: (getattr(r, "company", None) is None, getattr(r, "company", "") or ""))
        return rows

    def sort_by(self, column: int | None, rows: Sequence[DraftSummary] | None = None) -> None:
        """Sort by deadline or group by company (other columns: back to the repository's order)."""
        self.sort_column = column if column in (DEADLINE, COMPANY) else None
        if rows is not None:
            self.set_rows(rows, self.team)

    def row_of(self, draft_id: int) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.id == draft_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt's names)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
                   ) -> str | None:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            translate("DraftsModel", "Title"),
            translate("DraftsModel", "Applicant"),
            translate("DraftsModel", "Status"),
            translate("DraftsModel", "Maximum subsidy (yuan)"),
            translate("DraftsModel", "Requested (yuan)"),
            translate("DraftsModel", "Last change"),
            translate("DraftsModel", "Application"),
            translate("DraftsModel", "Deadline"),
            translate("DraftsModel", "Company"),
            translate("DraftsModel", "Review"),
            translate("DraftsModel", "Being edited by"),
        )[section] if 0 <= section < COLUMNS else None

    def _damaged_data(self, row: DraftSummary, col: int, role: int) -> object:
        """A row that cannot be read: its id, that it is damaged and why; what can be done in the tooltip."""
        if role == Qt.ItemDataRole.DisplayRole:
            if col == TITLE:
                return translate("DraftsModel", "Damaged draft (id {id})").format(id=row.id)
            if col == APPLICANT:
                return row.damaged
            if col == STATUS:
                return translate("DraftsModel", "damaged")
            return ""
        if role == Qt.ItemDataRole.DecorationRole and col == STATUS:
            return icons.step_mark("errors")
        if role == Qt.ItemDataRole.ToolTipRole:
            return translate(
                "DraftsModel",
                "This draft cannot be read ({reason}). Export its raw stored values to a file, or delete it for ever.",
            ).format(reason=row.damaged)
        if role == ID_ROLE:
            return row.id
        return None

    def state_text(self, row: DraftSummary) -> str:
        state = getattr(row, "app_state", "draft")
        text = {
            "draft": translate("DraftsModel", "Draft"),
            "submitted": translate("DraftsModel", "Submitted"),
            "entered": translate("DraftsModel", "Entered"),
            "approved": translate("DraftsModel", "Approved"),
            "rejected": translate("DraftsModel", "Not approved"),
        }.get(state, state)
        granted = getattr(row, "granted", None)
        return f"{text} · {_yuan(granted)}" if granted is not None else text

    def status_text(self, row: DraftSummary) -> str:
        if row.errors is None:
            return translate("DraftsModel", "not checked")
        if row.errors:
            return translate("DraftsModel", "{n} errors").format(n=row.errors)
        return translate("DraftsModel", "ready")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        col = index.column()
        if getattr(row, "damaged", None):
            return self._damaged_data(row, col, role)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == TITLE:
                return row.title or translate("DraftsModel", "Untitled draft")
            if col == APPLICANT:
                return row.applicant or ""
            if col == STATUS:
                return self.status_text(row)
            if col == MAXIMUM:
                return _yuan(row.max_subsidy) if row.max_subsidy is not None else ""
            if col == REQUESTED:
                return _yuan(row.requested) if row.requested is not None else ""
            if col == CHANGED:
                return _local(row.deleted_at or row.updated_at)
            if col == STATE:
                return self.state_text(row)
            if col == DEADLINE:
                day = self.deadline_of(row)
                return "" if day is None else day.isoformat()
            if col == COMPANY:
                return getattr(row, "company", None) or ""
            if col == REVIEW:
                return self.review_text(self.team.get(row.id))
            if col == EDITING:
                return self.editing_text(self.team.get(row.id))
        elif role == Qt.ItemDataRole.ToolTipRole and col == CHANGED and self._changed_by(row.id):
            return translate("DraftsModel", "Last changed by {who}").format(who=self.team[row.id].updated_by)
        elif role == Qt.ItemDataRole.TextAlignmentRole and col in (MAXIMUM, REQUESTED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif role == Qt.ItemDataRole.DecorationRole and col == STATUS and row.errors is not None:
            return icons.step_mark("errors" if row.errors else ("warnings" if row.warnings else "complete"))
        elif role == Qt.ItemDataRole.ToolTipRole and col == STATUS and row.errors is not None:
            said = translate("DraftsModel", "{errors} errors, {warnings} warnings").format(
                errors=row.errors, warnings=row.warnings or 0
            )
            note = self.notes(row.id)
            return f"{said}\n{note}" if note else said
        elif role == ID_ROLE:
            return row.id
        return None
