"""Company records and application notices: the dialogs that keep a client's data once and add a
notice's windows and deadlines without YAML."""
