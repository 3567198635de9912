"""Where a text's line breaks end a sentence, and where they only wrap a line.

A headline, a caption or a dateline on a line of its own ends there, so a line break ends a
sentence, except where it only wraps a line of running text:
- the next line goes on in lower case ("провели\\nпереговоры", "held\\ntalks");
- the line ends inside a phrase: a comma, a semicolon, an opening bracket, a hyphen or a dash;
- the text is hard-wrapped (half its lines or more fill a width of at most ``MAX_WRAP``
  characters, as plain-text wires, e-mail and archives write them, and some break plainly falls
  inside a sentence, as above) and the line is full: it reaches that width but for about a word
  (``SLACK``), so its paragraph goes on. A short line (a headline, the last line of a paragraph)
  still ends where it ends, and so does an empty line.

Each function returns spans of the text; a soft break inside a span reads as a space
(``joined``), so offsets into the document stay those of the text.
"""

from __future__ import annotations

import re

LINE = re.compile(r"[^\n]+")
MAX_WRAP = 120  # wider lines are not hard-wrapped text
SLACK = 16  # a full line of wrapped text ends within about a word of the width
MIN_FULL_LINES = 2
CONTINUES = (",", ";", "(", "-", "–", "—")  # a line ending so is cut inside a phrase


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that no line break ends: each line, joined with the next where the break
    only wraps a line (see the module's rules)."""
    lines = [(m.start(), m.end()) for m in LINE.finditer(text) if m.group().strip()]
    if not lines:
        return []
    words = [text[s:e].strip() for s, e in lines]
    adjacent = [text.count("\n", prev_end, start) == 1 for (_, prev_end), (start, _) in zip(lines, lines[1:], strict=False)]
    cut = [near and _cut(previous, following) for near, previous, following in zip(adjacent, words, words[1:], strict=False)]
    width = _wrap_width(words, cut)
    spans = [list(lines[0])]
    for number, (start, end) in enumerate(lines[1:]):
        if cut[number] or (adjacent[number] and width is not None and len(words[number]) >= width - SLACK):
            spans[-1][1] = end
        else:
            spans.append([start, end])
    return [(s, e) for s, e in spans]


def joined(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with its line breaks read as spaces (the same length, so offsets hold)."""
    return text[start:end].replace("\r", " ").replace("\n", " ")


def _cut(previous: str, following: str) -> bool:
    """The break falls inside a sentence: the next line goes on in lower case, or the line ends
    inside a phrase."""
    return following[:1].islower() or previous.endswith(CONTINUES)


def _wrap_width(lines: list[str], cut: list[bool]) -> int | None:
    """The width the text is hard-wrapped at, or None when it is not: at least ``MIN_FULL_LINES``
    lines within ``SLACK`` of the longest (at most ``MAX_WRAP``), at least half the lines so, and
    one break at least that plainly falls inside a sentence (a list of headlines has none)."""
    width = max(len(line) for line in lines)
    if width > MAX_WRAP or not any(cut):
        return None
    full = sum(1 for line in lines if len(line) >= width - SLACK)
    return width if full >= MIN_FULL_LINES and full * 2 >= len(lines) else None
