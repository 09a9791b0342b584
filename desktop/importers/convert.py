"""One ledger row -> one equipment line, or the problems that keep it out.

Prices: a unit price excluding VAT is taken as given. Without one it is derived, and the preview says
so: from the amount ÷ the quantity (only when it comes out to the fen exactly), or from the
tax-inclusive unit price ÷ (1 + tax rate), rounded to the fen. An amount excluding VAT may itself come
from the tax-inclusive total ÷ (1 + tax rate). A given amount must agree with quantity × unit price (to the
fen, or to the 15 significant digits a spreadsheet holds when the amount is that long).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Any

from desktop.domain.model import EquipmentLine
from desktop.domain.money import CENT, decimals_of, round_half_up
from desktop.importers import values as v
from desktop.importers.header import column_letter
from desktop.importers.problems import Problem

ONE = Decimal(1)
_EXCEL = Context(prec=15, rounding=ROUND_HALF_UP)  # a spreadsheet holds 15 significant digits
MONEY_FIELDS = frozenset({"unit_price", "amount", "gross_unit_price", "gross_amount", "amount_cny"})
REQUIRED = ("name", "quantity")
PRICE_FIELDS = ("unit_price", "amount", "gross_unit_price", "gross_amount", "amount_cny")
_VOID_WORDS = ("已红冲", "全额红冲", "已作废", "作废", "红冲")

Reader = Callable[[Any], Any]


@dataclass(slots=True)
class Converted:
    """What one row gave: a line (or the problems), and what the preview needs to place it."""

    line: EquipmentLine | None
    problems: list[Problem]
    derived: tuple[str, ...] = ()
    amount: Decimal | None = None  # the line's amount excl. VAT in its currency (given, or quantity × price)
    negative: bool = False  # a negative amount: a discount row or a red invoice's line
    quantity: int | None = None  # as written, below zero on a red invoice
    status: str | None = None  # "void" (已红冲, 已作废) or "red_invoice" (是否正数发票 否): the row is left out
    category: str | None = None  # the tax category before the name (*机械设备*)
    service: bool = False
    name: str | None = None
    invoice: str | None = None


class RowConverter:
    def __init__(self, mapping: dict[int, str], headers: tuple[str, ...], scales: dict[int, Decimal],
                 epoch1904: bool = False, date_order: str | None = None, one_per_card: bool = False,
                 own_export: bool = False) -> None:
        self.columns = {field: column for column, field in mapping.items()}
        self.headers = headers
        self.date_order = date_order
        self.one_per_card = one_per_card
        self.own_export = own_export  # this program's export-lines: names and invoice numbers as the user typed them
        self.many_decimals: set[str] = set()  # columns whose prices were replaced by amount ÷ quantity
        self.readers: list[tuple[str, int, Reader]] = []
        for column, field in sorted(mapping.items()):
            self.readers.append((field, column, self._reader(field, scales.get(column), epoch1904)))

    def _reader(self, field: str, scale: Decimal | None, epoch1904: bool) -> Reader:
        if field == "amount_cny":  # only ever to derive a rate: this program's own export computes it
            return (lambda value: None) if self.own_export else (lambda value: v.signed_money(value, scale))
        if field in ("amount", "gross_amount"):
            return lambda value: v.signed_money(value, scale)
        if field in MONEY_FIELDS:
            return lambda value: v.money(value, scale)
        if field == "purchase_date":
            return lambda value: v.date_value(value, epoch1904, self.date_order)
        if field == "quantity":
            return v.signed_quantity
        simple: dict[str, Reader] = {
            "name": v.text, "model": v.text, "supplier": v.text, "kind": v.kind, "use": v.use,
            "condition": v.condition, "tax_rate": v.tax_rate, "currency": v.currency,
            "exchange_rate": v.decimal_value, "paper_number": v.invoice_number,
            "invoice_number": v.invoice_number_as_written if self.own_export else v.invoice_number,
        }
        if self.own_export:
            simple.update(name=v.text_as_written, model=v.text_as_written, supplier=v.text_as_written)
        return simple.get(field, v.text)

    def problem(self, row: int, field: str, found: str, code: str, **args: str) -> Problem:
        column = self.columns.get(field)
        if column is None:
            return Problem(row, "", "", field, found, code, tuple(args.items()))
        header = self.headers[column] if column < len(self.headers) else ""
        return Problem(row, column_letter(column), header, field, found, code, tuple(args.items()))

    def is_empty(self, values: list[Any]) -> bool:
        width = len(values)
        return all(v.is_blank(values[column]) for _, column, _ in self.readers if column < width)

    def status(self, values: list[Any]) -> str | None:
        """void" for an invoice 已红冲 or 已作废, "red_invoice" for a red invoice (是否正数发票 否), else None."""
        column = self.columns.get("invoice_status")
        if column is not None and column < len(values) and type(values[column]) is str:
            word = values[column].strip()
            if any(w in word for w in _VOID_WORDS) and "部分" not in word:
                return "void"
        column = self.columns.get("positive")
        if column is not None and column < len(values) and type(values[column]) is str \
                and values[column].strip() in ("否", "N", "no", "No"):
            return "red_invoice"
        return None

    def convert(self, row: int, values: list[Any]) -> Converted:
        """The row as a line, or its problems; a negative amount or a left-out invoice is said, not refused."""
        status = self.status(values)
        if status is not None:
            return Converted(None, [], status=status)
        got: dict[str, Any] = {}
        problems: list[Problem] = []
        width = len(values)
        for field, column, read in self.readers:
            raw = values[column] if column < width else None
            if raw is None or v.is_blank(raw):
                continue
            try:
                got[field] = read(raw)
            except v.BadValue as bad:
                problems.append(self.problem(row, field, v.shown(raw), bad.code, **bad.details))
        category, name = None, got.get("name")
        if isinstance(name, str) and not self.own_export:
            category, name = v.split_category(name)
            got["name"] = name
        invoice = got.get("invoice_number")
        if invoice is None and got.get("paper_number") is not None:
            invoice = f"{got.get('invoice_code') or ''}{got['paper_number']}"
            got["invoice_number"] = invoice
        amount = got.get("amount")
        if amount is None and got.get("currency") in (None, "CNY") and got.get("amount_cny") is not None:
            amount = got["amount"] = got.pop("amount_cny")
        quantity = got.get("quantity")
        if (amount is not None and amount < 0) or (quantity is not None and quantity < 0):
            if amount is not None and amount > 0:
                amount = -amount
            return Converted(None, problems, amount=amount, negative=True, quantity=quantity, name=name,
                             invoice=invoice, category=category)
        for field in ("gross_amount", "amount_cny"):
            if got.get(field) is not None and got[field] < 0:
                problems.append(self.problem(row, field, v.shown(got[field]), "positive"))
        failed = {p.field for p in problems}
        if quantity is None and self.one_per_card and "quantity" not in failed:
            got["quantity"] = quantity = 1
        for field in REQUIRED:
            if got.get(field) is None and field not in failed:
                problems.append(self.problem(row, field, "", "required"))
        unit, derived = self._unit_price(row, got, failed, problems)
        if problems:
            return Converted(None, problems)
        rate = got.get("exchange_rate")
        line_amount = got.get("amount") if got.get("amount") is not None else (
            unit * quantity if unit is not None and quantity is not None else None)
        if rate is None and got.get("currency") not in (None, "CNY") and got.get("amount_cny") is not None \
                and line_amount:
            rate = exchange_rate(got["amount_cny"], line_amount)
            derived += ("rate_derived",)
        line = EquipmentLine(
            name=name, model=got.get("model"), supplier=got.get("supplier"), kind=got.get("kind"),
            use=got.get("use"), condition=got.get("condition"), quantity=quantity,
            unit_price=unit, currency=got.get("currency"), exchange_rate=rate,
            purchase_date=got.get("purchase_date"), invoice_number=invoice,
        )
        if category is not None:
            derived += ("category_removed",)
        if got.get("paper_number") is not None and got.get("invoice_number") == invoice and \
                self.columns.get("invoice_number") is not None and _blank_at(values, self.columns["invoice_number"]):
            derived += ("paper_invoice",)
        return Converted(line, [], derived, line_amount, category=category, name=name, invoice=invoice,
                         service=not self.own_export and v.looks_like_service(name, category), quantity=quantity)

    def _unit_price(self, row: int, got: dict[str, Any], failed: set[str],
                    problems: list[Problem]) -> tuple[Decimal | None, tuple[str, ...]]:
        quantity: int | None = got.get("quantity")
        rate: Decimal | None = got.get("tax_rate")
        amount: Decimal | None = got.get("amount")
        derived: list[str] = []
        if amount is not None and decimals_of(amount.normalize()) > 2:
            problems.append(self.problem(row, "amount", v.shown(amount), "decimals"))
            return None, ()
        given_amount = amount is not None
        if amount is None and "gross_amount" in got and rate is not None:
            amount = round_half_up(got["gross_amount"] / (ONE + rate))
            got["amount"] = amount
            derived.append("derived_amount_from_gross")
        unit: Decimal | None = got.get("unit_price")
        if unit is not None:
            if decimals_of(unit.normalize()) > 2:
                if not (given_amount and quantity and amount is not None):
                    problems.append(self.problem(row, "unit_price", v.shown(unit), "decimals"))
                    return None, ()
                # An invoice's price with many decimals (176991.150442478): the amount is authoritative.
                if abs(unit * quantity - amount) > CENT * quantity:
                    problems.append(self.problem(row, "amount", v.shown(amount), "mismatch",
                                                 expected=format(round_half_up(unit * quantity), ",.2f")))
                    return None, ()
                self.many_decimals.add(self._column_name("unit_price"))
                return round_half_up(amount / quantity), tuple(derived)
            unit = unit.quantize(CENT)
            if given_amount and quantity is not None and amount is not None:
                expected = round_half_up(unit * quantity)
                if expected != amount and _EXCEL.plus(expected) != _EXCEL.plus(amount):
                    problems.append(self.problem(row, "amount", v.shown(amount), "mismatch",
                                                 expected=format(expected, ",.2f")))
            return unit, tuple(derived)
        if amount is not None and quantity is not None:
            fen = amount * 100
            if fen != fen.to_integral_value() or int(fen) % quantity:
                result = format((amount / quantity).quantize(Decimal("0.0001")), "f")
                problems.append(self.problem(row, "amount", v.shown(amount), "not_exact", amount=format(amount, "f"),
                                             quantity=str(quantity), result=result))
                return None, ()
            derived.append("derived_unit_from_amount")
            return (amount / quantity).quantize(CENT), tuple(derived)
        if "gross_unit_price" in got and rate is not None:
            derived.append("derived_unit_from_gross")
            return round_half_up(got["gross_unit_price"] / (ONE + rate)), tuple(derived)
        if not failed & {*PRICE_FIELDS, "tax_rate", "quantity"}:
            problems.append(self.problem(row, "unit_price", "", "no_price"))
        return None, ()

    def _column_name(self, field: str) -> str:
        column = self.columns[field]
        return f"{column_letter(column)} {self.headers[column] if column < len(self.headers) else ''}".strip()


def _blank_at(values: list[Any], column: int) -> bool:
    return column >= len(values) or v.is_blank(values[column])


def exchange_rate(amount_cny: Decimal, amount: Decimal) -> Decimal:
    """CNY per unit: the shortest rate (6 to 10 decimals) with which the amount gives the CNY amount to the fen."""
    for places in range(6, 11):
        rate = (amount_cny / amount).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        if round_half_up(amount * rate) == amount_cny:
            return rate
    return (amount_cny / amount).quantize(Decimal("1e-10"), rounding=ROUND_HALF_UP)
