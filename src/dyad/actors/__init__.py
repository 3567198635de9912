"""Actors: dictionaries, dated roles and coreference."""
