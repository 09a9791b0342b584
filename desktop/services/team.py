"""Working together on one database: who edits which draft (leases), the review marks, the author name,
and the token that tells an open list something changed. The storage package does the work."""

from __future__ import annotations

from desktop.storage.change_feed import ChangeListener as ChangeListener
from desktop.storage.change_feed import listen as listen
from desktop.storage.team import RENEW_SECONDS as RENEW_SECONDS
from desktop.storage.team import TeamInfo as TeamInfo
from desktop.storage.team import change_token as change_token
from desktop.storage.team import current_author as current_author
from desktop.storage.team import release_lease as release_lease
from desktop.storage.team import renew_lease as renew_lease
from desktop.storage.team import set_author as set_author
from desktop.storage.team import set_review as set_review
from desktop.storage.team import take_lease as take_lease
from desktop.storage.team import team_info as team_info
