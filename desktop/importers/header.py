"""Finding the header row of a ledger and matching its columns to line fields by name."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.utils import get_column_letter

from desktop.importers.sources import SourceRow

# Field -> header names (normalised: NFKC, lower case, no spaces or punctuation, no "(元)"),
# the most specific first; a column matched by an earlier name wins over one matched by a later.
ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("设备名称", "名称", "品名", "设备", "资产名称", "货物名称", "货物或应税劳务名称", "货物或应税劳务服务名称",
             "项目名称设备", "仪器设备名称", "equipmentname", "name", "equipment", "item", "description"),
    "model": ("规格型号", "型号", "规格", "型号规格", "model", "spec", "specification", "modelspec"),
    "supplier": ("供应商", "供应商名称", "销售方名称", "销售方", "供货单位", "供货商", "生产厂家", "厂商",
                 "supplier", "vendor", "seller"),
    "kind": ("类型", "设备类型", "类别", "设备类别", "kind", "type", "category"),
    "use": ("用途", "设备用途", "use", "purpose"),
    "condition": ("新旧", "新旧程度", "是否全新", "condition"),
    "quantity": ("数量", "台数", "台套数", "购置数量", "quantity", "qty"),
    "unit_price": ("不含税单价", "单价不含税", "单价", "unitpriceexclvat", "unitpriceexcltax", "unitprice", "price"),
    "amount": ("不含税金额", "金额不含税", "金额", "amountexclvat", "amountexcltax", "amount", "netamount"),
    "tax_rate": ("税率", "增值税税率", "taxrate", "vatrate"),
    "gross_unit_price": ("含税单价", "单价含税", "unitpriceinclvat", "unitpriceincltax", "grossunitprice"),
    "gross_amount": ("价税合计", "含税金额", "金额含税", "价税合计金额", "amountinclvat", "amountincltax",
                     "grossamount", "totalinclvat"),
    "currency": ("币种", "币别", "货币", "currency"),
    "exchange_rate": ("汇率", "exchangerate", "fxrate"),
    "purchase_date": ("购置日期", "购置日期开票日期", "开票日期", "发票日期", "购买日期", "采购日期", "日期",
                      "purchasedate", "invoicedate", "date"),
    "invoice_number": ("发票号码", "发票号", "发票编号", "数电票号码", "invoicenumber", "invoiceno", "invoice"),
}
FIELDS: tuple[str, ...] = tuple(ALIASES)
_RANK = {alias: (field, rank) for field, names in ALIASES.items() for rank, alias in enumerate(names)}

_UNIT_PARENS = re.compile(r"\((元|万元|人民币|rmb|cny|yuan|¥|%|台|台套|套)\)")
_NOT_WORD = re.compile(r"[\W_]+")
SCAN_ROWS = 40


def normalise(header: Any) -> str:
    if header is None:
        return ""
    text = unicodedata.normalize("NFKC", str(header)).lower()
    return _NOT_WORD.sub("", _UNIT_PARENS.sub("", text))


def in_wan(header: Any) -> bool:
    """A header such as 金额（万元）: the column is in units of 10,000 yuan."""
    return header is not None and "万元" in unicodedata.normalize("NFKC", str(header))


def column_letter(index: int) -> str:
    """0-based column index -> A, B, …, AA."""
    return str(get_column_letter(index + 1))


@dataclass(frozen=True, slots=True)
class Header:
    index: int  # position of the header row in the table's row list
    row: int  # its spreadsheet row number
    texts: tuple[str, ...]  # each column's header as written ("" for none)

    @property
    def layout_key(self) -> str:
        """The same for every file whose header row reads the same (its names and their order)."""
        names = "\x1f".join(normalise(t) for t in self.texts).rstrip("\x1f")
        return hashlib.sha256(names.encode()).hexdigest()[:20]

    def label(self, column: int) -> str:
        return self.texts[column] if column < len(self.texts) else ""


def auto_mapping(texts: Sequence[Any]) -> dict[int, str]:
    """Column index -> field, each field given to its best-named column (leftmost on a tie)."""
    best: dict[str, tuple[int, int]] = {}
    for column, header in enumerate(texts):
        hit = _RANK.get(normalise(header))
        if hit is None:
            continue
        field, rank = hit
        if field not in best or rank < best[field][0]:
            best[field] = (rank, column)
    return {column: field for field, (_, column) in best.items()}


def find_header(rows: Sequence[SourceRow]) -> Header | None:
    """The first row among the first few dozen that names the most fields (at least two)."""
    chosen: tuple[int, int] | None = None
    for index, row in enumerate(rows[:SCAN_ROWS]):
        score = len(auto_mapping(row.values))
        if score >= 2 and (chosen is None or score > chosen[0]):
            chosen = (score, index)
    if chosen is None:
        return None
    index = chosen[1]
    texts = tuple("" if v is None else str(v).strip() for v in rows[index].values)
    while texts and not texts[-1]:
        texts = texts[:-1]
    return Header(index, rows[index].number, texts)


def shown_headers(rows: Sequence[SourceRow], limit: int = 8) -> str:
    """The first row with words in it, for a message about unmatched columns."""
    for row in rows[:SCAN_ROWS]:
        words = [str(v).strip() for v in row.values if v is not None and str(v).strip()]
        if len(words) >= 2:
            return "、".join(words[:limit]) + ("…" if len(words) > limit else "")
    return ""
