"""One ledger row -> one equipment line, or the problems that keep it out.

Prices: a unit price excluding VAT is taken as given. Without one it is derived, and the preview says
so: from the amount ÷ the quantity (only when it comes out to the fen exactly), or from the
tax-inclusive unit price ÷ (1 + tax rate), rounded to the fen. An amount excluding VAT may itself come
from the tax-inclusive total ÷ (1 + tax rate). A given amount must agree with quantity × unit price (to the
fen, or to the 15 significant digits a spreadsheet holds when the amount is that long).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Any

from desktop.domain.model import EquipmentLine
from desktop.domain.money import CENT, decimals_of, round_half_up
from desktop.importers import values as v
from desktop.importers.header import column_letter
from desktop.importers.problems import Problem

ONE = Decimal(1)
_EXCEL = Context(prec=15, rounding=ROUND_HALF_UP)  # a spreadsheet holds 15 significant digits
MONEY_FIELDS = frozenset({"unit_price", "amount", "gross_unit_price", "gross_amount"})
REQUIRED = ("name", "quantity")
PRICE_FIELDS = ("unit_price", "amount", "gross_unit_price", "gross_amount")

Reader = Callable[[Any], Any]


class RowConverter:
    def __init__(self, mapping: dict[int, str], headers: tuple[str, ...], scales: dict[int, Decimal],
                 epoch1904: bool = False) -> None:
        self.columns = {field: column for column, field in mapping.items()}
        self.headers = headers
        self.readers: list[tuple[str, int, Reader]] = []
        for column, field in sorted(mapping.items()):
            self.readers.append((field, column, self._reader(field, scales.get(column), epoch1904)))

    @staticmethod
    def _reader(field: str, scale: Decimal | None, epoch1904: bool) -> Reader:
        if field in MONEY_FIELDS:
            return lambda value: v.money(value, scale)
        if field == "purchase_date":
            return lambda value: v.date_value(value, epoch1904)
        simple: dict[str, Reader] = {
            "name": v.text, "model": v.text, "supplier": v.text, "kind": v.kind, "use": v.use,
            "condition": v.condition, "quantity": v.quantity, "tax_rate": v.tax_rate, "currency": v.currency,
            "exchange_rate": v.decimal_value, "invoice_number": v.invoice_number,
        }
        return simple[field]

    def problem(self, row: int, field: str, found: str, code: str, **args: str) -> Problem:
        column = self.columns.get(field)
        if column is None:
            return Problem(row, "", "", field, found, code, tuple(args.items()))
        header = self.headers[column] if column < len(self.headers) else ""
        return Problem(row, column_letter(column), header, field, found, code, tuple(args.items()))

    def is_empty(self, values: list[Any]) -> bool:
        width = len(values)
        return all(v.is_blank(values[column]) for _, column, _ in self.readers if column < width)

    def convert(self, row: int, values: list[Any]) -> tuple[EquipmentLine | None, list[Problem], tuple[str, ...]]:
        """The line, the problems (none when there is a line) and the codes of any derivations."""
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
        failed = {p.field for p in problems}
        for field in REQUIRED:
            if got.get(field) is None and field not in failed:
                problems.append(self.problem(row, field, "", "required"))
        unit, derived = self._unit_price(row, got, failed, problems)
        if problems:
            return None, problems, ()
        line = EquipmentLine(
            name=got.get("name"), model=got.get("model"), supplier=got.get("supplier"), kind=got.get("kind"),
            use=got.get("use"), condition=got.get("condition"), quantity=got.get("quantity"),
            unit_price=unit, currency=got.get("currency"), exchange_rate=got.get("exchange_rate"),
            purchase_date=got.get("purchase_date"), invoice_number=got.get("invoice_number"),
        )
        return line, problems, derived

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
            derived.append("derived_amount_from_gross")
        unit: Decimal | None = got.get("unit_price")
        if unit is not None:
            if decimals_of(unit.normalize()) > 2:
                problems.append(self.problem(row, "unit_price", v.shown(unit), "decimals"))
                return None, ()
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
