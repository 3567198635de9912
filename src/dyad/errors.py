"""The DyadError family: one clear line for people, with the place and what to do."""

from __future__ import annotations


class DyadError(Exception):
    """Base of all errors dyad reports to a user (CLI prints ``dyad: error: <message>``)."""

    code = "E000"

    def __init__(self, message: str, where: str | None = None):
        self.message = message
        self.where = where
        super().__init__(self.__str__())

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class DataFileError(DyadError):
    """A dictionary or lexicon file has a bad entry (reported with file:line)."""

    code = "E100"


class InputError(DyadError):
    """An input document or file cannot be read as text."""

    code = "E200"


class UnsupportedLanguage(InputError):
    """The document is in a language dyad does not code."""

    code = "E201"


class ConfigError(DyadError):
    """An option has a value outside its allowed set."""

    code = "E300"
