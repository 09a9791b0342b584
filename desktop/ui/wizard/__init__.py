"""The wizard window around the steps: the step-page base class, the form pages built from
forms/wizard.yaml, the summary strip, the editing session (undo, autosave timers) and its menus."""
