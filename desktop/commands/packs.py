"""grant-assistant packs list | check FILE | add FILE

    packs list [--json]        the rule packs (programs and their tracks) and the application notices
    packs check FILE           validate a notice file (or a rule pack) strictly; nothing is written
    packs add FILE [--replace] validate a notice and keep it in the data folder's notices/

Exit 0 done, 2 when the file is refused (the message names the file and the line).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from desktop.commands.common import EXIT_BLOCKED, EXIT_READY, path_arg
from desktop.domain.lang import Lang, pick


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("packs", help="list the rule packs and notices; check or add a notice file")
    psub = p.add_subparsers(dest="packs_command", metavar="ACTION", required=True)
    a = psub.add_parser("list", help="the rule packs, their tracks, and the application notices")
    a.add_argument("--json", action="store_true", help="print one JSON object")
    a.set_defaults(func=run_list)
    a = psub.add_parser("check", help="validate a notice (or rule pack) file; nothing is written")
    a.add_argument("file", type=path_arg, metavar="FILE.yaml")
    a.set_defaults(func=run_check)
    a = psub.add_parser("add", help="validate a notice file and keep it for the drafts to use")
    a.add_argument("file", type=path_arg, metavar="FILE.yaml")
    a.add_argument("--replace", action="store_true", help="replace a notice you added before with this id")
    a.set_defaults(func=run_add)


def _listing() -> tuple[dict[str, Any], list[str]]:
    from desktop.rules.notice import default_reading
    from desktop.services.notices import list_notices
    from desktop.services.packs import available_programs, get_pack

    programs = []
    for program in available_programs():
        pack = get_pack(program)
        programs.append({
            "id": pack.id, "version": pack.version, "number": pack.document.number,
            "window": [pack.window_start.isoformat(), pack.window_end.isoformat()],
            "without_notice": default_reading(pack, "en"),
            "tracks": [{"key": c.key, "zh": c.name.zh, "en": c.name.en, "computed": c.computed}
                       for c in pack.categories.values()],
        })
    entries, problems = list_notices()
    notices = []
    for entry in entries:
        n = entry.notice
        last = n.final_deadline
        notices.append({
            "id": n.id, "program": n.program, "tracks": list(n.tracks), "number": n.number, "title": n.title.zh,
            "basis": n.basis, "shipped": entry.shipped,
            "invoices": [n.invoices.start.isoformat(), n.invoices.end.isoformat()],
            "payments": [n.payments.start.isoformat(), n.payments.end.isoformat()],
            "deadline": None if last is None else last.day.isoformat(), "path": n.path,
        })
    return {"programs": programs, "notices": notices}, problems


def run_list(args: argparse.Namespace) -> int:
    data, problems = _listing()
    if args.json:
        json.dump({**data, "problems": problems}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for p in data["programs"]:
            print(f"{p['id']} {p['version']}  {p['number']}  {p['window'][0]} … {p['window'][1]}")
            for t in p["tracks"]:
                state = "computed" if t["computed"] else "not computed by this pack"
                print(f"  track {t['key']}  {pick((t['zh'], t['en']), Lang.BILINGUAL)}: {state}")
            print(f"  {p['without_notice']}")
        print()
        if not data["notices"]:
            print("No application notices.")
        for n in data["notices"]:
            where = "shipped" if n["shipped"] else "added"
            deadline = n["deadline"] or "not stated"
            print(f"{n['id']}  {n['number']}  ({where}; program {n['program']}, tracks {', '.join(n['tracks'])})")
            print(f"  invoices {n['invoices'][0]} … {n['invoices'][1]} · payments {n['payments'][0]} … "
                  f"{n['payments'][1]} · deadline {deadline} · basis {n['basis']}")
    for problem in problems:
        print(f"grant-assistant: cannot use {problem}", file=sys.stderr)
    return EXIT_BLOCKED if problems else EXIT_READY


def run_check(args: argparse.Namespace) -> int:
    from desktop.rules.pack import parse_pack, read_pack_text
    from desktop.rules.track import parse_track
    from desktop.rules.yamlnodes import parse_root
    from desktop.services.notices import check_notice_text
    from desktop.services.packs import get_pack

    text = read_pack_text(args.file)
    source = str(args.file)
    keys = parse_root(text, source).free_mapping()
    if "base" in keys:
        pack = parse_track(text, source, get_pack(keys["base"].text()))
    elif "rules" in keys:
        pack = parse_pack(text, source)
    else:
        notice = check_notice_text(text, source)
        print(f"{args.file}: notice {notice.id} ({notice.number}) for {notice.program}: OK")
        return EXIT_READY
    print(f"{args.file}: rule pack {pack.id} {pack.version} (track {pack.track}), {len(pack.rules)} rules: OK")
    return EXIT_READY


def run_add(args: argparse.Namespace) -> int:
    from desktop.services.notices import add_notice_file

    notice, target = add_notice_file(args.file, replace=args.replace)
    print(f"notice {notice.id} ({notice.number}) added: {target}")
    return EXIT_READY
