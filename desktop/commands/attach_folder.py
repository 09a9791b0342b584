"""grant-assistant [--db PATH|URL] attach-folder ID FOLDER [--apply] [--lang zh|en|bilingual]

Match the files in FOLDER (and its subfolders) to stored draft ID's equipment lines by the invoice,
contract or customs declaration number in their names, the kind (contract, invoice, payment, acceptance,
nameplate photo, customs) guessed from the words in the name. Without --apply the proposal is printed
(file → line, kind; the files no line's number matched, and those whose number is on several lines) and
nothing changes. With --apply the matched files are copied into the program's file store and added to
their lines in one saved change; the others are left for the wizard's attachments step.

Exit 0: every file matched (and, with --apply, attached). Exit 1: some files are unmatched or ambiguous
(with --apply the matched ones are attached all the same), or the folder holds no file. Exit 2: the
folder, a file or the draft cannot be used (message on stderr naming it; nothing changed).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.commands.common import EXIT_BLOCKED, EXIT_READY, CommandError, add_lang, draft_id, path_arg
from desktop.commands.stored import open_db
from desktop.domain import choices
from desktop.domain.lang import Lang, choose

if TYPE_CHECKING:
    from desktop.services.database import Database
    from desktop.services.evidence_matching import Proposal
    from desktop.services.folder_attach import FolderPlan

_WORDS = {
    "files": ("{folder}：{n} 个文件，草稿 {id}（{lines} 条设备）", "{folder}: {n} files, draft {id} ({lines} lines)"),
    "matched": ("按文件名中的编号对应到设备的文件 {n} 个：", "Matched to a line by a number in the name: {n}"),
    "row": ("  {name} → 第 {line} 行（{equipment}），{kind}，编号 {number}",
            "  {name} → line {line} ({equipment}), {kind}, number {number}"),
    "ambiguous": ("编号同时出现在多行、需在程序中选定行的文件 {n} 个：",
                  "Number on several lines, to place in the program: {n}"),
    "ambiguous_row": ("  {name}：编号 {number} 在第 {lines} 行", "  {name}: number {number} is on lines {lines}"),
    "unmatched": ("文件名中没有任何设备的发票、合同或报关单编号的文件 {n} 个：",
                  "No line's invoice, contract or customs number in the name: {n}"),
    "dry": ("试运行：未添加任何文件；加上 --apply 添加上面对应好的 {n} 个文件",
            "Nothing attached: run again with --apply to attach the {n} matched files above"),
    "nothing": ("没有可添加的文件：草稿未改动", "No file to attach: the draft is unchanged"),
    "empty": ("{folder}：文件夹中没有文件（隐藏文件与链接不算）",
              "{folder}: no files in the folder (hidden files and links are not taken)"),
    "applied": ("已将 {n} 个文件添加到草稿 {id} 的第 {lines} 行（一次保存，版本 {version}）",
                "Attached {n} files to draft {id}, lines {lines} (one saved change, version {version})"),
    "already": ("  已在该行、未重复添加：{name}", "  already on its line, not added again: {name}"),
}


def _w(key: str, lang: str, **args: object) -> str:
    zh, en = _WORDS[key]
    return choose(lang, zh, en).format(**args)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("attach-folder",
                       help="match a folder of scans to a stored draft's lines by the numbers in the file names")
    p.add_argument("id", type=draft_id, metavar="ID")
    p.add_argument("folder", type=path_arg, metavar="FOLDER")
    p.add_argument("--apply", action="store_true",
                   help="attach the matched files (default: print the proposal and change nothing)")
    add_lang(p)
    p.set_defaults(func=run)


def _name(plan: FolderPlan, proposal: Proposal) -> str:
    try:
        return str(proposal.path.relative_to(plan.folder))
    except ValueError:
        return proposal.path.name


def _print_plan(plan: FolderPlan, lang: str) -> None:
    sep = "、" if Lang.parse(lang).chinese else ", "
    print(_w("files", lang, folder=plan.folder, n=len(plan.proposals), id=plan.draft_id,
             lines=len(plan.draft.equipment)))
    matched = plan.matched
    print(_w("matched", lang, n=len(matched)))
    for p in matched:
        index = p.line or 0
        print(_w("row", lang, name=_name(plan, p), line=index + 1, equipment=plan.draft.equipment[index].name or "—",
                 kind=choices.label(choices.LINE_FILE_KINDS, p.kind, lang), number=p.number or ""))
    if plan.ambiguous:
        print(_w("ambiguous", lang, n=len(plan.ambiguous)))
        for p in plan.ambiguous:
            print(_w("ambiguous_row", lang, name=_name(plan, p), number=p.number or "",
                     lines=sep.join(str(i + 1) for i in p.candidates)))
    if plan.unmatched:
        print(_w("unmatched", lang, n=len(plan.unmatched)))
        for p in plan.unmatched:
            print(f"  {_name(plan, p)}")


def run(args: argparse.Namespace) -> int:
    from desktop.services.evidence_files import StoreError

    with open_db(args) as db:
        try:
            return _run(db, args, args.lang)
        except StoreError as exc:  # the folder or a file in it, said in the language asked for
            raise CommandError(exc.text(args.lang)) from None


def _run(db: Database, args: argparse.Namespace, lang: str) -> int:
    from desktop.services.folder_attach import attach_planned, plan_folder

    folder: Path = args.folder
    plan = plan_folder(db, args.id, folder)
    if not plan.proposals:
        print(_w("empty", lang, folder=folder))
        return EXIT_BLOCKED
    _print_plan(plan, lang)
    if not args.apply:
        print(_w("dry", lang, n=len(plan.matched)) if plan.matched else _w("nothing", lang))
        return EXIT_BLOCKED if plan.ambiguous or plan.unmatched else EXIT_READY
    done = attach_planned(db, plan)
    for p in done.already:
        print(_w("already", lang, name=_name(plan, p)))
    if done.added:
        lines = sorted({(p.line or 0) + 1 for p, _ in done.added})
        sep = "、" if Lang.parse(lang).chinese else ", "
        print(_w("applied", lang, n=len(done.added), id=plan.draft_id, lines=sep.join(map(str, lines)),
                 version=done.version))
    else:
        print(_w("nothing", lang))
    return EXIT_BLOCKED if plan.ambiguous or plan.unmatched else EXIT_READY
