"""Opening the drafts database: checks, migrations, backups, and the engine and session factory.

`location` is a file path or an SQLAlchemy URL (default: desktop.paths.database_location(), which
honours --db and GRANT_ASSISTANT_DB). For an SQLite file, opening:
1. creates the folder; refuses (DatabaseError, its `cause` from causes.py) a folder in the file's place,
   a full disk, a lock held by another program, a file that is not ours, a database from a newer
   program, and an empty (0 bytes) or damaged file, offering the newest good backup for damage only
   (never touching the file; recover_from_backup puts a checked copy in place); leftovers of
   interrupted backups are removed;
2. opens a file or folder this user cannot write read-only (Database.read_only: list, view, export);
   otherwise connects with WAL, foreign_keys=ON, busy_timeout and synchronous=FULL on every connection
   (a commit is on disk when it returns, even across a power cut; autosaves are debounced and one small
   transaction each, so the fsync is affordable), after proving it can write;
3. copies the file to a backup and upgrades it when its schema is older (Alembic, programmatic config);
4. on the first open of a day, keeps a consistent daily copy of an existing database (see backups.py for
   where and which); a failed daily copy is reported in Database.warnings and does not stop the work.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.pool import StaticPool
from sqlmodel import Session

from desktop import paths
from desktop.domain.lang import Lang
from desktop.storage import backups, causes, schema

if TYPE_CHECKING:
    from alembic.config import Config

BUSY_TIMEOUT_MS = 5000
MIGRATIONS = schema.MIGRATIONS
WRITE_LOCK = "grant_assistant_write_lock"  # execution option: begin SQLite transactions IMMEDIATE


class DatabaseError(Exception):
    """The database cannot be used; the message says why for people. `backup`: a good copy to offer
    (only for damage). `cause`: one of causes.FULL, READ_ONLY, ... (causes.py)."""

    def __init__(
        self, message: str, backup: Path | None = None, zh: str | None = None, cause: str = causes.OTHER
    ) -> None:
        super().__init__(message)
        self.backup = backup
        self.zh = zh  # the same in Chinese, for the interface (the command line speaks English)
        self.cause = cause

    def text(self, lang: str = "en") -> str:
        return self.zh if Lang.parse(lang).chinese and self.zh else str(self)


class ReadOnlyDatabase(DatabaseError):
    """A change was asked of a database opened read-only."""


def _refused(cause: str, file: Path | str, detail: str = "", backup: Path | None = None) -> DatabaseError:
    en, zh = causes.explain(cause, file, detail)
    return DatabaseError(en, backup=backup, zh=zh, cause=cause)


class Database:
    def __init__(
        self, engine: Engine, location: str, path: Path | None, read_only: DatabaseError | None = None
    ) -> None:
        self.engine = engine
        self.location = location
        self.path = path  # the SQLite file, or None (another database or in memory)
        self.warnings: list[str] = []  # things that went wrong without stopping the work (a backup)
        self.read_only_reason = read_only  # why the database was opened read-only (None: writable)

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    def read_only_note(self, lang: str = "en") -> str:
        """What the interface says about a read-only database ("" when it is writable)."""
        if self.read_only_reason is None:
            return ""
        if Lang.parse(lang).chinese:
            return "只读打开：草稿可以查看、列出和导出，但不能修改。" + self.read_only_reason.text("zh")
        return "Opened read-only: drafts can be listed, viewed and exported, not changed. " + str(self.read_only_reason)

    def refuse_edit(self) -> None:
        """ReadOnlyDatabase (a plain message) when the database was opened read-only."""
        if self.read_only_reason is not None:
            where = self.path or self.location
            raise ReadOnlyDatabase(
                f"the drafts database {where} is open read-only, so nothing can be changed: {self.read_only_reason}",
                zh=f"草稿数据库 {where} 以只读方式打开，无法修改：{self.read_only_reason.text('zh')}",
                cause=causes.READ_ONLY,
            )

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """A session in one transaction: committed when the block ends, rolled back on an exception.

        `write=True` takes SQLite's write lock when the transaction begins (waiting up to the busy
        timeout): use it for a transaction that reads before it writes (import, export, snapshot,
        restore) while another process may write. Repository writes that start with the version check
        (apply_change, save_draft) need not: their first statement takes the lock."""
        bind = self.engine.execution_options(**{WRITE_LOCK: True}) if write else self.engine
        with Session(bind, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def alembic_config(connection: Any = None) -> Config:
    from alembic.config import Config  # alembic loads only when a database needs upgrading

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    cfg.attributes["connection"] = connection
    return cfg


def known_revisions() -> tuple[set[str], str | None]:
    """The schema revisions the program ships and the head, read from the migration files' headers
    without importing alembic (schema.revisions_in; only upgrades need alembic)."""
    return schema.revisions_in(MIGRATIONS)


def _sqlite_file(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite":
        return None
    name = url.database or ""
    if url.query.get("uri") == "true" and name.startswith("file:"):
        if url.query.get("mode") == "memory":
            return None
        name = name[len("file:"):]
    return None if name in ("", ":memory:") else Path(name)


def _install_pragmas(engine: Engine, wal: bool, read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we say BEGIN ourselves (below): real read transactions
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if read_only:
            cursor.execute("PRAGMA query_only = ON")
        elif wal:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE_LOCK) else "BEGIN")


def _make_engine(url: URL, file: Path | None) -> Engine:
    if url.get_backend_name() != "sqlite":
        return create_engine(url)
    if file is None:
        engine = create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        engine = create_engine(url, connect_args={"check_same_thread": False})
    _install_pragmas(engine, wal=file is not None)
    return engine


def _read_only_engine(file: Path) -> Engine:
    """An engine that only reads `file` (immutable where the folder is read-only: see _ro_pool_connect)."""
    engine = create_engine("sqlite://", creator=lambda: _ro_pool_connect(file))
    _install_pragmas(engine, wal=False, read_only=True)
    return engine


def _ro_pool_connect(file: Path) -> sqlite3.Connection:
    return backups.read_connect(file, check_same_thread=False)


def _refuse_damaged(file: Path, detail: str, empty: bool = False) -> DatabaseError:
    good = backups.newest_good_backup(file)
    en, zh = causes.explain(causes.DAMAGED, file, detail)
    if empty:
        en += " (the file is empty: 0 bytes)"
        zh += "（文件为空：0 字节）"
    offer_en, offer_zh = causes.backup_offer(good, backups.has_backups(file))
    return DatabaseError(en + offer_en, backup=good, zh=zh + offer_zh, cause=causes.DAMAGED)


NEW_FILE_GRACE = 2.0  # seconds: an empty file younger than this may be another program creating it


def _filled(file: Path) -> bool:
    """Whether the file holds something. An empty file only just made is waited for (another program
    opening a new database at the same moment has created it and writes its first page in a moment)."""
    while True:
        info = file.stat()
        if info.st_size > 0:
            return True
        if time.time() - info.st_mtime >= NEW_FILE_GRACE:
            return False
        time.sleep(0.02)


def _check_file(file: Path) -> str | None:
    """Refuse what must not be opened; the schema revision of an existing file (None: a new file)."""
    if file.is_dir():
        raise _refused(causes.FOLDER, file)
    if not file.parent.is_dir():
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            cause = causes.classify(exc, file)
            cause = causes.FULL if cause == causes.FULL else causes.MISSING_FOLDER
            raise _refused(cause, file, exc.strerror or str(exc)) from None
    try:
        if not file.exists():
            return None
        if not _filled(file):  # what was in it is lost: never silently a new, empty database
            raise _refuse_damaged(file, "", empty=True)
        names = backups.inspect_file(file)
    except backups.BadDatabaseFile as exc:
        if exc.foreign:
            raise _refused(causes.FOREIGN, file, str(exc)) from None
        raise _refuse_damaged(file, str(exc)) from None
    except (OSError, sqlite3.Error) as exc:
        raise _refused(causes.classify(exc, file), file, str(getattr(exc, "strerror", None) or exc)) from None
    if not names:
        return None
    if "alembic_version" not in names or "drafts" not in names:
        raise _refused(causes.FOREIGN, file, "an SQLite database, but not one of grant-assistant's")
    try:
        revision = backups.stored_revision(file)
    except sqlite3.Error as exc:
        raise _refused(causes.classify(exc, file), file, str(exc)) from None
    if revision is None:  # the tables are there, the record of their schema is not
        raise _refuse_damaged(file, "the record of its schema version is missing")
    return revision


def _refuse_newer(revision: str | None, where: str) -> None:
    known, head = known_revisions()
    if revision is not None and revision not in known:
        raise DatabaseError(
            f"the database {where} was made by a newer version of grant-assistant (schema {revision}; "
            f"this version knows up to {head}); it was left untouched — "
            "please update the program",
            zh=f"数据库 {where} 由更新版本的程序创建（结构版本 {revision}，本程序只认识到 {head}），"
            "文件未作任何改动：请更新程序",
            cause=causes.NEWER,
        )


OPEN_LOCK_WAIT_S = 15.0  # programs started together wait this long for one another's first open (an upgrade)


def _prove_writable(engine: Engine, file: Path) -> None:
    """A write the database accepts, rolled back. A lock held by another program that is opening the same
    file (creating or upgrading it, which may outlast the busy timeout on a loaded machine) is waited for
    up to OPEN_LOCK_WAIT_S before it is reported."""
    deadline = time.monotonic() + OPEN_LOCK_WAIT_S
    while True:
        try:
            _write_probe(engine)
            return
        except (DBAPIError, sqlite3.Error) as exc:
            detail = getattr(exc, "orig", None) or exc
            cause = causes.classify(detail, file)
            if cause == causes.LOCKED and time.monotonic() < deadline:
                time.sleep(0.1)
                continue
            raise _refused(cause, file, str(detail)) from None


def _write_probe(engine: Engine) -> None:
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("BEGIN IMMEDIATE")
        try:  # a real write, rolled back: BEGIN IMMEDIATE alone succeeds on a read-only connection
            cursor.execute("CREATE TABLE main.grant_assistant_write_probe (x INTEGER)")
        finally:
            cursor.execute("ROLLBACK")
    finally:
        raw.close()


def _upgrade(engine: Engine) -> None:
    """Upgrade in one transaction holding the write lock, so two programs opening a new or old database
    at once upgrade it once: the second one waits, then finds it current."""
    from alembic import command

    with engine.execution_options(**{WRITE_LOCK: True}).begin() as conn:
        command.upgrade(alembic_config(conn), "head")


def _current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _resolve(location: str) -> tuple[URL, Path | None]:
    try:
        url = make_url(location) if "://" in location else None
    except ArgumentError:
        raise DatabaseError(
            f"{location!r} is not a database file name nor a database URL (like sqlite:///path/drafts.db)"
        ) from None
    file = Path(location).expanduser() if url is None else _sqlite_file(url)
    if url is None:
        assert file is not None
        file = file.absolute()
        url = URL.create("sqlite", database=str(file))
    return url, file


def _open_read_only(file: Path, location: str, revision: str | None, reason: DatabaseError) -> Database:
    """The database for reading only (list, view, export); it must be at this program's schema."""
    head = known_revisions()[1]
    if revision != head:
        en, zh = causes.explain(causes.READ_ONLY, file)
        if revision is None:
            en, zh = f"{en}; it holds no drafts yet and cannot be set up", f"{zh}；其中还没有草稿，也无法初始化"
        else:
            en += "; it was made by an older version of the program and must be upgraded, which needs writing"
            zh += "；它由旧版本程序创建，需要升级，而升级必须写入文件"
        raise DatabaseError(en, zh=zh, cause=causes.READ_ONLY)
    return Database(_read_only_engine(file), location, file, read_only=reason)


def open_database(location: str | None = None, *, keep_backups: int = 10, today: date | None = None) -> Database:
    """Open (creating or upgrading as needed) the drafts database; DatabaseError if it cannot be used.
    A database that exists but cannot be written is opened read-only (Database.read_only)."""
    location = location or paths.database_location()
    url, file = _resolve(location)
    today = today or date.today()
    where = str(file) if file is not None else url.render_as_string(hide_password=True)

    revision = _check_file(file) if file is not None else None
    _refuse_newer(revision, where)
    if file is not None and file.exists():
        backups.clean_leftovers(file)
        if not causes.writable(file) or not causes.writable(file.parent):
            return _open_read_only(file, location, revision, _refused(causes.READ_ONLY, file))
    elif file is not None and not causes.writable(file.parent):
        raise _refused(causes.READ_ONLY, file, "a new database cannot be created there")
    try:
        engine = _make_engine(url, file)
    except (ArgumentError, ImportError) as exc:  # an unknown kind of database, or its driver missing
        raise DatabaseError(f"cannot use the database {where}: {exc}") from None
    try:
        if file is not None:
            try:
                _prove_writable(engine, file)
            except DatabaseError as exc:
                if exc.cause != causes.READ_ONLY or not file.exists():
                    raise
                engine.dispose()
                return _open_read_only(file, location, revision, exc)
        else:
            revision = _current_revision(engine)
            _refuse_newer(revision, where)
        db = Database(engine, location, file)
        if revision != known_revisions()[1]:
            if file is not None and revision is not None:
                try:
                    backups.upgrade_backup(file, today, revision)
                except (OSError, sqlite3.Error) as exc:
                    cause = causes.classify(exc, file)
                    raise DatabaseError(
                        f"cannot back up {where} before upgrading it: {exc}", cause=cause,
                        zh=f"升级前无法备份 {where}：{exc}；" + causes.explain(cause, file, str(exc))[1],
                    ) from None
            try:
                _upgrade(engine)
            except Exception as exc:  # the upgrade runs in one transaction: nothing of it stays
                raise DatabaseError(
                    f"upgrading the database {where} from schema {revision} failed and was undone: {exc}",
                    zh=f"数据库 {where} 从结构版本 {revision} 升级失败，已撤销：{exc}",
                    cause=causes.classify(exc, file) if file is not None else causes.OTHER,
                ) from exc
        if file is not None and revision is not None:  # a database just created has nothing to keep yet
            try:
                backups.daily_backup(file, today, keep_backups)
            except (OSError, sqlite3.Error) as exc:
                cause = causes.classify(exc, file)
                why = " (the disk is full)" if cause == causes.FULL else ""
                detail = (exc.strerror or str(exc)) if isinstance(exc, OSError) else str(exc)  # not the temp name
                db.warnings.append(f"the daily backup of {where} failed{why}: {detail}")
        return db
    except DatabaseError:
        engine.dispose()
        raise
    except (DBAPIError, sqlite3.Error) as exc:
        engine.dispose()
        orig = getattr(exc, "orig", None) or exc
        raise _refused(causes.classify(orig, file or Path(where)), where, str(orig)) from None
