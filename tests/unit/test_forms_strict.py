"""forms/ is read strictly: the wizard (forms/wizard.yaml) and the application template
(forms/application.yaml) go through the rule packs' YAML reader, which refuses a repeated key and an
unknown key naming the file and the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop import paths
from desktop.rules.template import TemplateError, load_template
from desktop.rules.wizard_form import FormError, load_form, parse_form
from desktop.rules.yamlnodes import PackError


def _line_of(text: str, needle: str, after: int = 0) -> int:
    """The 1-based line of the first line containing `needle` at or after line `after`."""
    lines = text.splitlines()
    return next(i + 1 for i in range(after, len(lines)) if needle in lines[i])


def _copy(tmp_path: Path, name: str, change) -> tuple[Path, int]:
    text = (paths.forms_dir() / name).read_text(encoding="utf-8")
    changed, line = change(text)
    target = tmp_path / name
    target.write_text(changed, encoding="utf-8")
    return target, line


def _insert_after(text: str, needle: str, extra: str) -> tuple[str, int]:
    """`extra` (indented like the line holding `needle`) on the line after it; that line's number."""
    line = _line_of(text, needle)
    lines = text.splitlines(keepends=True)
    indent = lines[line - 1][: len(lines[line - 1]) - len(lines[line - 1].lstrip())]
    lines.insert(line, indent + extra + "\n")
    return "".join(lines), line + 1


def test_the_shipped_wizard_reads() -> None:
    form = load_form()
    assert form.steps and form.index_of("equipment") >= 0


@pytest.mark.parametrize(("extra", "said"), [
    ("required: false", 'duplicate key "required"'),
    ("mandatory: true", 'unknown key "mandatory"'),
])
def test_a_repeated_or_unknown_key_in_the_wizard_is_refused_with_file_and_line(
    tmp_path: Path, extra: str, said: str
) -> None:
    target, line = _copy(tmp_path, "wizard.yaml", lambda t: _insert_after(t, "required: true", extra))
    with pytest.raises(FormError) as caught:
        load_form(str(target))
    assert f"{target}, line {line}:" in str(caught.value)
    assert said in str(caught.value)


def test_a_repeated_step_key_at_the_top_is_refused(tmp_path: Path) -> None:
    text = (paths.forms_dir() / "wizard.yaml").read_text(encoding="utf-8")
    changed = text + "version: 2\n"
    with pytest.raises(FormError, match=rf'line {len(changed.splitlines())}: duplicate key "version"'):
        parse_form(changed, "copy.yaml")


def test_the_wizard_refusals_name_the_line_of_a_bad_editor() -> None:
    text = ("version: 1\nsteps:\n- id: a\n  title: {zh: a, en: a}\n  intro: {zh: a, en: a}\n  fields:\n"
            "  - path: title\n    editor: slider\n    label: {zh: a, en: a}\n    help: {zh: a, en: a}\n")
    with pytest.raises(FormError, match=r"^w\.yaml, line 8: steps\[0\]\.fields\[0\]\.editor: 'slider'"):
        parse_form(text, "w.yaml")


def test_the_application_template_uses_the_same_strict_reader(tmp_path: Path) -> None:
    assert issubclass(TemplateError, PackError)
    target, line = _copy(tmp_path, "application.yaml", lambda t: _insert_after(t, "template:", "template: again"))
    with pytest.raises(TemplateError) as caught:
        load_template(target)
    assert f"{target}, line {line}:" in str(caught.value) and 'duplicate key "template"' in str(caught.value)
    target, line = _copy(tmp_path, "application.yaml", lambda t: _insert_after(t, "template:", "templat: x"))
    with pytest.raises(TemplateError) as caught:
        load_template(target)
    assert f"{target}, line {line}:" in str(caught.value) and 'unknown key "templat"' in str(caught.value)
