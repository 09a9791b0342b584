"""Every file location the program uses, in one place. Environment variables override each.

GRANT_ASSISTANT_HOME   the data directory (database, backups, logs); default: the platform's user data dir
GRANT_ASSISTANT_DB     the database: a file path or an SQLAlchemy URL; default: HOME/drafts.sqlite3
GRANT_ASSISTANT_SEEDS  the seeds directory (rule packs, demo draft); default: the one beside the program

What the program ships (resources/, seeds/, forms/) is found beside the `desktop` package when it runs
from a checkout or a virtual environment, and in the bundle's folder when it runs frozen (PyInstaller:
`sys.frozen` set, the files unpacked under `sys._MEIPASS`; see resources/packaging/grant-assistant.spec).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def bundle_root() -> Path:
    """The folder holding resources/, seeds/ and forms/: the frozen bundle's, else the checkout's."""
    if getattr(sys, "frozen", False):
        bundle = getattr(sys, "_MEIPASS", None)
        return Path(bundle) if bundle else Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


PROJECT_ROOT = bundle_root()
FROZEN = bool(getattr(sys, "frozen", False))
APP_NAME = "grant-assistant"


def seeds_dir() -> Path:
    return Path(os.environ.get("GRANT_ASSISTANT_SEEDS") or PROJECT_ROOT / "seeds")


def programs_dir() -> Path:
    return seeds_dir() / "programs"


def notices_dir() -> Path:
    """The application notices shipped with the program."""
    return seeds_dir() / "notices"


def user_notices_dir() -> Path:
    """The notices the user added (grant-assistant packs add, or the notice dialog)."""
    return data_dir() / "notices"


def demo_draft_path() -> Path:
    return seeds_dir() / "demo-draft.json"


def resources_dir() -> Path:
    return PROJECT_ROOT / "resources"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def cjk_font_path() -> Path:
    return fonts_dir() / "wqy-microhei.ttc"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def forms_dir() -> Path:
    return PROJECT_ROOT / "forms"


def schema_path(version: int = 2) -> Path:
    return resources_dir() / "schema" / f"grant-draft-{version}.schema.json"


def data_dir() -> Path:
    override = os.environ.get("GRANT_ASSISTANT_HOME")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_NAME


def database_location(explicit: str | None = None) -> str:
    """A file path or an SQLAlchemy URL: --db, then GRANT_ASSISTANT_DB, then the data directory."""
    return explicit or os.environ.get("GRANT_ASSISTANT_DB") or str(data_dir() / "drafts.sqlite3")


def backups_dir() -> Path:
    return data_dir() / "backups"


def logs_dir() -> Path:
    return data_dir() / "logs"
