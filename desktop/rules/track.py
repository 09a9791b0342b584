"""Track packs: a second computed track of the same policy, as data.

A track pack names its `base` (the policy's pack) and says only what differs: its id and version, the
track (category key) it computes, the rate, a single cap, whether the applicant must be an innovation
centre, the uses a line may have to count, the required documents, and the base's rules whose severity,
basis, clause or message it words for itself. Everything else (sources, windows, the other rules) is the
base's. Adding a track is adding such a file to seeds/programs/: no code.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from desktop.domain import choices
from desktop.rules.evidence_pack import parse_required_documents
from desktop.rules.pack import Category, Pack, _rule
from desktop.rules.yamlnodes import Node, parse_root


def is_track_text(root: Node) -> bool:
    return "base" in root.free_mapping()


def base_of(text: str, source: str) -> str | None:
    """The base pack a pack file names, or None for a full pack."""
    root = parse_root(text, source)
    top = root.free_mapping()
    return top["base"].text() if "base" in top else None


def parse_track(text: str, source: str, base: Pack) -> Pack:
    root = parse_root(text, source)
    top = root.mapping(("id", "base", "version", "track", "parameters"), ("required_documents", "rules"))
    if top["base"].text() != base.id:
        raise top["base"].fail(f'the base pack is "{base.id}", not "{top["base"].text()}"')
    track = top["track"].text()
    if track not in base.categories:
        raise top["track"].fail(f'unknown track "{track}"; the base pack has ' + ", ".join(base.categories))
    params = top["parameters"].mapping(("rate", "cap", "center_required", "eligible_uses"))
    rate = params["rate"].decimal()
    if not Decimal(0) < rate <= Decimal(1):
        raise params["rate"].fail(f"the rate must lie between 0 and 1, got {rate}")
    cap = params["cap"].decimal()
    if cap <= 0:
        raise params["cap"].fail("a cap must be above zero")
    uses: list[str] = []
    for node in params["eligible_uses"].items():
        uses.append(node.choice(tuple(choices.USES)))
    if not uses:
        raise params["eligible_uses"].fail("name at least one use (rd, production)")
    center_required = params["center_required"].boolean()
    rules = dict(base.rules)
    if "rules" in top:
        seen: set[str] = set()
        for item in top["rules"].items():
            rule = _rule(item, base.sources)
            if rule.id in seen:
                raise item.fail(f'rule "{rule.id}" is described twice')
            seen.add(rule.id)
            rules[rule.id] = rule
    categories = {
        key: Category(key, c.name, key == track) for key, c in base.categories.items()
    }
    caps = dict(base.caps) if center_required else {"any": cap}
    return dataclasses.replace(
        base,
        id=top["id"].text(),
        version=top["version"].text(),
        rate=rate,
        caps=caps,
        cap_confirmed={**base.cap_confirmed, "any": True},
        categories=categories,
        rules=rules,
        path=source,
        required_documents=(
            parse_required_documents(top["required_documents"]) if "required_documents" in top
            else base.required_documents
        ),
        track=track,
        center_required=center_required,
        eligible_uses=tuple(uses),
        base=base.id,
    )
