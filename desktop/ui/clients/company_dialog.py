"""Companies kept once: the list, one company's form, and linking the draft chosen in the drafts list.

Saving a company carries its values into every open draft that follows it (services/companies.py); a
submitted draft keeps what it was submitted with. A standing document that lapses before today, or before
the deadline of a notice the company's open drafts name, is said beside it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.applicant_facts import CompanyFacts, FinancialYear
from desktop.domain.company import Company, StandingDocument, company_from_draft
from desktop.domain.model import Contact
from desktop.ui.common.widgets import finding_style, plain_label

if TYPE_CHECKING:
    from desktop.services.draft_store import DraftStore

translate = QCoreApplication.translate

_TEXTS = ("name", "credit_code", "city", "address", "legal_representative", "contact_name", "contact_phone",
          "contact_email", "bank_name", "bank_account")
_DOCS = (("business_licence", "营业执照"), ("center_approval", "创新中心认定/批复文件"))


class Problem(ValueError):
    pass


class CompanyDialog(QDialog):
    def __init__(self, store: DraftStore, draft_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.draft_id = draft_id  # the draft chosen in the drafts list (linked on request)
        self.company_id: int | None = None
        self.version = 0
        self.today = date.today  # the day documents are judged on (a test sets its own)
        self.setWindowTitle(translate("CompanyDialog", "Companies"))
        self.companies = QListWidget(self)
        self.companies.setMinimumWidth(220)
        self.companies.currentItemChanged.connect(lambda item, _old: self._show(item))
        self.edits: dict[str, QLineEdit] = {name: QLineEdit(self) for name in _TEXTS}
        self.capital, self.founded, self.staff, self.rd_staff = (QLineEdit(self) for _ in range(4))
        self.founded.setPlaceholderText("YYYY-MM-DD")
        self.years = [[QLineEdit(self) for _ in range(4)] for _ in range(3)]  # year, revenue, profit, R&D
        self.docs = [(QLineEdit(self), QLineEdit(self)) for _ in _DOCS]  # number, valid until
        self.doc_notes = [plain_label(self) for _ in _DOCS]  # lapsed, or lapsing before the deadline
        form = QFormLayout()
        labels = {
            "name": translate("CompanyDialog", "Registered name"),
            "credit_code": translate("CompanyDialog", "Credit code"),
            "city": translate("CompanyDialog", "City"),
            "address": translate("CompanyDialog", "Address"),
            "legal_representative": translate("CompanyDialog", "Legal representative"),
            "contact_name": translate("CompanyDialog", "Contact person"),
            "contact_phone": translate("CompanyDialog", "Contact phone"),
            "contact_email": translate("CompanyDialog", "Contact e-mail"),
            "bank_name": translate("CompanyDialog", "Bank"),
            "bank_account": translate("CompanyDialog", "Account number"),
        }
        for name in _TEXTS:
            form.addRow(labels[name], self.edits[name])
        form.addRow(translate("CompanyDialog", "Registered capital (yuan)"), self.capital)
        form.addRow(translate("CompanyDialog", "Founded on"), self.founded)
        form.addRow(translate("CompanyDialog", "Staff"), self.staff)
        form.addRow(translate("CompanyDialog", "R&D staff"), self.rd_staff)
        grid = QGridLayout()
        for col, head in enumerate((translate("CompanyDialog", "Year"), translate("CompanyDialog", "Revenue"),
                                    translate("CompanyDialog", "Total profit"), translate("CompanyDialog", "R&D"))):
            grid.addWidget(plain_label(self, head), 0, col)
        for r, row in enumerate(self.years, 1):
            for col, edit in enumerate(row):
                grid.addWidget(edit, r, col)
        form.addRow(translate("CompanyDialog", "Last three years"), grid)
        for (kind, zh), (number, until), note in zip(_DOCS, self.docs, self.doc_notes, strict=True):
            number.setPlaceholderText(translate("CompanyDialog", "number"))
            until.setPlaceholderText(translate("CompanyDialog", "valid until YYYY-MM-DD"))
            doc_row = QHBoxLayout()
            doc_row.addWidget(number)
            doc_row.addWidget(until)
            doc_row.addWidget(note)
            form.addRow(zh, doc_row)
            number.setObjectName(f"doc-{kind}")
            note.setObjectName(f"doc-note-{kind}")
        self.message = plain_label(self, wrap=True)
        new = QPushButton(translate("CompanyDialog", "New company"), self)
        new.clicked.connect(self.new_company)
        self.from_draft = QPushButton(translate("CompanyDialog", "From the chosen draft"), self)
        self.from_draft.clicked.connect(self.company_from_chosen_draft)
        self.link = QPushButton(translate("CompanyDialog", "Link the chosen draft"), self)
        self.link.clicked.connect(self.link_chosen_draft)
        for b in (self.from_draft, self.link):
            b.setEnabled(draft_id is not None)
        save = QPushButton(translate("CompanyDialog", "Save"), self)
        save.clicked.connect(self.save)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        left = QVBoxLayout()
        left.addWidget(self.companies, 1)
        left.addWidget(new)
        left.addWidget(self.from_draft)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addWidget(self.link)
        buttons.addStretch(1)
        buttons.addWidget(save)
        buttons.addWidget(close)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addLayout(right, 1)
        self.reload()

    # ---- the list
    def reload(self, select: int | None = None) -> None:
        from desktop.services.companies import list_companies

        with self.store.db.session() as s:
            found = list_companies(s)
        self.companies.blockSignals(True)
        self.companies.clear()
        for c in found:
            item = QListWidgetItem(f"{c.name} ({c.drafts})", self.companies)
            item.setData(0x0100, c.id)
        self.companies.blockSignals(False)
        for i in range(self.companies.count()):
            if self.companies.item(i).data(0x0100) == select:
                self.companies.setCurrentRow(i)

    def _show(self, item: QListWidgetItem | None) -> None:
        from desktop.services.companies import get_company

        if item is None:
            return
        with self.store.db.session() as s:
            stored = get_company(s, company_id=item.data(0x0100))
        self.company_id, self.version = stored.id, stored.version
        self.set_company(stored.company)
        self._say("")
        self.show_due(stored.company)

    # ---- the form
    def set_company(self, c: Company) -> None:
        f = c.facts
        values = {
            "name": c.name, "credit_code": c.credit_code, "city": c.city, "address": c.address,
            "legal_representative": c.legal_representative, "contact_name": c.contact.name,
            "contact_phone": c.contact.phone, "contact_email": c.contact.email, "bank_name": f.bank_name,
            "bank_account": f.bank_account,
        }
        for name, edit in self.edits.items():
            edit.setText(values[name] or "")
        self.capital.setText("" if f.registered_capital is None else format(f.registered_capital, "f"))
        self.founded.setText("" if f.founded_on is None else f.founded_on.isoformat())
        self.staff.setText("" if f.staff is None else str(f.staff))
        self.rd_staff.setText("" if f.rd_staff is None else str(f.rd_staff))
        for r, row in enumerate(self.years):
            year = f.financials[r] if r < len(f.financials) else FinancialYear()
            parts = (year.year, year.revenue, year.total_profit, year.rd_spending)
            for edit, value in zip(row, parts, strict=True):
                edit.setText("" if value is None else str(value))
        by_kind = {d.kind: d for d in c.documents}
        for (kind, _zh), (number, until) in zip(_DOCS, self.docs, strict=True):
            doc = by_kind.get(kind)
            number.setText((doc.number or "") if doc else "")
            until.setText(doc.valid_until.isoformat() if doc and doc.valid_until else "")

    def company(self) -> Company:
        """The company the form says (Problem naming the field when a value cannot be read)."""
        t = {name: (edit.text().strip() or None) for name, edit in self.edits.items()}
        if not t["name"]:
            raise Problem(translate("CompanyDialog", "Fill in the registered name."))
        years = []
        for row in self.years:
            if any(e.text().strip() for e in row):
                years.append(FinancialYear(
                    _int(row[0], translate("CompanyDialog", "Year")),
                    *(_money(e, translate("CompanyDialog", "Financial figures")) for e in row[1:])))
        docs = []
        for (kind, zh), (number, until) in zip(_DOCS, self.docs, strict=True):
            if number.text().strip() or until.text().strip():
                docs.append(StandingDocument(kind, zh, number.text().strip() or None, None, _date(until, zh)))
        return Company(
            name=t["name"] or "", credit_code=t["credit_code"], city=t["city"], address=t["address"],
            legal_representative=t["legal_representative"],
            contact=Contact(t["contact_name"], t["contact_phone"], t["contact_email"]),
            facts=CompanyFacts(
                registered_capital=_money(self.capital, translate("CompanyDialog", "Registered capital (yuan)")),
                founded_on=_date(self.founded, translate("CompanyDialog", "Founded on")),
                staff=_int(self.staff, translate("CompanyDialog", "Staff")),
                rd_staff=_int(self.rd_staff, translate("CompanyDialog", "R&D staff")),
                bank_name=t["bank_name"], bank_account=t["bank_account"], financials=years,
            ),
            documents=docs,
        )

    def show_due(self, company: Company) -> list[StandingDocument]:
        """Beside each standing document: lapsed on the check date, or lapsing before the deadline of a notice
        the company's open drafts name (the checker warns those drafts of it too). The lapsed documents."""
        from desktop.services.companies import documents_due

        with self.store.db.session() as s:
            due = documents_due(s, company_id=self.company_id, company=company, today=self.today())
        by_kind = {d.kind: d for d in due.lapsed}
        for (kind, _zh), note in zip(_DOCS, self.doc_notes, strict=True):
            doc = by_kind.get(kind)
            text = ""
            if doc is not None and doc.valid_until is not None:
                if due.notice is None or doc.valid_until < self.today():
                    text = translate("CompanyDialog", "No longer valid (until {date})").format(
                        date=doc.valid_until.isoformat())
                else:
                    text = translate("CompanyDialog", "Lapses {date}, before the deadline {deadline} of {notice}")
                    text = text.format(date=doc.valid_until.isoformat(), deadline=due.day.isoformat(),
                                       notice=due.notice.number)
            note.setText(text)
            note.setToolTip(text)
            note.setStyleSheet(finding_style("warning") if text else "")
        return due.lapsed

    def _say(self, text: str, severity: str = "ok") -> None:
        self.message.setText(text)
        self.message.setStyleSheet(finding_style(severity) if severity != "ok" else "")

    # ---- actions
    def new_company(self) -> None:
        self.companies.clearSelection()
        self.company_id, self.version = None, 0
        self.set_company(Company())
        self.show_due(Company())
        self.edits["name"].setFocus()

    def company_from_chosen_draft(self) -> None:
        if self.draft_id is None:
            return
        self.new_company()
        self.set_company(company_from_draft(self.store.load(self.draft_id).draft))

    def save(self) -> bool:
        from desktop.services.companies import create_company, save_company

        try:
            company = self.company()
        except Problem as exc:
            self._say(str(exc), "error")
            return False
        with self.store.db.session(write=True) as s:
            if self.company_id is None:
                self.company_id, self.version = create_company(s, company=company), 1
                updated: list[int] = []
            else:
                saved = save_company(s, company_id=self.company_id, company=company, expected_version=self.version)
                self.version, updated = saved.version, saved.updated_drafts
        self.reload(self.company_id)
        lapsed = [d.name for d in self.show_due(company)]
        text = translate("CompanyDialog", "Saved; {n} open drafts took the new values.").format(n=len(updated))
        if lapsed:
            text += " " + translate("CompanyDialog", "Not valid until the deadline: {docs}.").format(
                docs="、".join(str(d) for d in lapsed))
        self._say(text, "warning" if lapsed else "ok")
        return True

    def link_chosen_draft(self) -> None:
        from desktop.services.companies import assign_company
        from desktop.services.database import DraftLocked

        if self.draft_id is None or (self.company_id is None and not self.save()):
            return
        assert self.company_id is not None
        try:
            with self.store.db.session(write=True) as s:
                assign_company(s, draft_id=self.draft_id, company_id=self.company_id)
        except DraftLocked as exc:
            self._say(str(exc), "error")
            return
        self.reload(self.company_id)
        self._say(translate("CompanyDialog", "The draft follows this company now."))


def _int(edit: QLineEdit, what: str) -> int | None:
    text = edit.text().strip().replace(",", "")
    if not text:
        return None
    if not text.isdigit():
        raise Problem(translate("CompanyDialog", "{what}: write a whole number.").format(what=what))
    return int(text)


def _money(edit: QLineEdit, what: str) -> Decimal | None:
    text = edit.text().strip().replace(",", "")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite() or value != value.quantize(Decimal("0.01")):
        message = translate("CompanyDialog", "{what}: write an amount in yuan such as 1250000.00.")
        raise Problem(message.format(what=what))
    return value


def _date(edit: QLineEdit, what: str) -> date | None:
    text = edit.text().strip()
    if not text:
        return None
    try:
        if len(text) != 10:
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise Problem(translate("CompanyDialog", "{what}: write a date as YYYY-MM-DD.").format(what=what)) from None
