"""Language of a document: lingua over a fixed set of languages; 'ru' and 'en' are coded."""

from __future__ import annotations

from functools import cached_property

SUPPORTED = ("ru", "en")
SAMPLE_CHARS = 3000


class LanguageDetector:
    """ISO 639-1 code of a text, or None when no language is clear (too short, no letters)."""

    @cached_property
    def _detector(self):
        from lingua import Language, LanguageDetectorBuilder

        languages = [
            Language.RUSSIAN, Language.ENGLISH, Language.UKRAINIAN, Language.BELARUSIAN,
            Language.BULGARIAN, Language.SERBIAN, Language.GERMAN, Language.FRENCH,
            Language.SPANISH, Language.ITALIAN, Language.PORTUGUESE, Language.POLISH,
            Language.TURKISH, Language.ARABIC, Language.CHINESE, Language.JAPANESE,
        ]  # fmt: skip
        return LanguageDetectorBuilder.from_languages(*languages).build()

    def detect(self, text: str) -> str | None:
        sample = text[:SAMPLE_CHARS]
        letters = sum(ch.isalpha() for ch in sample)
        if letters < 3:
            return None
        cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in sample)
        language = self._detector.detect_language_of(sample)
        if language is None:
            return "ru" if cyrillic > letters * 0.5 else None
        return language.iso_code_639_1.name.lower()
