"""A failed save is classified from what SQLite or the system said, and told plainly in both languages."""

from __future__ import annotations

import errno
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, text
from sqlalchemy.exc import SQLAlchemyError

from desktop.domain.exchange import loads
from desktop.domain.model import Draft
from desktop.services.save_problems import (
    FULL,
    LOCKED,
    OTHER,
    READ_ONLY,
    SaveFailed,
    SaveProblem,
    classify,
    keep_in_file,
    kind_of,
    rescue_path,
)


def _as_sqlalchemy_raises(message: str) -> SQLAlchemyError:
    """The error SQLAlchemy raises when SQLite refuses a write with `message`."""
    engine = create_engine("sqlite://")

    def refuse(*_args: object) -> None:
        raise sqlite3.OperationalError(message)

    with engine.connect() as conn:
        conn.execute(text("CREATE TABLE t (x)"))
        event.listen(engine, "before_cursor_execute", refuse)
        with pytest.raises(SQLAlchemyError) as caught:
            conn.execute(text("UPDATE t SET x = 1"))
    assert "Background on this error" in str(caught.value)
    return caught.value


@pytest.mark.parametrize(("message", "kind"), [
    ("database or disk is full", FULL),
    ("attempt to write a readonly database", READ_ONLY),
    ("database is locked", LOCKED),
    ("disk I/O error", OTHER),
])
def test_sqlite_refusals_wrapped_by_sqlalchemy(message: str, kind: str) -> None:
    assert kind_of(_as_sqlalchemy_raises(message)) == kind


@pytest.mark.parametrize(("number", "kind"), [
    (errno.ENOSPC, FULL), (errno.EROFS, READ_ONLY), (errno.EACCES, READ_ONLY), (errno.EIO, OTHER),
])
def test_system_errors_behind_a_save(number: int, kind: str) -> None:
    try:
        raise RuntimeError("wrapped") from OSError(number, "system says no")
    except RuntimeError as exc:
        assert kind_of(exc) == kind


def test_a_missing_draft_or_a_bug_is_other() -> None:
    assert kind_of(LookupError("no draft with id 1")) == OTHER
    assert kind_of(TypeError("bad")) == OTHER


def test_messages_name_the_file_say_what_to_do_and_never_the_drivers_text() -> None:
    path = Path("/data/drafts.sqlite3")
    raw = _as_sqlalchemy_raises("database or disk is full")
    problem = classify(raw, path)
    assert problem == SaveProblem(FULL, path)
    en, zh = problem.message("en"), problem.message("zh")
    assert en.startswith("The disk is full") and str(path) in en and "Free some space" in en
    assert zh.startswith("磁盘已满") and str(path) in zh and "腾出空间" in zh
    for kind in (FULL, READ_ONLY, LOCKED, OTHER):
        for lang in ("en", "zh"):
            said = SaveProblem(kind, path).message(lang)
            assert str(path) in said
            assert "Background" not in said and "(sqlite3" not in said and "OperationalError" not in said
    assert SaveProblem(OTHER).message("en").startswith("Your latest edits could not be saved to the database.")
    assert SaveProblem(OTHER).message("zh").startswith("最近的修改无法保存到数据库。")


def test_a_save_failed_keeps_its_problem() -> None:
    problem = SaveProblem(LOCKED, Path("x.sqlite3"))
    assert classify(SaveFailed(problem), Path("other")) is problem


def test_edits_kept_in_a_draft_file_read_back(tmp_path: Path) -> None:
    draft = Draft()
    draft.applicant.name = "保留公司"
    target = rescue_path(tmp_path, 'a/b:c "title"', datetime(2026, 5, 1, 9, 30))
    assert target.parent == tmp_path and target.name == "unsaved-20260501-093000-a_b_c _title.json"
    keep_in_file(draft, target)
    assert loads(target.read_text(encoding="utf-8")).applicant.name == "保留公司"
    assert rescue_path(tmp_path, None, datetime(2026, 5, 1)).name == "unsaved-20260501-000000-draft.json"
