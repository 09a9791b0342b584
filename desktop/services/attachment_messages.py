"""What a refused attachment says, in Chinese and English: which one (its name and the path as the draft
wrote it), why it was refused, and what to do. The command line prints English; the GUI the user's
language."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from desktop.domain.fieldpath import ATTACHMENTS, path_text
from desktop.domain.lang import Lang
from desktop.pdf.names import INVISIBLE

# reason -> (zh, en); `{name}` fields come from the refusal's details.
WHY: dict[str, tuple[str, str]] = {
    "outside": (
        "该位置（跟随链接后）在允许读取附件的文件夹之外（{roots}），文件未被读取",
        "it leads outside the folders attachments are read from ({roots}), once links are followed; "
        "the file was not read",
    ),
    "windows_path": (
        "这是另一台电脑（Windows）上的绝对路径，本机无法读取，在附件文件夹中按文件名也未找到",
        "it is an absolute path on a Windows computer, which cannot be read on this one, and no file of that "
        "name is in the attachments folder",
    ),
    "special": ("这不是普通文件（{kind}），未被读取", "it is not an ordinary file ({kind}); it was not read"),
    "folder": ("这是一个文件夹，不是文件", "it is a folder, not a file"),
    "not_found": ("找不到文件（查找了：{looked}）", "file not found (looked at: {looked})"),
    "no_folder": ("没有写位置，也没有选择附件文件夹", "no path is given and no attachments folder was chosen"),
    "too_long": ("文件名过长，本系统无法打开", "the file name is too long for this system to open"),
    "unreadable": ("无法读取 {file}（{error}）", "cannot read {file} ({error})"),
    "too_big": (
        "{file} 有 {size} 字节，超过单个附件上限 {limit} 字节，未被读取；请压缩或拆分后再添加",
        "{file} has {size} bytes, over the {limit}-byte limit for one attachment; it was not read. "
        "Compress or split it, then add it again",
    ),
    "changed": (
        "{file} 不是登记时的文件：SHA-256 为 {digest}…，草稿登记的是 {recorded}…",
        "{file} is not the recorded file: SHA-256 {digest}… but the draft has {recorded}…",
    ),
    "size": (
        "{file} 有 {size} 字节，草稿登记的是 {recorded}", "{file} has {size} bytes but the draft records {recorded}",
    ),
}

KINDS: dict[str, tuple[str, str]] = {
    "device": ("设备", "a device"),
    "fifo": ("命名管道", "a named pipe"),
    "socket": ("套接字", "a socket"),
    "system": ("系统文件（/proc、/sys、/dev）", "a system file (/proc, /sys, /dev)"),
    "other": ("特殊文件", "a special file"),
}

# what to do, by where the package is built
WHAT_TO_DO: dict[str, dict[str, tuple[str, str]]] = {
    "cli": {
        "place": (
            "请把文件放进草稿所在的文件夹或 --attachments 指定的文件夹（可在子文件夹中），path 写相对于该文件夹的"
            "路径或只写文件名，然后重新打包。",
            "Put the file inside the draft's folder or the --attachments folder (a subfolder is fine) and "
            "write its path relative to that folder, or just its name; then package again.",
        ),
        "changed": (
            "请重新添加该附件（更新登记的大小和 SHA-256），或放回原来的文件。",
            "Attach the file again (to record its new size and SHA-256) or put the recorded file back.",
        ),
    },
    "gui": {
        "place": (
            "请把文件复制到所选的附件文件夹（可在子文件夹中）并在“附件”一步重新添加，或保存材料包时选择存放该文件的文件夹。",
            "Copy the file into the attachments folder you chose (a subfolder is fine) and add it again on "
            "the Attachments step, or choose the folder that holds it when you save the package.",
        ),
        "changed": (
            "请在“附件”一步删除并重新添加该文件，或放回原来的文件。",
            "Remove the file on the Attachments step and add it again, or put the recorded file back.",
        ),
    },
}


# what the GUI's export step shows about the attachments folder
UI: dict[str, tuple[str, str]] = {
    "choose_folder": (
        "选择存放附件的文件夹（只从此文件夹及其子文件夹读取附件）",
        "Choose the folder that holds the attachments (they are read from it and its subfolders only)",
    ),
}


def ui_text(key: str, lang: str) -> str:
    return UI[key][0 if Lang.parse(lang).chinese else 1]


def shown(text: str, limit: int = 200) -> str:
    """User text as it may be printed in a message: invisible and direction characters written as
    \\u escapes (so a name cannot disguise itself), and a very long text cut in its middle."""
    text = INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    if len(text) > limit:
        half = limit // 2
        text = f"{text[:half]}…{text[-half:]}"
    return text


def _join(items: Sequence[str]) -> str:
    return ", ".join(shown(str(i)) for i in items)


def refusal_text(
    *, index: int, name: str, path: str | None, reason: str, lang: str, context: str = "cli",
    details: Mapping[str, object] | None = None,
) -> str:
    """One message: `attachments[0] "invoice.pdf" (path "/etc/shadow"): why. What to do.`"""
    zh = Lang.parse(lang).chinese
    values = {k: (_join(v) if isinstance(v, list | tuple) else shown(str(v))) for k, v in (details or {}).items()}
    kind = str((details or {}).get("kind", "other"))
    values["kind"] = KINDS.get(kind, KINDS["other"])[0 if zh else 1]
    why = WHY[reason][0 if zh else 1].format_map(_Missing(values))
    todo_key = "changed" if reason in ("changed", "size") else "place"
    todo = WHAT_TO_DO.get(context, WHAT_TO_DO["cli"])[todo_key][0 if zh else 1]
    if zh:
        where = f"（路径 \"{shown(path)}\"）" if path else ""
        return f"附件 {index + 1}「{shown(name)}」{where}：{why}。{todo}"
    where = f' (path "{shown(path)}")' if path else ""
    return f'{path_text(ATTACHMENTS, index)} "{shown(name)}"{where}: {why}. {todo}'


class _Missing(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"
