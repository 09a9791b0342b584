"""Rule packs, notices, evidence packs and the wizard form, read strictly from YAML (yamlnodes.py), and
the checker: (draft, pack, as_of) -> assessment. No Qt, no storage."""
