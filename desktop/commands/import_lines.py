"""grant-assistant import-lines DRAFT.json LEDGER.xlsx|INVOICES… -o NEW.json [--sheet NAME] [--dry-run] …
grant-assistant export-lines DRAFT.json -o LINES.xlsx

The source is one ledger (.xlsx, .csv, .txt), or 数电发票 files and folders of them (.xml, .ofd, .pdf):
each invoice item becomes a line, and each invoice file is kept in the program's file store (beside the
database --db names; a team database's own store, shared through it) as its line's invoice evidence.
--column FIELD=HEADER and --header-row N override what was guessed; --group-cards, --include-services
and --date-order dmy|mdy decide what the preview asks.

import-lines prints the preview (the lines it would add, every problem by row and column, notes) and
writes NEW.json: the draft with the good rows added. Exit 0: every data row became a line. Exit 1:
some rows had problems; the good rows are still written (unless --dry-run) so that scripts notice but
nothing is lost. Exit 2: the draft or the ledger cannot be read (nothing written).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.commands.common import EXIT_BLOCKED, EXIT_READY, CommandError, add_lang, path_arg, text_arg
from desktop.domain.lang import Lang, choose
from desktop.domain.money import format_yuan

_WORDS = {
    "sheet": ("工作表", "sheet"), "header": ("表头在第 {n} 行", "header on row {n}"),
    "columns": ("列对应", "Columns"), "lines": ("将添加 {n} 条设备", "Lines to add: {n}"),
    "problems": ("有问题的行 {rows} 行（不导入），问题 {n} 个",
                 "Rows with problems (not imported): {rows}; problems: {n}"),
    "notes": ("说明", "Notes"), "dry": ("试运行：未写入任何文件", "Dry run: nothing written"),
    "wrote": ("已写入 {path}：添加 {n} 条，草稿现有 {total} 条设备",
              "Wrote {path}: {n} lines added, {total} in the draft"),
    "encoding": ("编码 {e}，分隔符 {d}", "encoding {e}, delimiter {d}"),
    "kept": ("{n} 个发票文件已保存到程序的文件库，作为各行的发票证明",
             "{n} invoice files kept in the program's file store as the lines' invoice evidence"),
    "exported": ("已写入 {path}：{n} 条设备", "Wrote {path}: {n} lines"),
    "no_column": ("{path}：第 {row} 行的表头中没有 {names} 列（找到的表头：{found}）；请在表中加上这些列后再导入",
                  "{path}: the header on row {row} has no column for the {names} (headers found: {found}); "
                  "add them to the sheet and import again"),
}


def _w(key: str, lang: str, **args: object) -> str:
    zh, en = _WORDS[key]
    return choose(lang, zh, en).format(**args)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("import-lines", help="add equipment lines from an XLSX or CSV ledger to a draft")
    p.add_argument("draft", type=path_arg, metavar="DRAFT.json")
    p.add_argument("ledger", type=path_arg, nargs="+", metavar="LEDGER.xlsx|INVOICE",
                   help="an .xlsx workbook or a .csv/.txt file; or 数电发票 files (.xml, .ofd, .pdf) "
                   "and folders of them")
    p.add_argument("-o", "--output", type=path_arg, metavar="NEW.json", help="the draft with the lines added")
    p.add_argument("--sheet", type=text_arg, metavar="NAME",
                   help="the sheet to read (default: the sheet that holds equipment lines)")
    p.add_argument("--header-row", type=_row_arg, metavar="N", help="the header is on row N (default: found)")
    p.add_argument("--column", type=_column_arg, action="append", default=[], metavar="FIELD=HEADER",
                   help="the column under HEADER (or letter) feeds FIELD, e.g. unit_price=结算单价; repeatable")
    p.add_argument("--group-cards", action="store_true",
                   help="asset cards of the same name, model, invoice and price become one line (quantity = cards)")
    p.add_argument("--include-services", action="store_true",
                   help="also import rows that look like services, freight or installation")
    p.add_argument("--date-order", choices=("dmy", "mdy"), help="dates such as 03.11.2025: day first or month first")
    p.add_argument("--dry-run", action="store_true", help="print the preview only; write nothing")
    p.add_argument("--encoding", type=text_arg, metavar="E", help="the CSV's encoding (default: UTF-8, else GB18030)")
    p.add_argument("--delimiter", type=text_arg, metavar="D",
                   help="the CSV's delimiter: comma, tab or semicolon (default: detected)")
    add_lang(p)
    p.set_defaults(func=run_import)
    e = sub.add_parser("export-lines", help="write a draft's equipment lines to an .xlsx workbook")
    e.add_argument("draft", type=path_arg, metavar="DRAFT.json")
    e.add_argument("-o", "--output", type=path_arg, required=True, metavar="LINES.xlsx")
    add_lang(e)
    e.set_defaults(func=run_export)


def _row_arg(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if not 1 <= number <= 1_048_576:
        raise argparse.ArgumentTypeError(f'"{text}" is not a row number (1 to 1048576)')
    return number


def _column_arg(text: str) -> tuple[str, str]:
    field, sep, header = text_arg(text).partition("=")
    if not sep or not field.strip() or not header.strip():
        raise argparse.ArgumentTypeError(f'"{text}" is not FIELD=HEADER (e.g. unit_price=结算单价)')
    return field.strip(), header.strip()


def _keep_files(args: argparse.Namespace, files: dict[str, Path]) -> int:
    """Keep the invoice files in the file store of the database --db names: beside a database file (the
    data folder's by default); a database named by URL is opened and its own store used, so a team
    (PostgreSQL) database holds them at once, for every colleague, as the program's import does."""
    from desktop import paths
    from desktop.services.evidence_files import StoreError, store_beside, store_of

    location = paths.database_location(getattr(args, "db", None))
    try:
        if "://" in location:
            from desktop.commands.stored import open_db

            with open_db(args) as db:
                return _add_all(store_of(db), files)
        return _add_all(store_beside(Path(location)), files)
    except StoreError as exc:
        raise CommandError(exc.text(args.lang)) from None


def _add_all(store: Any, files: dict[str, Path]) -> int:
    for digest, path in files.items():
        kept, _ = store.add_file(path)
        if kept != digest:
            raise CommandError(f"{path}: the file changed while it was read; import it again")
    return len(files)


def _preview(args: argparse.Namespace, draft: Any) -> Any:
    from desktop.importers import ImportRefused, MappingStore, Options, import_file
    from desktop.importers.invoice_files import import_invoices, is_invoice_file

    options = Options(group_cards=args.group_cards, include_services=args.include_services,
                      date_order=args.date_order)
    sources: list[Path] = args.ledger
    invoices = all(p.is_dir() or is_invoice_file(p) for p in sources)
    try:
        if invoices:
            return import_invoices(sources, applicant=(draft.applicant.name, draft.applicant.credit_code),
                                   options=options)
        if len(sources) > 1:
            raise CommandError("import-lines: give one ledger, or invoice files (.xml, .ofd, .pdf) and folders; "
                               f"{sources[1]} is neither")
        return import_file(sources[0], sheet=args.sheet, encoding=args.encoding, delimiter=args.delimiter,
                           store=None if args.column or args.header_row else MappingStore(), options=options,
                           header_row=args.header_row, columns=dict(args.column) or None)
    except ImportRefused as exc:
        raise CommandError(exc.text(args.lang)) from None


def run_import(args: argparse.Namespace) -> int:
    from desktop.domain.exchange import dumps
    from desktop.files import write_atomic
    from desktop.importers.messages import field_name
    from desktop.services.checking import read_draft_file

    lang = args.lang
    if args.output is None and not args.dry_run:
        raise CommandError("import-lines: give the output draft with -o NEW.json, or use --dry-run")
    draft = read_draft_file(args.draft)
    preview = _preview(args, draft)
    source = preview.source
    if preview.missing:
        names = ("、" if Lang.parse(lang).chinese else ", ").join(field_name(f, lang) for f in preview.missing)
        found = ("、" if Lang.parse(lang).chinese else ", ").join(t for t in preview.header.texts if t)
        raise CommandError(_w("no_column", lang, path=source, row=preview.header.rows_text, names=names, found=found))
    out = sys.stdout
    where = f'{source}: {_w("sheet", lang)} "{preview.sheet}", ' if preview.sheet else f"{source}: "
    if preview.encoding:
        where += _w("encoding", lang, e=preview.encoding, d=repr(preview.delimiter)) + ", "
    out.write(where + _w("header", lang, n=preview.header.rows_text) + "\n")
    out.write(_w("columns", lang) + ": " + ", ".join(
        f"{preview.header.label(c) or '?'} → {field_name(f, lang)}" for c, f in sorted(preview.mapping.items())) + "\n")
    chosen = preview.chosen_lines
    out.write(_w("lines", lang, n=len(chosen)) + "\n")
    shown = sorted([*zip(preview.line_rows, preview.lines, strict=True),
                    *(preview.services if preview.include_services else [])], key=lambda pair: pair[0])
    for row, line in shown:
        parts = [line.name or "", line.model or "", f"× {line.quantity}", format_yuan(line.unit_price),
                 line.currency or "CNY", line.purchase_date.isoformat() if line.purchase_date else ""]
        out.write(f"  {row:>6}  " + "  ".join(p for p in parts if p) + "\n")
    if preview.problems:
        out.write(_w("problems", lang, rows=len(preview.bad_rows), n=len(preview.problems)) + "\n")
        for problem in preview.problems:
            out.write("  " + problem.text(lang) + "\n")
    if preview.notes:
        out.write(_w("notes", lang) + ":\n")
        for note in preview.notes:
            out.write("  " + note.text(lang) + "\n")
    if args.dry_run:
        out.write(_w("dry", lang) + "\n")
    else:
        new = preview.apply(draft)
        if preview.files:
            out.write(_w("kept", lang, n=_keep_files(args, preview.files)) + "\n")
        write_atomic(args.output, dumps(new).encode("utf-8"))
        out.write(_w("wrote", lang, path=args.output, n=len(chosen), total=len(new.equipment)) + "\n")
    return EXIT_READY if preview.complete else EXIT_BLOCKED


def run_export(args: argparse.Namespace) -> int:
    from desktop.files import atomic_output
    from desktop.importers.xlsx_export import write_lines_xlsx
    from desktop.services.checking import read_draft_file

    draft = read_draft_file(args.draft)
    with atomic_output(args.output) as fh:
        count = write_lines_xlsx(draft.equipment, fh)
    print(_w("exported", args.lang, path=args.output, n=count))
    return EXIT_READY
