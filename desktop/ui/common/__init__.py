"""Pieces several screens share: settings, language switching, icons, plain-text labels, value editors,
the worker with progress and Cancel, and the dialogs for database problems, conflicts and unsaved edits."""
