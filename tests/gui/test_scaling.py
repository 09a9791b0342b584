"""Display scaling as Windows laptops set it (125 % and 150 % of a 1920×1080 screen), each factor in a
process of its own (Qt reads QT_SCALE_FACTOR when it starts): every wizard step and the drafts window fit
the screen, no visible widget leaves its window, no label, button or check box is narrower than its
minimum size hint (its text clipped). The checker itself is shown to catch both faults."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QVBoxLayout, QWidget

from tests.gui.scaling_child import _problems
from tests.gui.scaling_screenshots import SCREEN, run_child


def _inside(outer: list[int], inner: list[int]) -> bool:
    x, y, w, h = outer
    a, b, c, d = inner
    return x <= a and y <= b and a + c <= x + w and b + d <= y + h


@pytest.mark.slow
@pytest.mark.parametrize("factor", ["1.25", "1.5"])
def test_every_step_fits_and_nothing_is_clipped(tmp_path, factor: str) -> None:
    shots = tmp_path / "shots"
    shots.mkdir()
    done, report = run_child(factor, tmp_path / "work", shots)
    assert report is not None, done.stderr[-3000:]
    scale = float(factor)
    assert report["ratio"] == pytest.approx(scale)  # the factor was in force
    available = report["available"]
    assert available[2:] == [round(SCREEN[0] / scale), round(SCREEN[1] / scale)]
    names = [w["window"] for w in report["windows"]]
    assert len(names) == 9 and names[-1] == "drafts"  # eight steps and the drafts window
    for window in report["windows"]:
        assert _inside(available, window["frame"]), window
        assert window["outside"] == [], window["window"]
        assert window["clipped"] == [], window["window"]
    percent = round(scale * 100)
    pictures = sorted(p.name for p in shots.iterdir())
    assert pictures == sorted([f"scaled-{percent}-step{i}-zh.png" for i in range(1, 9)]
                              + [f"scaled-{percent}-drafts-zh.png"])
    from PySide6.QtGui import QImage

    step1 = QImage(str(shots / f"scaled-{percent}-step1-zh.png"))
    frame = report["windows"][0]["frame"]
    assert frame[2] * (scale - 0.05) < step1.width() <= frame[2] * scale  # the client area, in real pixels
    assert "Traceback" not in done.stderr


def test_the_checker_sees_clipped_text_and_a_widget_outside(qtbot) -> None:
    top = QWidget()
    qtbot.addWidget(top)
    layout = QVBoxLayout(top)
    fine = QLabel("放得下的文字")
    layout.addWidget(fine)
    top.resize(400, 300)
    squeezed = QPushButton("一个很长很长很长很长的按钮文字", top)
    squeezed.setGeometry(10, 100, 40, 30)
    box = QCheckBox("勾选框文字较长", top)
    box.setGeometry(10, 150, 30, 30)
    away = QLabel("窗口外", top)
    away.setGeometry(380, 250, 100, 100)
    top.show()
    qtbot.waitExposed(top)
    found = _problems(top)
    assert any("QPushButton" in p for p in found["clipped"]) and any("QCheckBox" in p for p in found["clipped"])
    assert any("窗口外" in p for p in found["outside"])
    assert not any("放得下" in p for p in found["clipped"] + found["outside"])
