"""Sample articles written by the dyad project (bundled for `make run` and `dyad bench`)."""
