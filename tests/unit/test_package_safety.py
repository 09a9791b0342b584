"""`package` reads attachments only from inside the folders the user chose: the draft's folder and the
--attachments folder. Every hostile path of a draft received from somebody else (absolute, `..`, a link
that leads out, /proc, a device, a named pipe, a folder, a name too long, direction characters) is
refused by name with exit code 2, nothing outside the folders is opened, and no output file is left.

An audit hook sees every file the process opens (builtins.open and os.open alike); while a test watches,
opening one of the hostile targets fails the test, and the open itself is stopped, so a named pipe
opened by mistake cannot hang the suite."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from desktop import paths
from desktop.cli import main
from desktop.domain.model import Attachment
from desktop.services.attachment_paths import AttachmentRefused, Folders, ordinary_file, read_attachment

SECRET = b"TOP-SECRET-DO-NOT-PACKAGE"
_watched: list[set[str]] = []
_violations: list[str] = []


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if event != "open" or not _watched or not isinstance(args[0], str | bytes | os.PathLike):
        return
    real = os.path.realpath(os.fsdecode(args[0]))
    if real in _watched[-1]:
        _violations.append(real)
        raise PermissionError(f"test: {real} must not be opened")


sys.addaudithook(_audit)


@contextlib.contextmanager
def never_opened(forbidden: set[str]) -> Iterator[list[str]]:
    """Within the block, opening any of `forbidden` (real paths) is recorded and refused."""
    _violations.clear()
    _watched.append({os.path.realpath(f) for f in forbidden})
    try:
        yield _violations
    finally:
        _watched.pop()


@dataclass
class Case:
    """One hostile attachment: what the draft says, what must never be opened, how it is refused."""

    id: str
    attachment: dict[str, Any]
    reason: str
    forbidden: set[str] = field(default_factory=set)
    said: list[str] = field(default_factory=list)  # what the message shows besides the name


@dataclass
class Layout:
    root: Path
    draft_dir: Path  # the draft's folder (in the GUI: the folder the user chooses)
    files: Path  # the --attachments folder
    outside: Path  # nothing here may be read
    secret: Path


def layout(root: Path) -> Layout:
    lay = Layout(root, root / "drafts", root / "files", root / "outside", root / "outside" / "secret.pdf")
    for folder in (lay.draft_dir, lay.files, lay.outside):
        folder.mkdir(parents=True, exist_ok=True)
    lay.secret.write_bytes(SECRET)
    return lay


def _fifo(lay: Layout) -> Case:
    os.mkfifo(lay.draft_dir / "pipe.pdf")
    return Case("fifo", {"name": "pipe.pdf", "path": "pipe.pdf"}, "special",
                {str(lay.draft_dir / "pipe.pdf")}, ["named pipe"])


def _folder(lay: Layout) -> Case:
    (lay.draft_dir / "scans.pdf").mkdir()
    return Case("folder", {"name": "scans.pdf", "path": "scans.pdf"}, "folder",
                {str(lay.draft_dir / "scans.pdf")}, ["folder"])


def _link_out(lay: Layout) -> Case:
    (lay.draft_dir / "link.pdf").symlink_to(lay.secret)
    return Case("symlink-out", {"name": "invoice.pdf", "path": "link.pdf"}, "outside", {str(lay.secret)},
                ["outside"])


def _link_to_device(lay: Layout) -> Case:
    (lay.draft_dir / "zero.pdf").symlink_to("/dev/zero")
    return Case("symlink-device", {"name": "zero.pdf", "path": "zero.pdf"}, "outside", {"/dev/zero"}, ["outside"])


def _bidi(lay: Layout) -> Case:
    target = lay.outside / "in\u202efdp.exe"
    target.write_bytes(SECRET)
    return Case("bidi", {"name": "invoice\u202efdp.exe", "path": "../outside/in\u202efdp.exe"}, "outside",
                {str(target)}, ["\\u202e", "outside"])


CASES: list[Callable[[Layout], Case]] = [
    lambda lay: Case("absolute", {"name": "invoice.pdf", "path": "/etc/shadow"}, "outside", {"/etc/shadow"},
                     ["/etc/shadow", "outside"]),
    lambda lay: Case("dotdot", {"name": "invoice.pdf", "path": "../../../../../../../etc/passwd"}, "outside",
                     {"/etc/passwd"}, ["../../../../../../../etc/passwd"]),
    lambda lay: Case("dotdot-secret", {"name": "contract.pdf", "path": "../outside/secret.pdf"}, "outside",
                     {str(lay.secret)}),
    _link_out,
    lambda lay: Case("proc", {"name": "environ.pdf", "path": "/proc/self/environ"}, "outside",
                     {"/proc/self/environ"}, ["/proc/self/environ"]),
    lambda lay: Case("device", {"name": "zero.pdf", "path": "/dev/zero"}, "outside", {"/dev/zero"}),
    _link_to_device,
    _fifo,
    _folder,
    lambda lay: Case("long-name", {"name": "长" * 100 + ".pdf", "path": "长" * 100 + ".pdf"}, "too_long",
                     set(), ["too long"]),
    _bidi,
]
CASE_IDS = ["absolute", "dotdot", "dotdot-secret", "symlink-out", "proc", "device", "symlink-device", "fifo",
            "folder", "long-name", "bidi"]


def legit(lay: Layout) -> dict[str, Any]:
    """An attachment that is fine (in the draft's folder), listed first: the refusal must name the other."""
    data = b"%PDF-1.4 not appended\n"
    (lay.draft_dir / "licence.txt").write_bytes(data)
    return {"kind": "business_licence", "name": "licence.txt", "path": "licence.txt",
            "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}


def write_draft(lay: Layout, attachments: list[dict[str, Any]]) -> Path:
    data = json.loads(paths.demo_draft_path().read_text(encoding="utf-8"))
    data["attachments"] = attachments
    draft = lay.draft_dir / "draft.json"
    draft.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return draft


def _package(draft: Path, out: Path, *extra: str) -> list[str]:
    return ["package", str(draft), "-o", str(out), "--as-of", "2026-06-01", *extra]


@pytest.mark.parametrize("make", CASES, ids=CASE_IDS)
def test_hostile_path_is_refused_by_name_and_never_read(
    make: Callable[[Layout], Case], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lay = layout(tmp_path)
    case = make(lay)
    draft = write_draft(lay, [legit(lay), case.attachment])
    out = tmp_path / "package.zip"
    with never_opened(case.forbidden | {str(lay.secret)}) as opened:
        code = main(_package(draft, out, "--attachments", str(lay.files)))
    err = capsys.readouterr().err
    assert opened == []
    assert code == 2, err
    assert f'attachments[1] "{case.attachment["name"].replace(chr(0x202e), chr(92) + "u202e")}"' in err
    assert "licence.txt" not in err and "Traceback" not in err
    for words in case.said:
        assert words in err, (words, err)
    assert "--attachments" in err  # what to do
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["drafts", "files", "outside"]


@pytest.mark.parametrize("make", CASES, ids=CASE_IDS)
def test_refusal_reason_and_both_languages(make: Callable[[Layout], Case], tmp_path: Path) -> None:
    lay = layout(tmp_path)
    case = make(lay)
    att = Attachment(name=case.attachment["name"], path=case.attachment["path"])
    with never_opened(case.forbidden) as opened, pytest.raises(AttachmentRefused) as refused:
        read_attachment(3, att, Folders(base=lay.draft_dir, search=lay.files))
    assert opened == [] and refused.value.reason == case.reason
    zh = refused.value.text("zh")
    assert zh.startswith("附件 4「") and "路径" in zh and "\u202e" not in zh
    assert "\u202e" not in str(refused.value)


def test_subprocess_exit_code_and_message(tmp_path: Path) -> None:
    lay = layout(tmp_path)
    draft = write_draft(lay, [legit(lay), {"name": "invoice.pdf", "path": "/etc/shadow"}])
    out = tmp_path / "p.zip"
    r = subprocess.run([sys.executable, "-m", "desktop", *_package(draft, out)], capture_output=True, text=True,
                       timeout=120, cwd=paths.PROJECT_ROOT)
    assert r.returncode == 2 and r.stdout == ""
    assert 'attachments[1] "invoice.pdf" (path "/etc/shadow")' in r.stderr and "not read" in r.stderr
    assert not out.exists()


def test_an_existing_output_is_left_as_it_was(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lay = layout(tmp_path)
    draft = write_draft(lay, [{"name": "invoice.pdf", "path": "/etc/passwd"}])
    out = tmp_path / "p.zip"
    out.write_bytes(b"the previous package")
    assert main(_package(draft, out)) == 2
    assert out.read_bytes() == b"the previous package"


def test_a_hostile_path_never_wins_over_the_named_file_in_the_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The path leads out, so it is not read; the file of that name in --attachments is (the draft was
    moved with its files), and it is what the package holds."""
    lay = layout(tmp_path)
    (lay.files / "invoice.pdf").write_bytes(b"the real invoice")
    draft = write_draft(lay, [{"name": "invoice.pdf", "path": "/etc/shadow"}])
    out = tmp_path / "p.zip"
    with never_opened({"/etc/shadow"}) as opened:
        assert main(_package(draft, out, "--attachments", str(lay.files))) == 0, capsys.readouterr().err
    assert opened == []
    with zipfile.ZipFile(out) as zf:
        assert zf.read("attachments/01-invoice.pdf") == b"the real invoice"


def test_legitimate_attachments_still_package(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """In the draft's folder, in a subfolder, through a link that stays inside, by name in --attachments,
    and by an absolute path inside the draft's folder."""
    lay = layout(tmp_path)
    (lay.draft_dir / "sub").mkdir()
    bodies = {"top.txt": b"top", "sub/deep.txt": b"deep", "sub/real.txt": b"linked", "named.txt": b"named",
              "absolute.txt": b"absolute"}
    (lay.draft_dir / "top.txt").write_bytes(bodies["top.txt"])
    (lay.draft_dir / "sub" / "deep.txt").write_bytes(bodies["sub/deep.txt"])
    (lay.draft_dir / "sub" / "real.txt").write_bytes(bodies["sub/real.txt"])
    (lay.draft_dir / "alias.txt").symlink_to(Path("sub") / "real.txt")
    (lay.files / "named.txt").write_bytes(bodies["named.txt"])
    (lay.draft_dir / "sub" / "absolute.txt").write_bytes(bodies["absolute.txt"])
    atts = [{"name": "top.txt", "path": "top.txt"}, {"name": "deep.txt", "path": "sub/deep.txt"},
            {"name": "alias.txt", "path": "alias.txt"}, {"name": "named.txt"},
            {"name": "absolute.txt", "path": str(lay.draft_dir / "sub" / "absolute.txt")}]
    draft = write_draft(lay, atts)
    out = tmp_path / "p.zip"
    with never_opened({str(lay.secret)}) as opened:
        code = main(_package(draft, out, "--attachments", str(lay.files)))
    assert code == 0, capsys.readouterr().err
    assert opened == []
    with zipfile.ZipFile(out) as zf:
        got = [zf.read(n) for n in zf.namelist() if n.startswith("attachments/")]
    assert got == [b"top", b"deep", b"linked", b"named", b"absolute"]


def test_relative_paths_start_at_the_draft_not_the_working_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lay = layout(tmp_path)
    monkeypatch.chdir(lay.outside)  # secret.pdf is in the working folder, not beside the draft
    draft = write_draft(lay, [{"name": "secret.pdf", "path": "secret.pdf"}])
    with never_opened({str(lay.secret)}) as opened:
        assert main(_package(draft, tmp_path / "p.zip")) == 2
    assert opened == [] and "file not found" in capsys.readouterr().err


def test_ordinary_file_is_what_verification_may_hash(tmp_path: Path) -> None:
    lay = layout(tmp_path)
    os.mkfifo(tmp_path / "pipe")
    assert ordinary_file(lay.secret)
    for path in (tmp_path / "pipe", tmp_path, "/dev/zero", "/proc/self/environ", tmp_path / "absent", "x\0y"):
        assert not ordinary_file(path), path


def test_system_files_are_refused_even_when_the_folder_is_the_root(tmp_path: Path) -> None:
    """A draft kept at / makes every path "inside": /proc, /sys and /dev files are still never read."""
    os.mkfifo(tmp_path / "pipe")
    everything = Folders(base=Path("/"), search=None)
    cases = {"/proc/self/environ": "system", "/dev/zero": "system", "/sys/kernel": "system",
             str(tmp_path / "pipe"): "fifo"}
    for path, kind in cases.items():
        with never_opened({path}) as opened, pytest.raises(AttachmentRefused) as refused:
            read_attachment(0, Attachment(name="x.pdf", path=path), everything)
        assert opened == [] and refused.value.reason == "special", path
        assert refused.value.details["kind"] == kind, (path, refused.value.details)
    nul = Attachment(name="a.pdf", path="a\0b.pdf")
    with pytest.raises(AttachmentRefused, match="file not found"):
        read_attachment(0, nul, Folders(base=tmp_path))


def test_an_attachment_over_the_size_limit_is_refused_by_name_and_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.services import attachment_paths

    monkeypatch.setattr(attachment_paths, "ATTACHMENT_LIMIT", 1000)  # the real bound is 512 MiB
    lay = layout(tmp_path)
    (lay.draft_dir / "scan.pdf").write_bytes(b"x" * 1001)
    draft = write_draft(lay, [{"name": "scan.pdf", "path": "scan.pdf"}])
    out = tmp_path / "p.zip"
    assert main(_package(draft, out)) == 2
    err = capsys.readouterr().err
    assert '"scan.pdf"' in err and "1,001 bytes" in err and "1,000-byte limit" in err
    assert not out.exists()
    (lay.draft_dir / "scan.pdf").write_bytes(b"x" * 1000)  # at the limit: packaged
    assert main(_package(draft, out)) == 0, capsys.readouterr().err
