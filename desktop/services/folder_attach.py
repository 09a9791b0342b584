"""A folder of scans attached to a stored draft's lines (the command line's `attach-folder`; the wizard's
attachments step does the same through its matching dialog): each file proposed for the line whose
invoice, contract or customs number its name carries (evidence_matching), then, when asked, the matched
files copied into the database's file store in one batch and added to their lines in one saved change.
Nothing is read from outside the folder given; a file already on its line is not added twice."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from desktop.domain.model import Draft
from desktop.services.drafts import refresh_summary
from desktop.services.evidence_files import lines_adding, store_of
from desktop.services.evidence_matching import Proposal, folder_files, propose
from desktop.storage import repository as repo
from desktop.storage.app_status import lock_of
from desktop.storage.database import Database
from desktop.storage.draft_files import link_files
from desktop.storage.files_store import StoreError
from desktop.storage.records import DraftLocked, conn_of


@dataclass(frozen=True)
class FolderPlan:
    """What a folder's files would become on a stored draft (read at `version`): one proposal per file."""

    folder: Path
    draft_id: int
    version: int
    draft: Draft
    proposals: list[Proposal]

    @property
    def matched(self) -> list[Proposal]:
        return [p for p in self.proposals if p.line is not None]

    @property
    def ambiguous(self) -> list[Proposal]:
        return [p for p in self.proposals if p.ambiguous]

    @property
    def unmatched(self) -> list[Proposal]:
        return [p for p in self.proposals if p.line is None and not p.ambiguous]


@dataclass
class FolderAttached:
    """What --apply did: the files added (with their SHA-256), those already on their line, the new version."""

    added: list[tuple[Proposal, str]] = field(default_factory=list)
    already: list[Proposal] = field(default_factory=list)
    version: int = 0


def plan_folder(db: Database, draft_id: int, folder: Path) -> FolderPlan:
    """The proposals for the files in `folder` (and its subfolders) on stored draft `draft_id`; nothing
    is changed. StoreError naming the folder when it is not one; DraftNotFound for no such draft."""
    if not folder.exists():
        raise StoreError(f"{folder}: no such folder; give the folder that holds the scans",
                         f"{folder}：文件夹不存在，请给出存放扫描件的文件夹")
    if not folder.is_dir() or folder.is_symlink():
        raise StoreError(f"{folder}: not a folder; give a folder of scans (`attach` takes one file)",
                         f"{folder}：不是文件夹，请给出存放扫描件的文件夹（单个文件请用 attach）")
    files = folder_files(folder)
    with db.session() as s:
        stored = repo.get_draft(s, draft_id=draft_id)
    return FolderPlan(folder, draft_id, stored.version, stored.draft, propose(stored.draft, files))


def attach_planned(
    db: Database, plan: FolderPlan, *, as_of: date | None = None, progress: Callable[[int], object] | None = None
) -> FolderAttached:
    """Copy the matched files into the database's store (whole batch or none: StoreError names the file)
    and add each to its line in one saved change, based on the version the plan read (ConflictError if
    the draft changed since; DraftLocked if it was submitted). A file whose bytes are already on its line
    is left out. The draft's figures in the list are checked again."""
    matched = [(p, p.line) for p in plan.matched if p.line is not None]
    done = FolderAttached(version=plan.version)
    if not matched:
        return done
    with db.session() as s:  # a submitted draft is refused before any file is copied
        lock = lock_of(s, draft_id=plan.draft_id)
    if lock is not None:
        raise DraftLocked(plan.version, plan.version, lock.state)
    stored = store_of(db).add_files([p.path for p, _ in matched], progress=progress)
    seen = {(i, f.sha256) for _, i in matched for f in plan.draft.equipment[i].files if f.sha256}
    placed: list[tuple[Path, int, str]] = []
    kept: list[tuple[str, int]] = []
    for (proposal, index), (digest, size) in zip(matched, stored, strict=True):
        if (index, digest) in seen:  # on its line already (this folder attached before, or a copy in it)
            done.already.append(proposal)
            continue
        seen.add((index, digest))
        placed.append((proposal.path, index, proposal.kind))
        kept.append((digest, size))
        done.added.append((proposal, digest))
    if not placed:
        return done
    draft = copy.copy(plan.draft)
    draft.equipment = list(plan.draft.equipment)
    for index, line in lines_adding(plan.draft, placed, kept).items():
        draft.equipment[index] = line
    with db.session(write=True) as s:
        done.version = repo.save_draft(s, draft_id=plan.draft_id, draft=draft, expected_version=plan.version)
        link_files(conn_of(s), plan.draft_id, dict(kept))
        refresh_summary(s, plan.draft_id, draft, as_of)
    return done
