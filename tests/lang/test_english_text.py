"""English sentences, tokens and parses: offsets into the text, wire headlines, text without stops."""

import json

import pytest

from dyad.lang.en.parse import EnglishParser
from dyad.lang.en.segment import MAX_SENTENCE_CHARS, EnglishSegmenter


@pytest.fixture(scope="module")
def parser():
    return EnglishParser(proper=lambda word: word in {"russia", "us", "ukraine"})


@pytest.fixture(scope="module")
def segment(parser):
    return EnglishSegmenter(parser.tokenizer)


def test_sentences_end_at_stops_but_not_at_abbreviations(segment):
    text = "The U.S. envoy met Mr. Smith in Geneva. He left on Feb. 3. Talks resume soon!"
    sentences = segment(text)
    assert [s.text for s in sentences] == ["The U.S. envoy met Mr. Smith in Geneva.", "He left on Feb. 3.", "Talks resume soon!"]
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        for token in sentence.tokens:
            assert text[token.start : token.end] == token.text


def test_a_line_break_ends_a_sentence_and_a_quotation_stays_with_its_stop(segment):
    text = 'Headline without a stop\n"We are ready," the minister said. The talks begin.'
    assert [s.text for s in segment(text)] == ["Headline without a stop", '"We are ready," the minister said.', "The talks begin."]


def test_text_without_stops_is_cut_into_bounded_sentences(segment):
    text = " ".join(["the envoys met again and talked"] * 400)
    sentences = segment(text)
    assert len(sentences) > 1
    assert all(len(s.text) <= MAX_SENTENCE_CHARS + 40 for s in sentences)
    assert sum(len(s.tokens) for s in sentences) == len(text.split())


def test_parse_fills_relations_and_lemmas(parser, segment):
    sentences = segment("Russia signed an agreement with Ukraine.")
    parser(sentences)
    tokens = sentences[0].tokens
    assert sentences[0].parsed
    assert [t.lemma for t in tokens[:2]] == ["russia", "sign"]
    assert tokens[0].rel == "nsubj" and tokens[0].head == 1
    assert tokens[1].head == -1


def test_an_all_caps_headline_is_parsed_in_normal_case(parser, segment):
    sentences = segment("RUSSIA SIGNS AGREEMENT WITH UKRAINE")
    parser(sentences)
    tokens = sentences[0].tokens
    assert [t.text for t in tokens][:2] == ["RUSSIA", "SIGNS"]  # the text itself is untouched
    assert tokens[1].lemma == "sign" and tokens[1].pos == "VERB"
    assert tokens[0].rel == "nsubj"


def test_a_verb_lemma_cut_one_letter_short_is_restored():
    from dyad.lang.en.parse import _verb_lemma

    known = frozenset({"hope", "stage", "wage", "bid", "bide", "visit", "fix"})
    assert [_verb_lemma(w, lemma, known) for w, lemma in (("hopes", "hop"), ("hoped", "hop"), ("hoping", "hop"), ("stages", "stag"))] == ["hope"] * 3 + ["stage"]
    # forms that are the shorter verb's own stay: "bidding" is bid's, "fixes" fix's, "visited" visit's
    assert _verb_lemma("bided", "bid", known) == "bide"
    assert _verb_lemma("fixes", "fix", known) == "fix"
    assert _verb_lemma("visited", "visit", known) == "visit"
    assert _verb_lemma("hopes", "hop", frozenset()) == "hop"  # a verb the coder does not know is left as it is


def test_a_name_written_with_underscores_is_its_words(segment):
    (sentence,) = segment("Ithilen warned the Prince of Dol_Amroth.")
    words = [(t.text, t.start, t.end) for t in sentence.tokens]
    assert ("Dol", 29, 32) in words and ("Amroth", 33, 39) in words


def test_the_lookup_attribute_rules_give_the_models_own_output(parser):
    # the bundled English samples and the model's word exceptions ("ain't", "gonna", "y'all", "there's")
    from importlib import resources

    texts = [json.loads(line)["text"] for line in resources.files("dyad.samples").joinpath("en.jsonl").read_text(encoding="utf-8").splitlines()]
    texts.append("Y'all gonna see it. Let's go, c'mon! There's a man who ain't here, and nothin' was said. I'm doin' it.")
    nlp = parser.nlp

    def docs():
        return [parser.doc(nlp.vocab, words=[t.text for t in nlp.tokenizer(text) if not t.is_space]) for text in texts]

    def view(doc):
        return [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in doc]

    expected = [view(doc) for doc in nlp.pipe(docs())]
    assert [view(doc) for doc in parser.pipe(docs())] == expected
    assert sum(len(v) for v in expected) > 1500
