"""What each equipment line still lacks of its proof, and how many lines lack each kind (no Qt).

A piece of proof is there when both its record and its scan are: the contract (its number and a contract
file), the invoices (an invoice number and an invoice file), the payments (a payment and a payment
proof), the acceptance (its date and the acceptance note), for hardware one nameplate photo per unit, and
for imported equipment the customs declaration (its number and the scan). The attachments step lists
these as a checklist with counts; the checker's findings say the same things one by one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop.domain.evidence import files_of_kind, invoice_numbers
from desktop.domain.model import Draft, EquipmentLine

GAPS: dict[str, tuple[str, str]] = {  # key -> (zh, en) of what is lacking
    "contract": ("采购合同", "contract"),
    "invoice": ("发票", "invoice"),
    "payment": ("付款凭证", "payment proof"),
    "acceptance": ("验收单", "acceptance note"),
    "nameplate": ("铭牌照片", "nameplate photos"),
    "customs": ("报关单", "customs declaration"),
}


@dataclass(frozen=True)
class LineGaps:
    index: int
    name: str
    lacks: tuple[str, ...]  # GAPS keys, in GAPS order
    photos: int = 0  # nameplate photos attached
    units: int = 0  # of a hardware line (photos expected)

    def text(self, lang: str) -> str:
        """What the line lacks, in `lang`: 合同、铭牌照片（1/3） / contract, nameplate photos (1/3)."""
        parts = []
        for key in self.lacks:
            zh, en = GAPS[key]
            label = en if lang == "en" else zh
            if key == "nameplate" and self.photos:
                label += f" ({self.photos}/{self.units})" if lang == "en" else f"（{self.photos}/{self.units}）"
            parts.append(label)
        return (", " if lang == "en" else "、").join(parts)


def _blank(value: str | None) -> bool:
    return value is None or not value.strip()


def line_lacks(index: int, line: EquipmentLine) -> LineGaps:
    kinds = {f.kind for f in line.files}
    lacks = []
    if _blank(line.contract.number) or "contract" not in kinds:
        lacks.append("contract")
    if next(invoice_numbers(line), None) is None or "invoice" not in kinds:
        lacks.append("invoice")
    if not line.payments or "payment" not in kinds:
        lacks.append("payment")
    if line.acceptance_date is None or "acceptance" not in kinds:
        lacks.append("acceptance")
    photos = units = 0
    if line.kind == "hardware":
        photos = len(files_of_kind(line, "nameplate_photo"))
        units = max(line.quantity or 1, 1)
        if photos < units:
            lacks.append("nameplate")
    if line.imported and (_blank(line.customs_declaration) or "customs" not in kinds):
        lacks.append("customs")
    return LineGaps(index, (line.name or "").strip(), tuple(lacks), photos, units)


def draft_gaps(draft: Draft) -> list[LineGaps]:
    """The lines lacking something, in draft order."""
    out = []
    for i, line in enumerate(draft.equipment):
        gaps = line_lacks(i, line)
        if gaps.lacks:
            out.append(gaps)
    return out


def gap_counts(gaps: Iterable[LineGaps]) -> dict[str, int]:
    """How many lines lack each kind of proof (the kinds no line lacks are left out), in GAPS order."""
    counts = dict.fromkeys(GAPS, 0)
    for g in gaps:
        for key in g.lacks:
            counts[key] += 1
    return {k: n for k, n in counts.items() if n}


def counts_text(counts: dict[str, int], lang: str) -> str:
    """"12 lines lack payment proof; 3 lines lack contract" (or in Chinese)."""
    parts = []
    for key, n in counts.items():
        zh, en = GAPS[key]
        parts.append(f"{n} line{'s' if n != 1 else ''} lack{'' if n != 1 else 's'} {en}" if lang == "en"
                     else f"{n} 行缺少{zh}")
    return ("; " if lang == "en" else "；").join(parts)
