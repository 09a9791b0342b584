"""The open draft without Qt (services/open_draft.py): edits pending until saved, the stored version they
build on, a conflict pausing the saves and its two outcomes, a failed save keeping the edits."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.domain.changes import Change, SetValue
from desktop.domain.model import Draft
from desktop.rules.assessment import Assessment
from desktop.services.checking import assess
from desktop.services.draft_store import DraftStore, Persister
from desktop.services.open_draft import ConflictDetected, DraftGone, OpenDraft, SaveOutcome
from desktop.services.save_problems import SaveFailed


@pytest.fixture
def store(tmp_path: Path) -> Iterator[DraftStore]:
    s = DraftStore(str(tmp_path / "drafts.sqlite3"))
    yield s
    s.close()


def _open(store: DraftStore) -> OpenDraft:
    draft_id = store.create(Draft(format_version=2))
    open_draft = OpenDraft(store.load(draft_id).draft, draft_id)
    open_draft.persist = store.open(draft_id, lambda: assess(open_draft.draft))
    return open_draft


def test_the_open_draft_loads_no_qt() -> None:
    code = "import sys, desktop.services.open_draft, desktop.services.draft_store; " \
           "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'sqlalchemy'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"  # nor SQLAlchemy before the database is opened (the first paint waits not)


def test_edits_are_pending_until_saved_and_the_version_follows(store: DraftStore) -> None:
    open_draft = _open(store)
    persister = open_draft.persist
    assert isinstance(persister, Persister)
    before = persister.version
    open_draft.record(SetValue("title", "Lathe"))
    assert open_draft.draft.title == "Lathe" and open_draft.has_unsaved
    assert open_draft.save() is SaveOutcome.SAVED
    assert not open_draft.has_unsaved and open_draft.last_saved is not None
    stored = store.load(persister.draft_id)
    assert (stored.draft.title, stored.version) == ("Lathe", persister.version)
    assert persister.version > before
    assert open_draft.save() is SaveOutcome.IDLE  # nothing pending


def test_a_change_saved_elsewhere_pauses_saving_until_theirs_is_reloaded(store: DraftStore) -> None:
    open_draft = _open(store)
    persister = open_draft.persist
    assert isinstance(persister, Persister)
    elsewhere = store.persister(persister.draft_id, persister.version, lambda: assess(open_draft.draft))
    elsewhere([SetValue("title", "theirs")])
    open_draft.record(SetValue("title", "mine"))
    assert open_draft.save() is SaveOutcome.CONFLICT
    assert open_draft.paused and not open_draft.gone and open_draft.has_unsaved
    assert open_draft.save() is SaveOutcome.IDLE  # paused: nothing written while the conflict stands
    assert store.load(persister.draft_id).draft.title == "theirs"
    open_draft.reload(persister.theirs())
    assert open_draft.draft.title == "theirs" and not open_draft.paused and not open_draft.has_unsaved
    open_draft.record(SetValue("title", "mine after all"))
    assert open_draft.save() is SaveOutcome.SAVED  # built on their version now
    assert store.load(persister.draft_id).draft.title == "mine after all"


def test_a_draft_deleted_elsewhere_is_gone_and_mine_is_kept_as_a_copy(store: DraftStore) -> None:
    open_draft = _open(store)
    persister = open_draft.persist
    assert isinstance(persister, Persister)
    store.delete(persister.draft_id)
    open_draft.record(SetValue("title", "mine"))
    assert open_draft.save() is SaveOutcome.CONFLICT
    assert open_draft.paused and open_draft.gone
    new_id = persister.keep_as_copy(open_draft.draft)
    open_draft.rebind(new_id, store.open(new_id, lambda: assess(open_draft.draft)))
    assert (open_draft.draft_id, open_draft.paused, open_draft.gone, open_draft.has_unsaved) == (
        new_id, False, False, False)
    assert store.load(new_id).draft.title == "mine"
    open_draft.record(SetValue("title", "mine, later"))
    assert open_draft.save() is SaveOutcome.SAVED
    assert store.load(new_id).draft.title == "mine, later"


def test_a_failed_save_keeps_the_edits_with_a_plain_problem_and_a_retry_succeeds() -> None:
    calls: list[list[Change]] = []
    failing = [True]

    def persist(changes: list[Change]) -> None:
        if failing[0]:
            raise OSError(28, "No space left on device")
        calls.append(changes)

    open_draft = OpenDraft(Draft(), 1, persist)
    open_draft.record(SetValue("title", "a"))
    assert open_draft.save() is SaveOutcome.FAILED
    assert open_draft.has_unsaved and open_draft.problem is not None
    failing[0] = False
    open_draft.record(SetValue("title", "ab"))
    assert open_draft.save() is SaveOutcome.SAVED
    assert [[c.value for c in batch if isinstance(c, SetValue)] for batch in calls] == [["a", "ab"]]
    assert open_draft.problem is None


def test_discarded_edits_are_never_written() -> None:
    written: list[Change] = []
    open_draft = OpenDraft(Draft(), 1, written.extend)
    open_draft.record(SetValue("title", "gone"))
    open_draft.discard_unsaved()
    assert not open_draft.has_unsaved and open_draft.save() is SaveOutcome.IDLE and written == []


def test_a_persister_refusal_other_than_a_conflict_is_a_save_failed(store: DraftStore) -> None:
    draft_id = store.create(Draft())

    def broken_checker() -> Assessment:
        raise OSError(28, "No space left on device")

    persister = store.open(draft_id, broken_checker)
    with pytest.raises(SaveFailed) as caught:
        persister([SetValue("title", "x")])
    assert not isinstance(caught.value, ConflictDetected | DraftGone)
    assert store.load(draft_id).draft.title is None  # the transaction rolled back whole
