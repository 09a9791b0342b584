"""The drafts window: the list of drafts (search, companies, deadlines, who edits what), its actions
(new, open, duplicate, trash, import and export), revisions and the team database dialog."""
