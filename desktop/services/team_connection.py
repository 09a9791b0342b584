"""A team database (PostgreSQL) to connect to: where it is, and its password in the system keyring.

The password is never written to the settings: it lives in the system keyring (the `keyring` package:
Windows Credential Manager, macOS Keychain, Secret Service on Linux) when there is one, else it is
asked for at each connection. Only host, port, database and user are remembered (by the interface)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from sqlalchemy.engine import URL

KEYRING_SERVICE = "grant-assistant team database"


@dataclass(frozen=True)
class TeamServer:
    host: str
    port: int
    database: str
    user: str

    def problem(self) -> tuple[str, str] | None:
        """(en, zh) naming the field to fill in, or None when the four are usable."""
        for value, en, zh in ((self.host, "the server's address", "服务器地址"),
                              (self.database, "the database name", "数据库名称"),
                              (self.user, "the user name", "用户名")):
            if not value.strip():
                return f"Please enter {en}.", f"请填写{zh}。"
        if not 0 < self.port < 65536:
            return "The port must be between 1 and 65535.", "端口必须在 1 到 65535 之间。"
        return None

    @property
    def key(self) -> str:
        """The keyring entry's name: one password per user on each server and database."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    def url(self, password: str | None) -> str:
        """The SQLAlchemy URL (psycopg 3), the password escaped; kept in memory only."""
        return URL.create("postgresql+psycopg", username=self.user, password=password or None, host=self.host,
                          port=self.port, database=self.database).render_as_string(hide_password=False)


def keyring_available() -> bool:
    """Whether a real system keyring is there (not keyring's "fail" or "null" stand-ins)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return False
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring configuration is no keyring
        return False
    return not isinstance(backend, fail.Keyring) and getattr(backend, "priority", 1) > 0


def stored_password(server: TeamServer) -> str | None:
    if not keyring_available():
        return None
    import keyring

    try:
        value = keyring.get_password(KEYRING_SERVICE, server.key)
    except Exception:  # a locked or refusing keyring: the password is asked for
        return None
    return str(value) if value else None


def remember_password(server: TeamServer, password: str) -> bool:
    """Keep the password in the keyring; False when there is none (or it refused): ask next time."""
    if not keyring_available():
        return False
    import keyring

    try:
        keyring.set_password(KEYRING_SERVICE, server.key, password)
    except Exception:
        return False
    return True


def forget_password(server: TeamServer) -> None:
    if not keyring_available():
        return
    import keyring

    with contextlib.suppress(Exception):  # nothing kept: nothing to forget
        keyring.delete_password(KEYRING_SERVICE, server.key)
