"""Files written on Windows read here as native ones, through the commands users run: a draft with a
UTF-8 BOM and CRLF line ends (validate, drafts import), a ledger CSV the same way (import-lines),
attachment paths with backslashes and drive letters (package), and draft archives unpacked and zipped
again by Windows tools: GBK names without the UTF-8 flag, backslash separators, a wrapping folder and
folder entries (archive-import)."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from desktop import paths
from desktop.cli import main
from desktop.files import zip_entry_name


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def _windows_bytes(text: str) -> bytes:
    return b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")


def _demo() -> dict:
    return json.loads(paths.demo_draft_path().read_text(encoding="utf-8"))


def _pair(tmp_path: Path, data: dict, name: str = "草稿.json") -> tuple[Path, Path]:
    """The same draft written natively and as Windows Notepad writes it, each in its own folder."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    native, windows = tmp_path / "native" / name, tmp_path / "windows" / name
    native.parent.mkdir(exist_ok=True)
    windows.parent.mkdir(exist_ok=True)
    native.write_text(text, encoding="utf-8")
    windows.write_bytes(_windows_bytes(text))
    assert windows.read_bytes().startswith(b"\xef\xbb\xbf") and b"\r\n" in windows.read_bytes()
    return native, windows


def test_bom_and_crlf_draft_validates_as_the_native_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    native, windows = _pair(tmp_path, _demo())
    results = [_cli(capsys, "validate", str(p), "--as-of", "2026-06-01", "--json") for p in (native, windows)]
    assert results[0][0] == results[1][0] == 0
    assert json.loads(results[0][1]) == json.loads(results[1][1])
    texts = [_cli(capsys, "validate", str(p), "--as-of", "2026-06-01")[1] for p in (native, windows)]
    assert texts[0].replace(str(native), "X") == texts[1].replace(str(windows), "X")


def test_bom_and_crlf_draft_imports_as_the_native_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    native, windows = _pair(tmp_path, _demo())
    db = str(tmp_path / "drafts.sqlite3")
    shown = []
    for path in (native, windows):
        code, out, err = _cli(capsys, "--db", db, "drafts", "import", str(path))
        assert code == 0, err
        shown.append(json.loads(_cli(capsys, "--db", db, "drafts", "show", out.strip(), "--json")[1]))
    assert shown[0] == shown[1]


def test_bom_and_crlf_ledger_imports_as_the_native_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ledger = ("设备名称,规格型号,数量,不含税单价,购置日期,发票号码,供应商\n"
              "激光切割机,LC-3015,1,\"¥1,234,567.50\",2025年10月15日,25442000000012345678,大族激光\n"
              "仿真软件,V2025,5,12.5万,2025/10/15,25442000000012345679,某软件公司\n")
    base = _demo()
    base["equipment"] = []
    native, windows = _pair(tmp_path, base)
    (native.parent / "台账.csv").write_text(ledger, encoding="utf-8")
    (windows.parent / "台账.csv").write_bytes(_windows_bytes(ledger))
    results = []
    for draft in (native, windows):
        out = draft.parent / "new.json"
        code, _, err = _cli(capsys, "import-lines", str(draft), str(draft.parent / "台账.csv"), "-o", str(out))
        assert code == 0, err
        results.append(json.loads(out.read_text(encoding="utf-8")))
    assert results[0] == results[1] and len(results[0]["equipment"]) == 2
    assert results[0]["equipment"][0]["name"] == "激光切割机"


def _with_attachment(tmp_path: Path, path: str, content: bytes = b"%PDF-1.4 invoice scan\n") -> Path:
    data = _demo()
    data["attachments"] = [{"kind": "other", "name": "发票1.pdf", "path": path,
                            "sha256": hashlib.sha256(content).hexdigest(), "size": len(content)}]
    folder = tmp_path / "申报材料"
    folder.mkdir()
    draft = folder / "草稿.json"
    draft.write_bytes(_windows_bytes(json.dumps(data, ensure_ascii=False, indent=2)))
    return draft


def _package(capsys: pytest.CaptureFixture[str], draft: Path, *extra: str) -> tuple[int, str, Path]:
    out = draft.parent.parent / "材料包.zip"
    code, _, err = _cli(capsys, "package", str(draft), "-o", str(out), "--as-of", "2026-06-01", "--draft",
                        "--no-appendix", *extra)
    return code, err, out


def test_backslash_path_is_found_inside_the_drafts_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = b"%PDF-1.4 invoice scan\n"
    draft = _with_attachment(tmp_path, "扫描件\\发票1.pdf", content)
    (draft.parent / "扫描件").mkdir()
    (draft.parent / "扫描件" / "发票1.pdf").write_bytes(content)
    code, err, out = _package(capsys, draft)
    assert code == 0, err
    with zipfile.ZipFile(out) as z:
        packed = [n for n in z.namelist() if n.startswith("attachments/")]
        assert len(packed) == 1 and packed[0].endswith("发票1.pdf") and z.read(packed[0]) == content


def test_backslash_path_that_leads_out_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "发票1.pdf").write_bytes(b"%PDF-1.4 invoice scan\n")  # beside the folder: outside it
    draft = _with_attachment(tmp_path, "..\\发票1.pdf")
    code, err, out = _package(capsys, draft)
    assert code == 2 and 'path "..\\发票1.pdf"' in err and "outside the folders" in err
    assert not out.exists()


def test_drive_letter_path_is_refused_by_name_saying_where_to_put_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = _with_attachment(tmp_path, "C:\\Users\\x\\发票1.pdf")
    (draft.parent / "C:").mkdir()  # a folder of that name beside the draft is not the Windows drive
    code, err, out = _package(capsys, draft)
    assert code == 2 and not out.exists()
    assert 'attachments[0] "发票1.pdf" (path "C:\\Users\\x\\发票1.pdf")' in err
    assert "absolute path on a Windows computer" in err and "Put the file inside the draft's folder" in err
    assert "Traceback" not in err


def test_drive_letter_path_found_by_name_in_the_attachments_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = b"%PDF-1.4 invoice scan\n"
    draft = _with_attachment(tmp_path, "C:\\Users\\x\\发票1.pdf", content)
    (draft.parent / "发票1.pdf").write_bytes(content)
    code, err, _ = _package(capsys, draft, "--attachments", str(draft.parent))
    assert code == 0, err


def test_drive_letter_message_in_chinese() -> None:
    from desktop.domain.model import Attachment
    from desktop.services.attachment_paths import AttachmentRefused, Folders, read_attachment

    with pytest.raises(AttachmentRefused) as caught:
        read_attachment(0, Attachment(name="发票1.pdf", path="D:/扫描/发票1.pdf"), Folders(base=Path("/nonexistent")))
    zh = caught.value.text("zh")
    assert "Windows" in zh and "D:/扫描/发票1.pdf" in zh and "草稿所在的文件夹" in zh


class _WindowsName(zipfile.ZipInfo):
    """An entry as Windows' compressed folders write it: the name in GBK bytes, no UTF-8 flag."""

    def __init__(self, name: str, *, separator: str = "/") -> None:
        super().__init__(name.replace("/", separator).encode("gbk").decode("cp437"), date_time=(2026, 1, 1, 0, 0, 0))
        self.compress_type = zipfile.ZIP_DEFLATED
        self.create_system = 0  # MS-DOS

    def _encodeFilenameFlags(self) -> tuple[bytes, int]:
        return self.filename.encode("cp437"), self.flag_bits & ~0x800


def test_windows_entry_names_are_read_as_gbk(tmp_path: Path) -> None:
    path = tmp_path / "w.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(_WindowsName("扫描件/发票1.pdf"), b"x")
        z.writestr("utf8-名称.txt", b"y")  # zipfile sets the flag
        z.writestr(zipfile.ZipInfo("caf\xe9.txt"), b"z")  # UTF-8 flagged é
    with zipfile.ZipFile(path) as z:
        raw = [i.flag_bits & 0x800 for i in z.infolist()]
        assert raw == [0, 0x800, 0x800]
        assert z.infolist()[0].filename != "扫描件/发票1.pdf"  # what zipfile alone makes of it
        assert [zip_entry_name(i) for i in z.infolist()] == ["扫描件/发票1.pdf", "utf8-名称.txt", "caf\xe9.txt"]
    cp437 = zipfile.ZipInfo("caf\u00e9.txt")  # no flag, bytes "caf\x82.txt": not GBK, kept as cp437 read them
    assert zip_entry_name(cp437) == "caf\u00e9.txt"


def _stored_draft_with_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, str, Path]:
    db = str(tmp_path / "a" / "drafts.sqlite3")
    Path(db).parent.mkdir()
    code, out, err = _cli(capsys, "--db", db, "drafts", "import", str(paths.demo_draft_path()))
    assert code == 0, err
    draft_id = out.strip()
    photo = tmp_path / "铭牌.jpg"
    photo.write_bytes(b"\xff\xd8\xff nameplate")
    code, _, err = _cli(capsys, "--db", db, "attach", draft_id, str(photo), "--kind", "nameplate_photo", "--line", "1")
    assert code == 0, err
    archive = tmp_path / "归档.zip"
    code, _, err = _cli(capsys, "--db", db, "archive-export", draft_id, "-o", str(archive))
    assert code == 0, err
    return db, draft_id, archive


@pytest.mark.parametrize("separator", ["/", "\\"], ids=["explorer", "compress-archive"])
def test_archive_zipped_again_on_windows_imports_the_same(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], separator: str
) -> None:
    db, draft_id, archive = _stored_draft_with_a_file(tmp_path, capsys)
    again = tmp_path / "重新压缩.zip"
    top = "草稿归档 2026/"
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(again, "w") as z:
        z.writestr(_WindowsName(top), b"")  # the folders' own entries
        z.writestr(_WindowsName(top + "files/"), b"")
        for info in source.infolist():
            z.writestr(_WindowsName(top + info.filename, separator=separator), source.read(info))
    with zipfile.ZipFile(again) as z:
        assert all(not i.flag_bits & 0x800 for i in z.infolist())
        assert "草稿" not in z.infolist()[-1].filename  # zipfile alone reads cp437
    other = str(tmp_path / "b" / "drafts.sqlite3")
    Path(other).parent.mkdir()
    code, out, err = _cli(capsys, "--db", other, "archive-import", str(again))
    assert code == 0, err
    new_id = out.strip()
    original = _cli(capsys, "--db", db, "drafts", "show", draft_id, "--json")[1]
    assert _cli(capsys, "--db", other, "drafts", "show", new_id, "--json")[1] == original
    digests = [p.name for p in (Path(other).parent / "files").rglob("*") if p.is_file()]
    assert digests == [hashlib.sha256(b"\xff\xd8\xff nameplate").hexdigest()]


def test_windows_archive_with_a_stranger_is_refused_naming_it_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, _, archive = _stored_draft_with_a_file(tmp_path, capsys)
    again = tmp_path / "重新压缩.zip"
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(again, "w") as z:
        for info in source.infolist():
            z.writestr(_WindowsName(info.filename), source.read(info))
        z.writestr(_WindowsName("说明.txt"), b"notes")
        z.writestr(_WindowsName("..\\逃逸.txt", separator="\\"), b"x")
    code, _, err = _cli(capsys, "--db", str(tmp_path / "c.sqlite3"), "archive-import", str(again), "--lang", "en")
    assert code == 2 and "..\\逃逸.txt: an absolute or escaping path" in err
    strangers = tmp_path / "s.zip"
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(strangers, "w") as z:
        for info in source.infolist():
            z.writestr(_WindowsName(info.filename), source.read(info))
        z.writestr(_WindowsName("说明.txt"), b"notes")
    code, _, err = _cli(capsys, "--db", str(tmp_path / "c.sqlite3"), "archive-import", str(strangers), "--lang", "zh")
    assert code == 2 and "说明.txt: 不属于草稿归档" in err
