"""Child process of bench_startup: `python -m tests.benchmarks.startup_child MODE [DB]`.

MODE bare: a bare PySide6 window, shown; prints "PAINTED" on its first paint (the baseline).
MODE painted: the program (through desktop.cli's import path) up to its drafts window's first paint;
    prints "PAINTED <modules>" where <modules> says whether sqlalchemy / reportlab were loaded yet.
MODE filled: the program until the drafts list holds every draft of DB and has been painted again;
    prints "FILLED <rows>".
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _on_paint(widget, then) -> None:
    from PySide6.QtCore import QEvent, QObject

    class Filter(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Paint:
                widget.removeEventFilter(self)
                then()
            return False

    f = Filter(widget)
    widget.installEventFilter(f)


def bare() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1000, 620)
    _on_paint(window, lambda: (print("PAINTED", flush=True), app.quit()))
    window.show()
    return app.exec()


def program(mode: str, db: str) -> int:
    import desktop.cli  # noqa: F401 (the real entry's imports count)
    from desktop.ui.application import start

    app, controller = start(sys.argv[:1], db=db, lang="zh")
    window = controller.drafts_window
    if mode == "painted":
        def painted() -> None:
            heavy = ",".join(m for m in ("sqlalchemy", "reportlab") if m in sys.modules) or "none"
            print(f"PAINTED heavy={heavy}", flush=True)
            app.quit()

        _on_paint(window, painted)
    else:
        def filled() -> None:
            if window.loaded:
                print(f"FILLED {window.model.rowCount()}", flush=True)
                app.quit()
            else:
                _on_paint(window.table.viewport(), filled)

        _on_paint(window.table.viewport(), filled)
    return app.exec()


if __name__ == "__main__":
    mode = sys.argv[1]
    sys.exit(bare() if mode == "bare" else program(mode, sys.argv[2]))
