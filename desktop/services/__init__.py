"""The use-cases the GUI and the command line share: open, check, save, export."""
