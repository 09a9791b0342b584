"""The application's template (forms/application.yaml): its parts in order and the equipment table's
columns in order, read strictly (unknown keys, unknown or repeated names refused with their line)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Final

from desktop import paths
from desktop.rules.yamlnodes import Node, PackError, parse_root

if TYPE_CHECKING:
    from desktop.rules.notice import Notice

TEMPLATE_FILE = "application.yaml"

PARTS: Final = (
    "cover", "commitment", "company", "financials", "project", "indicators", "equipment", "funding",
    "attachments",
)
COLUMNS: Final = (
    "no", "name", "model", "supplier", "kind", "quantity", "unit_price", "currency", "amount",
    "contract_number", "contract_date", "invoice_number", "invoice_date", "payment_date", "imported",
    "acceptance_date", "asset_tag",
)


class TemplateError(PackError):
    """The template cannot be used; the message names the file and the line."""


@dataclass(frozen=True, slots=True)
class Template:
    id: str
    parts: tuple[str, ...]
    equipment_columns: tuple[str, ...]
    # the equipment table's headings as a notice words them: column -> (zh, en); else the program's own
    headings: tuple[tuple[str, str, str], ...] = ()

    def heading(self, column: str) -> tuple[str, str] | None:
        return next(((zh, en) for key, zh, en in self.headings if key == column), None)


def _names(node: Node, allowed: tuple[str, ...], what: str) -> tuple[str, ...]:
    out: list[str] = []
    for item in node.items():
        name = item.text()
        if name not in allowed:
            raise TemplateError(item.fail(f'unknown {what} "{name}"; expected one of {", ".join(allowed)}').args[0])
        if name in out:
            raise TemplateError(item.fail(f'{what} "{name}" is listed twice').args[0])
        out.append(name)
    if not out:
        raise TemplateError(node.fail(f"list at least one {what}").args[0])
    return tuple(out)


def parse_template(text: str, source: str) -> Template:
    try:
        root = parse_root(text, source)
        top = root.mapping(("template", "parts", "equipment_columns"))
        return Template(
            id=top["template"].text(),
            parts=_names(top["parts"], PARTS, "part"),
            equipment_columns=_names(top["equipment_columns"], COLUMNS, "column"),
        )
    except TemplateError:
        raise
    except PackError as exc:
        raise TemplateError(str(exc)) from None


def load_template(path: Path | None = None) -> Template:
    """The template at `path` (forms/application.yaml by default, read once). TemplateError names the file."""
    return _load(str(path or paths.forms_dir() / TEMPLATE_FILE))


@cache
def _load(name: str) -> Template:
    where = Path(name)
    try:
        text = where.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(f"{where}: cannot be read ({exc.__class__.__name__})") from None
    return parse_template(text, str(where))


def template_for(notice: Notice | None) -> Template:
    """The template the application follows: its notice's (the parts and columns the notice orders and
    words) when the draft names a notice that gives one, else forms/application.yaml."""
    return notice.template if notice is not None and notice.template is not None else load_template()
