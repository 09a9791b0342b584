"""What each line lacks of its proof (record and scan), and the counts the attachments step shows."""

from __future__ import annotations

from datetime import date

from desktop.domain.model import Contract, LineFile
from desktop.services.evidence_gaps import counts_text, draft_gaps, gap_counts, line_lacks
from tests.unit.builders import draft, line
from tests.unit.evidence_builders import evidenced_line, sha


def _with_all_files(n: int, quantity: int = 1):
    item = evidenced_line(n, quantity)
    item.files = [*item.files, LineFile("payment", sha(900 + n), "回单.pdf", 1),
                  LineFile("acceptance", sha(950 + n), "验收单.pdf", 1)]
    return item


def test_a_line_with_every_record_and_scan_lacks_nothing() -> None:
    assert line_lacks(0, _with_all_files(1, quantity=3)).lacks == ()


def test_a_record_without_its_scan_or_a_scan_without_its_record_is_lacking() -> None:
    item = _with_all_files(1)
    item.files = [f for f in item.files if f.kind != "payment"]  # paid, but no bank slip
    item.contract = Contract(None, date(2025, 9, 1))  # the scan, but no number
    assert line_lacks(0, item).lacks == ("contract", "payment")


def test_nameplate_photos_are_counted_against_units_and_customs_only_for_imports() -> None:
    item = _with_all_files(1, quantity=3)
    photos = [f for f in item.files if f.kind == "nameplate_photo"]
    item.files = [*(f for f in item.files if f.kind != "nameplate_photo"), photos[0]]  # one photo of three
    item.imported = True
    gaps = line_lacks(4, item)
    assert gaps.lacks == ("nameplate", "customs") and (gaps.photos, gaps.units) == (1, 3)
    assert gaps.text("en") == "nameplate photos (1/3), customs declaration"
    assert gaps.text("zh") == "铭牌照片（1/3）、报关单"
    software = _with_all_files(2)
    software.kind = "software"
    software.files = [f for f in software.files if f.kind != "nameplate_photo"]
    assert line_lacks(0, software).lacks == ()


def test_a_bare_line_lacks_everything_and_the_counts_say_how_many_lines() -> None:
    d = draft([line(), line(invoice_number=None), _with_all_files(3)])
    gaps = draft_gaps(d)
    assert [g.index for g in gaps] == [0, 1]
    assert gaps[0].lacks == ("contract", "invoice", "payment", "acceptance", "nameplate")
    counts = gap_counts(gaps)
    assert counts == {"contract": 2, "invoice": 2, "payment": 2, "acceptance": 2, "nameplate": 2}
    assert counts_text({"payment": 12, "contract": 1}, "en") == "12 lines lack payment proof; 1 line lacks contract"
    assert counts_text({"payment": 12}, "zh") == "12 行缺少付款凭证"
