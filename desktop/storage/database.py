"""Opening the drafts database: checks, migrations, backups, and the engine and session factory.

`location` is a file path or an SQLAlchemy URL (default: desktop.paths.database_location(), which
honours --db and GRANT_ASSISTANT_DB). For an SQLite file, opening:
1. creates the folder; refuses (DatabaseError) a folder, a non-database or a damaged file, offering the
   newest good backup (never touching the file), and a database from a newer program (untouched);
2. connects with WAL, foreign_keys=ON, busy_timeout and synchronous=FULL on every connection (a commit
   is on disk when it returns, even across a power cut; autosaves are debounced and one small
   transaction each, so the fsync is affordable), and proves it can write (a read-only file or folder
   is refused with a clear message);
3. copies the file to a backup and upgrades it when its schema is older (Alembic, programmatic config);
4. on the first open of a day, keeps a consistent daily copy of an existing database (see backups.py for
   where and which); a failed daily copy is reported in Database.warnings and does not stop the work.
"""

from __future__ import annotations

import sqlite3
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
from desktop.storage import backups, schema

if TYPE_CHECKING:
    from alembic.config import Config

BUSY_TIMEOUT_MS = 5000
MIGRATIONS = schema.MIGRATIONS
WRITE_LOCK = "grant_assistant_write_lock"  # execution option: begin SQLite transactions IMMEDIATE


class DatabaseError(Exception):
    """The database cannot be used; the message says why for people. `backup`: a good copy to offer."""

    def __init__(self, message: str, backup: Path | None = None, zh: str | None = None) -> None:
        super().__init__(message)
        self.backup = backup
        self.zh = zh  # the same in Chinese, for the interface (the command line speaks English)

    def text(self, lang: str = "en") -> str:
        return self.zh if lang == "zh" and self.zh else str(self)


class Database:
    def __init__(self, engine: Engine, location: str, path: Path | None) -> None:
        self.engine = engine
        self.location = location
        self.path = path  # the SQLite file, or None (another database or in memory)
        self.warnings: list[str] = []  # things that went wrong without stopping the work (a backup)

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


def _install_pragmas(engine: Engine, wal: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we say BEGIN ourselves (below): real read transactions
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if wal:
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


def _check_file(file: Path) -> str | None:
    """Refuse what must not be opened; the schema revision of an existing file (None: a new file)."""
    if file.is_dir():
        raise DatabaseError(f"{file} is a folder, not a database file", zh=f"{file} 是文件夹，不是数据库文件")
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(f"cannot create the folder for the database {file}: {exc.strerror or exc}") from None
    if not file.exists() or file.stat().st_size == 0:
        return None
    try:
        names = backups.inspect_file(file)
    except backups.BadDatabaseFile as exc:
        good = backups.newest_good_backup(file)
        offer = f"; the newest good backup is {good}" if good else "; no good backup was found"
        offer_zh = f"；最近一份完好的备份是 {good}" if good else "；没有找到完好的备份"
        raise DatabaseError(
            f"cannot open the database {file}: {exc}{offer}", backup=good,
            zh=f"无法打开数据库 {file}：文件已损坏或不是数据库（{exc}）{offer_zh}",
        ) from None
    except OSError as exc:
        raise DatabaseError(f"cannot read the database {file}: {exc.strerror or exc}") from None
    if not names:
        return None
    if "alembic_version" not in names or "drafts" not in names:
        raise DatabaseError(
            f"{file} is an SQLite database, but not one of grant-assistant's drafts databases",
            zh=f"{file} 是 SQLite 数据库，但不是本程序的草稿数据库",
        )
    return backups.stored_revision(file)


def _refuse_newer(revision: str | None, where: str) -> None:
    known, head = known_revisions()
    if revision is not None and revision not in known:
        raise DatabaseError(
            f"the database {where} was made by a newer version of grant-assistant (schema {revision}; "
            f"this version knows up to {head}); it was left untouched — "
            "please update the program",
            zh=f"数据库 {where} 由更新版本的程序创建（结构版本 {revision}，本程序只认识到 {head}），"
            "文件未作任何改动：请更新程序",
        )


def _prove_writable(engine: Engine, where: str) -> None:
    try:
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
    except (DBAPIError, sqlite3.Error) as exc:
        detail = str(getattr(exc, "orig", None) or exc)
        raise DatabaseError(
            f"cannot write to the database {where}: {detail} (is the file or its folder read-only?)",
            zh=f"无法写入数据库 {where}：{detail}（文件或所在文件夹是否只读？）",
        ) from None


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


def recover_from_backup(location: str, backup: Path) -> Path:
    """Put a good backup in place of a database file that was refused; the damaged file (and its -wal and
    -shm companions) is kept beside it as `<name>.damaged-<n>`, never deleted. Returns where it went."""
    file = Path(location).expanduser().absolute()
    backups.inspect_file(backup)  # refuse to restore a bad copy
    n = 1
    while file.with_name(f"{file.name}.damaged-{n}").exists():
        n += 1
    kept = file.with_name(f"{file.name}.damaged-{n}")
    if file.exists():
        file.rename(kept)
    for suffix in ("-wal", "-shm"):
        companion = file.with_name(file.name + suffix)
        if companion.exists():
            companion.rename(kept.with_name(kept.name + suffix))
    backups.copy_database(backup, file)
    return kept


def open_database(location: str | None = None, *, keep_backups: int = 10, today: date | None = None) -> Database:
    """Open (creating or upgrading as needed) the drafts database; DatabaseError if it cannot be used."""
    location = location or paths.database_location()
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
    today = today or date.today()
    where = str(file) if file is not None else url.render_as_string(hide_password=True)

    revision = _check_file(file) if file is not None else None
    _refuse_newer(revision, where)
    try:
        engine = _make_engine(url, file)
    except (ArgumentError, ImportError) as exc:  # an unknown kind of database, or its driver missing
        raise DatabaseError(f"cannot use the database {where}: {exc}") from None
    try:
        if file is not None:
            _prove_writable(engine, where)
        else:
            revision = _current_revision(engine)
            _refuse_newer(revision, where)
        db = Database(engine, location, file)
        if revision != known_revisions()[1]:
            if file is not None and revision is not None:
                try:
                    backups.upgrade_backup(file, today, revision)
                except (OSError, sqlite3.Error) as exc:
                    raise DatabaseError(f"cannot back up {where} before upgrading it: {exc}") from None
            try:
                _upgrade(engine)
            except Exception as exc:  # the upgrade runs in one transaction: nothing of it stays
                raise DatabaseError(
                    f"upgrading the database {where} from schema {revision} failed and was undone: {exc}"
                ) from exc
        if file is not None and revision is not None:  # a database just created has nothing to keep yet
            try:
                backups.daily_backup(file, today, keep_backups)
            except (OSError, sqlite3.Error) as exc:
                db.warnings.append(f"the daily backup of {where} failed: {exc}")
        return db
    except DatabaseError:
        engine.dispose()
        raise
    except (DBAPIError, sqlite3.Error) as exc:
        engine.dispose()
        raise DatabaseError(f"cannot open the database {where}: {getattr(exc, 'orig', None) or exc}") from None
