"""Bounds on every input, checked before reading: zip bombs, devices, FIFOs, huge lines and files."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.domain.errors import DraftFormatError
from desktop.domain.exchange import loads
from desktop.importers import ImportRefused, import_file, xlsx_source
from desktop.importers.sources import LINE_LIMIT, long_line
from desktop.services.checking import read_draft_file
from tests.unit.ledgers import HEADERS, write_workbook

ROOT = Path(__file__).resolve().parents[2]


def _cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def _bomb(path: Path, unpacked: int) -> Path:
    """A real workbook whose shared strings unpack to `unpacked` bytes of one cell's text (a few KB packed)."""
    good = write_workbook(path.with_name("good.xlsx"), [HEADERS, [1, "设备"]])
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            if info.filename != "xl/sharedStrings.xml":
                out.writestr(info, src.read(info.filename))
        with out.open("xl/sharedStrings.xml", "w", force_zip64=True) as member:
            member.write(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>')
            chunk = b"A" * 2**20
            for _ in range(unpacked // len(chunk)):
                member.write(chunk)
            member.write(b"</t></si></sst>")
    return path


def test_zip_bomb_is_refused_from_the_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bomb = _bomb(tmp_path / "bomb.xlsx", xlsx_source.PART_LIMIT + 2**20)
    assert bomb.stat().st_size < 2 * 2**20  # packed: about a thousandth
    with pytest.raises(ImportRefused) as caught:
        import_file(bomb)
    message = caught.value.text("en")
    assert message.startswith(f"{bomb}: ")
    assert "xl/sharedStrings.xml" in message and "256 MB" in message
    code, _, err = _cli(capsys, "import-lines", ROOT / "seeds" / "demo-draft.json", bomb, "--dry-run", "--lang", "en")
    assert code == 2 and "unpacks to" in err and "Traceback" not in err


def test_total_unpacked_size_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ledger = write_workbook(tmp_path / "l.xlsx", [HEADERS, [1, "设备", "M", 1, "1.00"]])
    monkeypatch.setattr(xlsx_source, "TOTAL_LIMIT", 2000)
    with pytest.raises(ImportRefused, match="unpacks to .* bytes; a workbook may unpack to at most 2,000 bytes"):
        import_file(ledger)
    monkeypatch.setattr(xlsx_source, "TOTAL_LIMIT", 2**30)
    monkeypatch.setattr(xlsx_source, "PARTS_LIMIT", 3)
    with pytest.raises(ImportRefused, match="parts"):
        import_file(ledger)


def test_csv_line_of_200_kb(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ledger = tmp_path / "wide.csv"
    ledger.write_text("设备名称,数量,单价\n" + "x" * 200_000 + ",1,2\n", encoding="utf-8")
    code, _, err = _cli(capsys, "import-lines", ROOT / "seeds" / "demo-draft.json", ledger, "--dry-run",
                        "--lang", "en")
    assert code == 2
    assert f"{ledger}: line 2 has 200,004 characters; a ledger line may have at most {LINE_LIMIT:,}" in err
    assert "Traceback" not in err
    # a field past the csv module's own limit inside lines that are each short (a quoted field over lines)
    ledger.write_text('设备名称,数量\n"' + "y\n" * 70_000 + '",1\n', encoding="utf-8")
    code, _, err = _cli(capsys, "import-lines", ROOT / "seeds" / "demo-draft.json", ledger, "--dry-run")
    assert code == 2 and "Traceback" not in err and str(ledger) in err


def test_long_line_finder() -> None:
    assert long_line("a\nbb\nccc", 3) is None
    assert long_line("a\nbbbb\nccc", 3) == (2, 4)
    assert long_line("abcd", 3) == (1, 4)
    assert long_line("", 3) is None


@pytest.mark.parametrize("kind", ["dev_zero", "fifo", "folder"])
def test_devices_fifos_and_folders_are_refused_before_reading(kind: str, tmp_path: Path) -> None:
    if kind == "dev_zero":
        odd = Path("/dev/zero")
    elif kind == "fifo":
        odd = tmp_path / "pipe.csv"
        os.mkfifo(odd)
    else:
        odd = tmp_path / "folder.json"
        odd.mkdir()
    demo = ROOT / "seeds" / "demo-draft.json"
    out = tmp_path / "out.json"
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    # a real process, with a timeout: reading a FIFO would wait for ever, /dev/zero would fill the memory
    for args in (["import-lines", demo, odd, "-o", out], ["validate", odd], ["export", odd, "-o", tmp_path / "o.pdf"],
                 ["drafts", "--help"] if kind == "folder" else ["drafts", "import", odd],
                 ["export-lines", odd, "-o", tmp_path / "o.xlsx"]):
        done = subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], cwd=ROOT, env=env,
                              capture_output=True, text=True, encoding="utf-8", timeout=120)
        if args[-1] == "--help":
            continue
        assert done.returncode == 2, (args, done.stderr)
        assert "Traceback" not in done.stderr
        assert str(odd) in done.stderr
        assert ("not a regular file" in done.stderr or "不是普通文件" in done.stderr
                or "folder" in done.stderr or "文件夹" in done.stderr), done.stderr
    assert not out.exists()


def test_draft_file_size_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import desktop.domain.exchange as exchange
    import desktop.services.checking as checking

    path = tmp_path / "d.json"
    path.write_bytes((ROOT / "seeds" / "demo-draft.json").read_bytes())
    size = path.stat().st_size
    monkeypatch.setattr(checking, "DRAFT_FILE_LIMIT", size - 1)
    with pytest.raises(DraftFormatError) as caught:
        read_draft_file(path)
    assert str(caught.value) == f"{path}: the draft file has {size:,} bytes; the limit is {size - 1:,} bytes"
    monkeypatch.setattr(exchange, "DRAFT_FILE_LIMIT", 10)
    with pytest.raises(DraftFormatError, match="x.json: the draft is larger than 10 bytes, the most a draft"):
        loads(b"{" + b" " * 20 + b"}", source="x.json")
    assert exchange.DRAFT_FILE_LIMIT == 10
