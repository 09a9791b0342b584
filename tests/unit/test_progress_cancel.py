"""One progress-and-cancel protocol (desktop/progress.py) for the importers, the PDF renderer and the
GUI's background jobs (tests/gui/test_workers_progress.py): cancelling each stops it and writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.importers import ImportCancelled, MappingStore, import_file
from desktop.pdf import RenderCancelled
from desktop.progress import Cancelled, Progress
from desktop.services.checking import assess
from desktop.services.exporting import creation_time, write_application, write_package, write_report
from tests.conftest import AS_OF
from tests.unit.ledgers import write_big_ledger, write_text
from tests.unit.pdf_helpers import demo

ROWS = 12_000


def cancel_when(test) -> tuple[Progress, list[tuple[int, int, str]]]:
    """A Progress that cancels itself once `test(done, total)` holds; what it was told."""
    seen: list[tuple[int, int, str]] = []

    def listener(done: int, total: int, what: str) -> None:
        seen.append((done, total, what))
        if test(done, total):
            progress.cancel()

    progress = Progress(listener)
    return progress, seen


def test_one_cancelled_exception() -> None:
    assert ImportCancelled is Cancelled and RenderCancelled is Cancelled


def test_report_tells_then_raises_once_cancelled() -> None:
    seen: list[tuple[int, int, str]] = []
    progress = Progress(lambda d, t, w: seen.append((d, t, w)))
    progress.report(1, 4, "rows")
    progress.check()
    progress.cancel()
    assert progress.cancelled
    with pytest.raises(Cancelled):
        progress.report(2, 4, "rows")
    with pytest.raises(Cancelled):
        progress.check()
    assert seen == [(1, 4, "rows"), (2, 4, "rows")]


def test_a_part_reports_in_its_share_and_is_cancelled_with_the_whole() -> None:
    seen: list[tuple[int, int, str]] = []
    whole = Progress(lambda d, t, w: seen.append((d, t, w)))
    first, second = whole.part(0, 80), whole.part(80, 100)
    first.report(50, 100, "rows")
    second.report(1, 2, "lines")
    second.report(5, 2, "lines")  # past its total: the end of its share, no further
    assert seen == [(40, 100, "rows"), (90, 100, "lines"), (100, 100, "lines")]
    whole.cancel()
    with pytest.raises(Cancelled):
        first.check()
    second.part(0, 50).cancel()
    assert whole.cancelled


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
@pytest.mark.parametrize("stage", ["reading", "preview"])
def test_cancelling_an_import_stops_it_and_writes_nothing(tmp_path: Path, kind: str, stage: str) -> None:
    if kind == "xlsx":
        ledger = write_big_ledger(tmp_path / "big.xlsx", ROWS)
    else:
        rows = [["设备名称", "数量", "不含税单价"]] + [[f"设备{i}", "1", f"{1000 + i}.50"] for i in range(ROWS)]
        ledger = write_text(tmp_path / "big.csv", rows)
    store = MappingStore(tmp_path / "mappings.json")
    progress, seen = cancel_when(lambda done, total: stage == "reading" or done > 80)
    with pytest.raises(Cancelled):
        import_file(ledger, store=store, progress=progress)
    assert seen, "the import reported no progress before it was cancelled"
    assert (seen[-1][0] <= 80) == (stage == "reading")
    assert not store.path.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [ledger.name]


def _rendering(tmp_path: Path, what: str) -> tuple[Path, Progress, list[tuple[int, int, str]]]:
    draft = demo()
    assessment = assess(draft, AS_OF)
    progress, seen = cancel_when(lambda done, total: done > 0)
    created = creation_time(assessment.as_of, {})
    target = tmp_path / f"out.{'zip' if what == 'package' else 'pdf'}"
    with pytest.raises(Cancelled):
        if what == "application":
            write_application(draft, assessment, target, draft_copy=True, created=created, progress=progress)
        elif what == "report":
            write_report(draft, assessment, target, created=created, progress=progress)
        else:
            write_package(draft, assessment, target, attachments=[], draft_copy=True, created=created,
                          progress=progress)
    return target, progress, seen


@pytest.mark.parametrize("what", ["application", "report", "package"])
def test_cancelling_a_render_stops_it_and_writes_nothing(tmp_path: Path, what: str) -> None:
    target, progress, seen = _rendering(tmp_path, what)
    assert progress.cancelled and seen
    assert all(total > 0 and done < total for done, total, _ in seen)  # stopped before the end
    assert list(tmp_path.iterdir()) == []
