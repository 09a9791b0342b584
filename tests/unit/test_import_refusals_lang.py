"""Every reason a file cannot be imported is said in Chinese as well as in English, naming the file."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from desktop.importers import ImportRefused, import_file
from desktop.importers.sources import CFB_SIGNATURE

HAN = re.compile(r"[\u4e00-\u9fff]")


def _cases(tmp: Path) -> list[tuple[Path, dict[str, str]]]:
    empty_csv = tmp / "empty.csv"
    empty_csv.write_text("\n\n", encoding="utf-8")
    locked = tmp / "locked.xlsx"
    locked.write_bytes(CFB_SIGNATURE + "EncryptionInfo".encode("utf-16-le") + b"\0" * 100)
    old = tmp / "old.xls"
    old.write_bytes(CFB_SIGNATURE + b"\0" * 100)
    broken = tmp / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    nomatch = tmp / "nomatch.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["甲", "乙", "丙"])
    wb.active.append([1, 2, 3])
    wb.save(nomatch)
    empty_sheet = tmp / "empty.xlsx"
    openpyxl.Workbook().save(empty_sheet)
    folder = tmp / "a-folder.xlsx"
    folder.mkdir()
    return [
        (tmp / "missing.xlsx", {}), (folder, {}), (empty_csv, {}), (locked, {}), (old, {}), (broken, {}),
        (nomatch, {}), (empty_sheet, {}), (nomatch, {"sheet": "不存在"}), (empty_csv, {"sheet": "x"}),
        (empty_csv, {"encoding": "no-such-codec"}), (empty_csv, {"delimiter": "|"}),
    ]


def test_every_refusal_speaks_both_languages(tmp_path: Path) -> None:
    for path, options in _cases(tmp_path):
        with pytest.raises(ImportRefused) as info:
            import_file(path, **options)  # type: ignore[arg-type]
        exc = info.value
        zh, en = exc.text("zh"), exc.text("en")
        assert zh.startswith(str(path)) and en.startswith(str(path)), (zh, en)
        assert HAN.search(zh.removeprefix(str(path))), f"no Chinese for {path.name} {options}: {zh}"
        assert zh != en and re.search(r"[a-z]+ [a-z]+", en), f"no English sentence: {en}"


def test_import_lines_refuses_in_the_chosen_language(tmp_path: Path) -> None:
    from desktop import paths

    locked = tmp_path / "locked.xlsx"
    locked.write_bytes(CFB_SIGNATURE + "EncryptionInfo".encode("utf-16-le"))
    cmd = [sys.executable, "-m", "desktop", "import-lines", str(paths.demo_draft_path()), str(locked), "--dry-run"]
    zh = subprocess.run([*cmd, "--lang", "zh"], capture_output=True, text=True, encoding="utf-8", timeout=120)
    en = subprocess.run([*cmd, "--lang", "en"], capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert zh.returncode == en.returncode == 2
    assert "加密" in zh.stderr and "encrypted" in en.stderr
