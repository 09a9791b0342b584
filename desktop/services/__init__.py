"""The use-cases the GUI and the command line share (open, check, save, import, export, team work): the only
door from desktop/ui and desktop/commands to storage, pdf and importers; open_draft.py is the open draft."""
