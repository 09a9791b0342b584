"""A folder of scans matched to equipment lines by the numbers in the files' names (no Qt).

A file is proposed for a line when its name holds one of the line's invoice numbers (the 20-digit 数电
number, the 8-digit number of an older invoice, or whatever the line holds), its contract number or its
customs declaration number. Names are read the way people write them: full-width digits and letters,
upper or lower case, and separators (space, -, _, ., /) inside a number are all the same; a number is
only found whole (44031234 is not found in 440312345, nor HT-2025-018 in HT-2025-0181). A number that
points to two lines or more leaves the file for the user to place; so does a name with no number of any
line. The kind of file is guessed from the words in its name (合同, 发票, 付款, 回单, 验收, 铭牌, 照片,
报关 …, and English); a photo with no telling word is taken for a nameplate photo.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.model import Draft, EquipmentLine
from desktop.storage.files_store import StoreError

MIN_KEY = 5  # a number shorter than this (once separators are gone) is too common to match on
MAX_CHUNKS = 8  # at most this many pieces of a name joined into one number
MAX_FILES = 20_000  # files taken from one folder (and its subfolders)

_SOFT = re.compile(r"[\s\-_./·—–~#№]+")  # separators that may stand inside a written number
_PIECE = re.compile(r"[A-Z]+|[0-9]+")
_PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".heic", ".heif", ".bmp", ".tif", ".tiff", ".webp"})

# (kind, words): the first kind one of whose words is in the name wins. The kinds that name one paper go
# before the contract, since their names often carry the contract's number ("合同HT-018付款回单").
KIND_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("nameplate_photo", ("铭牌", "nameplate", "name plate", "name-plate")),
    ("customs", ("报关", "进口货物", "customs", "import declaration")),
    ("acceptance", ("验收", "acceptance", "commissioning")),
    ("payment", ("付款", "回单", "支付", "转账", "汇款", "电汇", "水单", "银行", "payment", "remittance",
                 "bank slip", "bank receipt", "transfer")),
    ("invoice", ("发票", "专票", "普票", "invoice", "fapiao", "dzfp")),
    ("contract", ("合同", "协议", "contract", "agreement")),
    ("nameplate_photo", ("照片", "相片", "photo", "picture")),
)


@dataclass(frozen=True)
class Proposal:
    """What to do with one file: the line it is proposed for (None when no number in its name is a
    line's, or when one points to several lines: `candidates` then lists them), its guessed kind and the
    number that was found (as the line writes it)."""

    path: Path
    line: int | None
    kind: str
    candidates: tuple[int, ...] = ()
    number: str | None = None

    @property
    def ambiguous(self) -> bool:
        return self.line is None and len(self.candidates) > 1


def fold(text: str) -> str:
    """Full-width forms folded (NFKC) and upper case: how a name and a number are compared."""
    return unicodedata.normalize("NFKC", text).upper()


def compact(number: str) -> str:
    """A number as compared: folded, only its letters and digits (HT-2025-018 -> HT2025018)."""
    return "".join(_PIECE.findall(fold(number)))


def name_numbers(name: str) -> set[str]:
    """Every number a file name can be read to hold: each run of letters and digits between other
    characters, and every run of up to MAX_CHUNKS consecutive pieces joined (so `2544 2000 0001 2345 6789`,
    `HT-2025-018` and `FP44031234` are read as 25442000000123456789, HT2025018 and 44031234)."""
    stem = fold(name)
    found: set[str] = set()
    # a character that is neither a letter, a digit nor a separator (a Chinese word, a bracket) ends a number
    for segment in re.split(r"[^A-Z0-9\s\-_./·—–~#№]+", stem):
        pieces: list[str] = []
        for chunk in _SOFT.split(segment):
            pieces.extend(_PIECE.findall(chunk))
        for i in range(len(pieces)):
            joined = ""
            for piece in pieces[i:i + MAX_CHUNKS]:
                joined += piece
                if len(joined) >= MIN_KEY:
                    found.add(joined)
    return found


def line_numbers(line: EquipmentLine) -> Iterable[str]:
    """The numbers of a line a file name may carry, as the line writes them."""
    if line.invoice_number:
        yield line.invoice_number
    for invoice in line.invoices:
        if invoice.number:
            yield invoice.number
    if line.contract.number:
        yield line.contract.number
    if line.customs_declaration:
        yield line.customs_declaration


def number_index(draft: Draft) -> dict[str, tuple[set[int], str]]:
    """compact(number) -> (the lines that write it, the number as first written); numbers too short or
    without a digit are left out (they would match names by chance)."""
    index: dict[str, tuple[set[int], str]] = {}
    for i, line in enumerate(draft.equipment):
        for number in line_numbers(line):
            key = compact(number)
            if len(key) < MIN_KEY or not any(c.isdigit() for c in key):
                continue
            index.setdefault(key, (set(), number.strip()))[0].add(i)
    return index


def guess_line_kind(name: str) -> str:
    """The kind of line evidence a file's name suggests (a LINE_FILE_KINDS key; "other" when none)."""
    folded = fold(name).casefold()
    for kind, words in KIND_WORDS:
        if any(w in folded for w in words):
            return kind
    return "nameplate_photo" if Path(name).suffix.lower() in _PHOTO_SUFFIXES else "other"


def propose(draft: Draft, paths: Sequence[Path]) -> list[Proposal]:
    """One proposal per file, in the order given."""
    index = number_index(draft)
    out = []
    for path in paths:
        lines: set[int] = set()
        numbers: list[str] = []
        for key in name_numbers(path.stem):
            hit = index.get(key)
            if hit is not None:
                lines |= hit[0]
                numbers.append(hit[1])
        kind = guess_line_kind(path.name)
        if len(lines) == 1:
            out.append(Proposal(path, next(iter(lines)), kind, tuple(lines), min(numbers, key=len)))
        else:
            out.append(Proposal(path, None, kind, tuple(sorted(lines)), None if not numbers else numbers[0]))
    return out


def folder_files(folder: Path, *, limit: int = MAX_FILES) -> list[Path]:
    """The ordinary files in `folder` and its subfolders, by path; hidden files (.xxx, ~$xxx, Thumbs.db)
    and links are left out; StoreError past `limit` files. A subfolder that cannot be read is skipped."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith((".", "~$")) or name.casefold() in ("thumbs.db", "desktop.ini"):
                continue
            path = Path(root) / name
            try:
                mode = os.lstat(path).st_mode
            except OSError:
                continue
            if stat.S_ISREG(mode):
                found.append(path)
                if len(found) > limit:
                    raise StoreError(f"{folder}: more than {limit:,} files; choose a smaller folder",
                                     f"{folder}：文件超过 {limit:,} 个，请选择较小的文件夹")
    return found


def expand(paths: Iterable[Path]) -> list[Path]:
    """Dropped or chosen items as files: a folder stands for the files in it (folder_files)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            out.extend(folder_files(path))
        elif path.is_file():
            out.append(path)
    return out
