"""Everything Qt lives here and only here, one folder a screen: drafts/, wizard/, equipment/, attachments/,
review/, export/, importing/, clients/ and common/; application.py, controller.py and menus.py hold the
program's frame (start-up, the windows it opens, the menus they share)."""
