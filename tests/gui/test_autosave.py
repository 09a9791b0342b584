"""Autosave has a ceiling, and whatever is pending is written when the user leaves the step, the window,
the program or closes the window.

The ceiling is shown on the session with a fake clock: the test plays the part of the event loop, firing
the save timer at the moment the session armed it for (and checking the QTimer was armed for it)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.domain.changes import Change
from desktop.domain.model import Draft
from desktop.services.save_problems import SaveFailed, SaveProblem
from desktop.ui.wizard import session as session_module
from desktop.ui.wizard.session import RETRY_MS, SAVE_DELAY_MS, SAVE_MAX_WAIT_MS, DraftSession
from tests.gui.helpers import type_into

KEY_EVERY = 0.25
LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789ABCD"  # 40 keys, 10 s of steady typing


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class Loop:
    """The session with a fake clock and a recording persist callback; `run_until(t)` fires the save timer
    whenever it is due before `t`, as the event loop would."""

    def __init__(self, fail: bool = False) -> None:
        self.clock = FakeClock()
        self.saves: list[tuple[float, str]] = []
        self.attempts: list[float] = []
        self.fail = fail
        self.session = DraftSession(Draft(), draft_id=1, persist=self.persist, clock=self.clock)

    def persist(self, batch: list[Change]) -> None:
        self.attempts.append(self.clock.now)
        if self.fail:
            raise SaveFailed(SaveProblem("full"))
        self.saves.append((self.clock.now, self.session.draft.applicant.name or ""))

    def armed_as_said(self) -> bool:
        s = self.session
        if s.save_due is None:
            return not s._save_timer.isActive()
        return s._save_timer.isActive() and s._save_timer.interval() == round((s.save_due - self.clock.now) * 1000)

    def run_until(self, t: float) -> None:
        while self.session.save_due is not None and self.session.save_due <= t:
            self.clock.now = self.session.save_due
            self.session.flush()
            assert self.armed_as_said()
        self.clock.now = t

    def key(self, t: float, text: str) -> None:
        self.run_until(t)
        self.session.set_value("applicant.name", text)
        assert self.armed_as_said()


def test_the_delays_keep_the_promise_of_a_second():
    assert SAVE_DELAY_MS < SAVE_MAX_WAIT_MS < 1000


def test_steady_typing_is_saved_at_least_every_second(qtbot):
    """A key every 250 ms for 10 s (never 400 ms of quiet): every key is saved within the ceiling."""
    loop = Loop()
    typed_at = []
    for k in range(len(LETTERS)):
        loop.key(k * KEY_EVERY, LETTERS[: k + 1])
        typed_at.append(k * KEY_EVERY)
    loop.run_until(1e9)
    assert loop.saves[-1][1] == LETTERS
    assert not loop.session.has_unsaved
    for k, at in enumerate(typed_at):  # the first save holding key k comes at most the ceiling later
        first = next(when for when, text in loop.saves if len(text) > k)
        assert first - at <= SAVE_MAX_WAIT_MS / 1000 + 1e-9, (k, at, first)
    during = [when for when, _ in loop.saves if when <= typed_at[-1]]
    gaps = [b - a for a, b in zip([0.0, *during], during, strict=False)]
    assert len(during) >= 9 and max(gaps) <= 1.0 + 1e-9


def test_a_pause_saves_after_the_quiet_time():
    loop = Loop()
    loop.key(0.0, "a")
    assert loop.session.save_due == pytest.approx(SAVE_DELAY_MS / 1000)
    loop.run_until(5.0)
    ((when, text),) = loop.saves
    assert when == pytest.approx(SAVE_DELAY_MS / 1000) and text == "a"


def test_a_failed_save_is_kept_and_retried_every_few_seconds_and_at_once_on_the_next_key(qtbot):
    loop = Loop(fail=True)
    problems: list[SaveProblem] = []
    loop.session.save_failed.connect(problems.append)
    loop.key(0.0, "a")
    loop.run_until(0.5)
    assert loop.attempts == [pytest.approx(0.4)] and problems == [SaveProblem("full")]
    assert loop.session.has_unsaved and loop.session.problem == SaveProblem("full")
    assert loop.session.save_due == pytest.approx(0.4 + RETRY_MS / 1000)  # retried on its own
    loop.run_until(0.4 + RETRY_MS / 1000)
    assert len(loop.attempts) == 2
    loop.key(5.0, "ab")  # the next change tries again at once
    assert loop.session.save_due == pytest.approx(5.0)
    loop.fail = False
    loop.run_until(5.0)
    assert loop.saves == [(5.0, "ab")]
    assert loop.session.problem is None and not loop.session.has_unsaved


# ---- flushed when the user leaves


def _slow_timers(monkeypatch) -> None:
    """Autosave's own timer far away: only leaving the step, window or program can save in these tests."""
    monkeypatch.setattr(session_module, "SAVE_DELAY_MS", 600_000)
    monkeypatch.setattr(session_module, "SAVE_MAX_WAIT_MS", 600_000)


def _stored_name(controller, draft_id):
    return controller.store.load(draft_id).draft.applicant.name


def _typed(qtbot, start_program, monkeypatch, text):
    """A new draft in English with slow autosave timers, `text` typed as the applicant's name, not yet saved."""
    from tests.gui.test_wizard import new_wizard

    _slow_timers(monkeypatch)
    controller = start_program("en")
    wizard = new_wizard(qtbot, controller)
    type_into(qtbot, wizard, "applicant.name", text)
    assert wizard.session.has_unsaved
    return controller, wizard


def test_a_step_change_saves_at_once(qtbot, start_program, monkeypatch):
    controller, wizard = _typed(qtbot, start_program, monkeypatch, "Step change Ltd")
    wizard.go(wizard.current + 1)
    assert not wizard.session.has_unsaved
    assert _stored_name(controller, wizard.session.draft_id) == "Step change Ltd"


def test_another_window_taking_the_focus_saves_at_once(qtbot, start_program, monkeypatch):
    controller, wizard = _typed(qtbot, start_program, monkeypatch, "Focus Ltd")
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    type_into(qtbot, wizard, "applicant.name", "Focus lost Ltd")
    assert wizard.session.has_unsaved
    controller.drafts_window.activateWindow()
    qtbot.waitUntil(lambda: not wizard.session.has_unsaved)
    assert _stored_name(controller, wizard.session.draft_id) == "Focus lost Ltd"


def test_leaving_the_program_saves_at_once(qtbot, start_program, monkeypatch):
    controller, wizard = _typed(qtbot, start_program, monkeypatch, "Other program Ltd")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    assert not wizard.session.has_unsaved
    assert _stored_name(controller, wizard.session.draft_id) == "Other program Ltd"


def test_closing_the_window_saves_at_once(qtbot, start_program, monkeypatch):
    controller, wizard = _typed(qtbot, start_program, monkeypatch, "Closed Ltd")
    draft_id = wizard.session.draft_id
    assert wizard.close()
    assert draft_id not in controller.wizards
    assert _stored_name(controller, draft_id) == "Closed Ltd"
