"""Where a draft stands after it is prepared (submitted, approved, granted ...) and its history; the
storage package keeps it."""

from __future__ import annotations

from desktop.storage.app_status import STATES as STATES
from desktop.storage.app_status import StateRefused as StateRefused
from desktop.storage.app_status import history as history
from desktop.storage.app_status import reopen as reopen
from desktop.storage.app_status import set_state as set_state
from desktop.storage.app_status import state_of as state_of
