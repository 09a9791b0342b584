"""The wizard's step pages load no database code: a window with 10,000 lines kept about 58 MB more when
the equipment page pulled SQLAlchemy in through the evidence services (gui_equipment_peak_rss)."""

from __future__ import annotations

import os
import subprocess
import sys

from desktop import paths

HEAVY = ("sqlalchemy", "sqlmodel", "alembic", "psycopg")


def test_step_pages_import_no_database_code() -> None:
    code = (
        "import sys\n"
        "import desktop.ui.equipment.equipment_page, desktop.ui.attachments.attachments_page\n"
        "import desktop.ui.attachments.evidence_dialog, desktop.ui.attachments.evidence_folder\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          cwd=paths.PROJECT_ROOT, check=True, timeout=120)
    assert done.stdout.strip() == "", f"loaded by the step pages: {done.stdout.strip()}"
