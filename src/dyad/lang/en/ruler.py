"""The English model's attribute rules (tag -> part of speech and morphology, word exceptions),
applied by dictionary lookup instead of spaCy's token Matcher.

spaCy's ``attribute_ruler`` runs a general pattern matcher over every token, which costs about a
fifth of dyad's English time; its patterns are almost all one token with an exact tag or word.
This reads the same patterns from the loaded model, indexes them by that tag or word, and sets
the same attributes in the same order (later rules win, as in spaCy), so the output is the
model's own (a test compares both on the bundled samples).
"""

from __future__ import annotations

import re
from collections.abc import Callable

Check = Callable[[object], bool]
Entry = tuple[int, list, int, dict]  # (rule order, a test per token, index of the token set, attributes)

_FIELDS = {
    "TAG": lambda t: t.tag_,
    "LOWER": lambda t: t.lower_,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}


class FastAttributeRuler:
    """Applies the patterns of a spaCy ``AttributeRuler`` to a parsed ``Doc``."""

    def __init__(self, ruler) -> None:
        self.by_tag: dict[str, list[Entry]] = {}
        self.by_lower: dict[str, list[Entry]] = {}
        self.by_dep: dict[str, list[Entry]] = {}
        self.spaces: list[Entry] = []  # rules for whitespace tokens
        self.others: list[Entry] = []
        for order, rule in enumerate(ruler.patterns):
            for pattern in rule["patterns"]:
                first = pattern[0]
                # indexed by the first token's word, tag or relation (each of an "IN" list), the most
                # selective first; the condition the index already ensures is not tested again
                for key, index in (("LOWER", self.by_lower), ("TAG", self.by_tag), ("DEP", self.by_dep)):
                    values = _values(first.get(key))
                    if values:
                        rest = {k: v for k, v in first.items() if k != key}
                        entry = (order, [_check(rest), *(_check(spec) for spec in pattern[1:])], rule.get("index", 0), rule["attrs"])
                        for value in values:
                            index.setdefault(value, []).append(entry)
                        break
                else:
                    entry = (order, [_check(spec) for spec in pattern], rule.get("index", 0), rule["attrs"])
                    (self.spaces if first.get("IS_SPACE") is True else self.others).append(entry)

    def __call__(self, doc) -> None:
        found: list[tuple[int, int, dict]] = []
        length = len(doc)
        for token in doc:
            candidates = (
                *self.by_tag.get(token.tag_, ()), *self.by_lower.get(token.lower_, ()), *self.by_dep.get(token.dep_, ()),
                *(self.spaces if token.is_space else ()), *self.others,
            )  # fmt: skip
            for order, checks, index, attrs in candidates:
                start = token.i
                if start + len(checks) > length or not all(check is None or check(doc[start + k]) for k, check in enumerate(checks)):
                    continue
                target = start + index if index >= 0 else start + len(checks) + index
                found.append((order, target, attrs))
        found.sort(key=lambda f: f[0])
        for _, target, attrs in found:
            token = doc[target]
            for name, value in attrs.items():
                if name == "MORPH":
                    token.set_morph(value)
                elif name == "POS":
                    token.pos_ = value
                elif name == "LEMMA":
                    token.lemma_ = value
                elif name == "TAG":
                    token.tag_ = value
                elif name == "DEP":
                    token.dep_ = value
                else:
                    raise ValueError(f"attribute {name} of the model's rules is not handled")


def _values(wanted) -> tuple[str, ...]:
    """The exact values a pattern key allows ("VBZ", {"IN": [...]}), or none when it is open."""
    if isinstance(wanted, str):
        return (wanted,)
    if isinstance(wanted, dict) and list(wanted) == ["IN"]:
        return tuple(wanted["IN"])
    return ()


def _check(spec: dict) -> Check | None:
    """A test of one token against one token pattern; None when the pattern asks nothing more."""
    if not spec:
        return None
    tests = []
    for name, wanted in spec.items():
        if name not in _FIELDS:
            raise ValueError(f"pattern key {name} of the model's rules is not handled")
        get = _FIELDS[name]
        if isinstance(wanted, dict):
            (operator, value), *rest = wanted.items()
            if rest or operator not in ("IN", "NOT_IN", "REGEX"):
                raise ValueError(f"pattern operator {wanted} of the model's rules is not handled")
            if operator == "IN":
                values = frozenset(value)
                tests.append(lambda t, get=get, values=values: get(t) in values)
            elif operator == "NOT_IN":
                values = frozenset(value)
                tests.append(lambda t, get=get, values=values: get(t) not in values)
            else:
                regex = re.compile(value)
                tests.append(lambda t, get=get, regex=regex: regex.search(get(t)) is not None)
        else:
            tests.append(lambda t, get=get, wanted=wanted: get(t) == wanted)
    if len(tests) == 1:
        return tests[0]
    return lambda t: all(test(t) for test in tests)
