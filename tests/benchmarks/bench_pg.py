"""PostgreSQL (the throwaway loopback server of .ci/pg; without one, a line saying why instead):

    pg_save_10k: a new 10,000-line draft through create_draft, committed, against psycopg's executemany of
                 the same rows into a table of the same shape (CREATE TABLE ... LIKE), committed
    pg_load_10k: get_draft against a plain SELECT ... fetchall of the same rows through psycopg
    pg_load_test: 20 concurrent writers (threads, each its own connection), each saving 500 one-cell
                 edits to its own draft and 5 to a shared one: every edit stored or refused as a
                 conflict (the version counter), none lost: the figures are in the line
    pg_load_lost: edits neither stored nor refused (must be 0)
"""

from __future__ import annotations

import threading
import time
from typing import Any

from desktop.domain.changes import SetValue, line_path
from desktop.storage import repository as repo
from desktop.storage import rows
from desktop.storage.database import Database, open_database
from tests import pg_support
from tests.benchmarks.drafts import big_draft
from tests.benchmarks.harness import Figure, best_of

WRITERS = 20


def _psycopg(url: str) -> Any:
    import psycopg
    from sqlalchemy.engine import make_url

    u = make_url(url)
    return psycopg.connect(host=u.host, port=u.port, user=u.username, password=u.password, dbname=u.database)


def _save_load(db: Database, url: str, n: int, repeat: int) -> list[Figure]:
    draft = big_draft(n)
    columns = rows.LINE_INSERT_COLUMNS
    batches = [rows.line_tuples(k, 0, draft.equipment) for k in range(1, repeat + 2)]
    plain = _psycopg(url)
    ids: list[int] = []
    try:
        with plain.cursor() as cur:
            cur.execute("CREATE TABLE plain_lines (LIKE equipment_lines INCLUDING DEFAULTS INCLUDING INDEXES)")
        plain.commit()
        insert_sql = f"INSERT INTO plain_lines ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"

        def save() -> None:
            with db.session() as s:
                ids.append(repo.create_draft(s, draft=draft).id)

        def plain_save() -> None:
            with plain.cursor() as cur:
                cur.executemany(insert_sql, batches.pop(0))  # draft 1 first: the one read back below
            plain.commit()

        saved = best_of(save, repeat)
        baseline_save = best_of(plain_save, repeat)
        draft_id = ids[-1]
        select_sql = f"SELECT {', '.join(rows.LINE_COLUMNS)} FROM plain_lines WHERE draft_id = 1 ORDER BY position"

        def load() -> Any:
            with db.session() as s:
                return repo.get_draft(s, draft_id=draft_id)

        def plain_load() -> Any:
            with plain.cursor() as cur:
                cur.execute(select_sql)
                found = cur.fetchall()
            plain.commit()
            return found

        loaded = best_of(load, repeat)
        baseline_load = best_of(plain_load, repeat)
        assert len(load().draft.equipment) == n == len(plain_load())
    finally:
        plain.close()
    label = f"{n:,} lines" + ("" if n >= 5000 else "; smoke run: fixed per-transaction costs dominate")
    return [
        Figure("pg_save_10k", saved, "ms", "psycopg executemany", baseline_save, "ratio <= 3", label),
        Figure("pg_load_10k", loaded, "ms", "psycopg SELECT fetchall", baseline_load, "ratio <= 3", label),
    ]


def _load_test(url: str, own_edits: int, shared_edits: int) -> list[Figure]:
    with open_database(url) as db, db.session() as s:
        shared = repo.create_draft(s, draft=big_draft(WRITERS)).id
        own = [repo.create_draft(s, draft=big_draft(20)).id for _ in range(WRITERS)]
    stored = [0] * WRITERS
    refused = [0] * WRITERS
    shared_stored: list[list[str]] = [[] for _ in range(WRITERS)]
    errors: list[str] = []
    start = threading.Barrier(WRITERS)

    def writer(k: int) -> None:
        try:
            with open_database(url) as db:
                start.wait()
                version = 1
                every = max(1, own_edits // max(1, shared_edits))
                for i in range(own_edits):
                    change = SetValue(line_path(i % 20, "quantity"), i + 1)
                    with db.session() as s:
                        version = repo.apply_change(s, draft_id=own[k], change=change, expected_version=version)
                    stored[k] += 1
                    if i % every == 0 and len(shared_stored[k]) + refused[k] < shared_edits:
                        with db.session() as s:  # read the shared draft's version, then save one cell
                            seen = repo.get_draft(s, draft_id=shared).version
                        value = f"W{k}-{i}"
                        try:
                            with db.session() as s:
                                repo.apply_change(s, draft_id=shared, change=SetValue(
                                    line_path(k, "invoice_number"), value), expected_version=seen)
                            shared_stored[k].append(value)
                        except repo.ConflictError:
                            refused[k] += 1
        except Exception as exc:  # reported in the figures: a lost edit
            errors.append(f"writer {k}: {exc!r}")

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(WRITERS)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - t0
    with open_database(url) as db, db.session() as s:
        own_versions = [repo.get_draft(s, draft_id=d).version for d in own]
        final = repo.get_draft(s, draft_id=shared)
    total_shared = sum(len(v) for v in shared_stored)
    attempted = WRITERS * (own_edits + shared_edits)
    kept_own = sum(v - 1 for v in own_versions)
    lost = attempted - (kept_own + total_shared + sum(refused))
    lost += sum(1 for k in range(WRITERS)
                if shared_stored[k] and final.draft.equipment[k].invoice_number != shared_stored[k][-1])
    lost += (final.version - 1) != total_shared
    edits = kept_own + total_shared
    note = (f"{WRITERS} writers x {own_edits} own + {shared_edits} shared edits in {seconds:.1f} s: "
            f"{kept_own} own stored, {total_shared} shared stored, {sum(refused)} refused as conflicts, "
            f"{lost} lost" + (f"; errors: {errors[:2]}" if errors else ""))
    return [
        Figure("pg_load_test", edits / seconds if seconds else 0.0, "edits/s", target="info", note=note),
        Figure("pg_load_lost", float(lost + len(errors)), "edits", target="value <= 0", note=note),
    ]


def run(scale: float) -> list[Figure]:
    if pg_support.server_url() is None:
        return [Figure("pg_skipped", 0.0, "", target="info",
                       note=f"PostgreSQL benchmarks SKIPPED: {pg_support.skip_reason()}")]
    n = max(20, int(10_000 * scale))
    repeat = 5 if scale >= 0.5 else 2
    url = pg_support.fresh_url()
    try:
        with open_database(url) as db:
            figures = _save_load(db, url, n, repeat)
        figures += _load_test(url, max(5, int(500 * scale)), 5)
        return figures
    finally:
        pg_support.drop(url)
