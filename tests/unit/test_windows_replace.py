"""Windows refuses to replace a file another program holds open (Excel, WPS, a PDF reader): the atomic
writer tries again a few times, then says which file to close; the temporary file never stays behind and
the file in the way is never touched. Simulated here by an os.replace that fails as Windows does."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop import cli, files
from desktop.files import OutputError, write_atomic, write_atomic_with


def _windows_refusal(winerror: int = 32) -> PermissionError:
    exc = PermissionError(errno.EACCES, "The process cannot access the file because it is being used by "
                          "another process")
    exc.winerror = winerror  # type: ignore[attr-defined]  # what Windows sets (absent on POSIX)
    return exc


def _failing_replace(monkeypatch: pytest.MonkeyPatch, failures: int, winerror: int = 32) -> list[str]:
    """os.replace refuses `failures` times (then works); returns the log of attempts."""
    real = os.replace
    attempts: list[str] = []

    def replace(src: str, dst: str | Path) -> None:
        attempts.append(str(dst))
        if len(attempts) <= failures:
            raise _windows_refusal(winerror)
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    return attempts


@pytest.fixture
def pauses(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    waited: list[float] = []
    monkeypatch.setattr(files, "_sleep", waited.append)
    return waited


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_released_after_two_refusals_the_file_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pauses: list[float]
) -> None:
    target = tmp_path / "申报书.pdf"
    target.write_bytes(b"old")
    attempts = _failing_replace(monkeypatch, failures=2)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert len(attempts) == 3
    assert len(pauses) == 2 and pauses == sorted(pauses) and all(p > 0 for p in pauses)
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("winerror", [32, 33, 5])
def test_held_open_for_good_says_which_file_to_close(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pauses: list[float], winerror: int
) -> None:
    target = tmp_path / "设备清单.xlsx"
    target.write_bytes(b"the file Excel has open")
    attempts = _failing_replace(monkeypatch, failures=10**6, winerror=winerror)
    with pytest.raises(OutputError) as caught:
        write_atomic(target, b"new")
    exc = caught.value
    assert len(attempts) == len(files.REPLACE_DELAYS) + 1 and len(pauses) == len(files.REPLACE_DELAYS)
    assert str(target) in str(exc) and ".part" not in str(exc)
    assert "open in another program" in str(exc) and "Excel" in str(exc) and "close it" in str(exc)
    zh = exc.text("zh")
    assert str(target) in zh and "其他程序打开" in zh and "关闭" in zh and "WPS" in zh
    assert target.read_bytes() == b"the file Excel has open"
    assert _leftovers(tmp_path) == []


def test_a_producer_writing_a_zip_leaves_nothing_either(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pauses: list[float]
) -> None:
    import zipfile

    def produce(fh: object) -> None:
        with zipfile.ZipFile(fh, "w") as z:  # type: ignore[call-overload]
            z.writestr("a.txt", "x" * 10_000)

    _failing_replace(monkeypatch, failures=10**6)
    with pytest.raises(OutputError):
        write_atomic_with(tmp_path / "材料包.zip", produce)
    assert list(tmp_path.iterdir()) == []


def test_other_refusals_are_not_retried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pauses: list[float]) -> None:
    """A POSIX permission error (no winerror) or another Windows error is reported at once, as before."""
    calls: list[int] = []

    def replace(src: str, dst: str) -> None:
        calls.append(1)
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "replace", replace)
    target = tmp_path / "out.pdf"
    with pytest.raises(OutputError) as caught:
        write_atomic(target, b"x")
    assert calls == [1] and pauses == []
    assert "permission denied" in str(caught.value) and "another program" not in str(caught.value)
    assert _leftovers(tmp_path) == []


def test_an_interruption_while_waiting_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(_: float) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(files, "_sleep", interrupted)
    _failing_replace(monkeypatch, failures=10**6)
    target = tmp_path / "a.pdf"
    target.write_bytes(b"old")
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old" and _leftovers(tmp_path) == []


def _run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(argv)
    return code, capsys.readouterr().err


@pytest.mark.parametrize("command", ["export", "package"])
def test_export_onto_an_open_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pauses: list[float], capsys: pytest.CaptureFixture[str],
    demo_path: Path, command: str,
) -> None:
    target = tmp_path / ("申报书.pdf" if command == "export" else "材料包.zip")
    target.write_bytes(b"open in Acrobat")
    _failing_replace(monkeypatch, failures=10**6)
    extra = ["--attachments", str(demo_path.parent)] if command == "package" else []
    code, err = _run_cli([command, str(demo_path), "-o", str(target), "--as-of", "2026-06-01", "--draft",
                          *extra], capsys)
    assert code == 2
    assert str(target) in err and "open in another program" in err and "Traceback" not in err
    assert target.read_bytes() == b"open in Acrobat"
    assert _leftovers(tmp_path) == []


def test_export_goes_through_once_the_file_is_closed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pauses: list[float], capsys: pytest.CaptureFixture[str],
    demo_path: Path,
) -> None:
    target = tmp_path / "申报书.pdf"
    target.write_bytes(b"open in WPS")
    _failing_replace(monkeypatch, failures=2)
    code, err = _run_cli(["export", str(demo_path), "-o", str(target), "--as-of", "2026-06-01", "--draft"], capsys)
    assert code in (0, 1), err
    assert target.read_bytes().startswith(b"%PDF")
    assert _leftovers(tmp_path) == []


def test_held_open_is_recognised_only_where_windows_says_so() -> None:
    check: Callable[[OSError], bool] = files.held_open
    assert check(_windows_refusal(32)) and check(_windows_refusal(5))
    other = _windows_refusal(3)  # ERROR_PATH_NOT_FOUND
    assert not check(other)
    assert check(PermissionError(errno.EACCES, "denied")) is (os.name == "nt")
