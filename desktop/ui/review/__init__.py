"""The review step: findings grouped by step and the line-by-line computation."""
