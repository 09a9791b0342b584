"""The equipment step: the table model and its columns, cell editors, paste mapping, actions on lines
and the totals footer."""
