"""What the program remembers between runs (QSettings, INI format, per user): window geometry, the
language chosen from the menu, the last draft opened and the step each draft was left at."""

from __future__ import annotations

from typing import SupportsInt, cast

from PySide6.QtCore import QByteArray, QSettings

from desktop.domain.lang import UI_LANGS

ORGANISATION = "grant-assistant"
APPLICATION = "grant-assistant"


def settings() -> QSettings:
    """The user's settings file. Tests redirect it with QSettings.setPath(IniFormat, UserScope, folder)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


def _int(value: object) -> int | None:
    try:
        return int(cast(SupportsInt | str, value))
    except (TypeError, ValueError):
        return None


def save_geometry(name: str, geometry: QByteArray) -> None:
    settings().setValue(f"geometry/{name}", geometry)


def geometry(name: str) -> QByteArray | None:
    value = settings().value(f"geometry/{name}")
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def language() -> str | None:
    value = settings().value("language")
    return value if value in UI_LANGS else None


def set_language(lang: str) -> None:
    settings().setValue("language", lang)


def last_draft() -> int | None:
    return _int(settings().value("last_draft"))


def set_last_draft(draft_id: int) -> None:
    settings().setValue("last_draft", draft_id)


def last_step(draft_id: int) -> str | None:
    value = settings().value(f"steps/{draft_id}")
    return str(value) if value else None


def set_last_step(draft_id: int, step_id: str) -> None:
    settings().setValue(f"steps/{draft_id}", step_id)
