"""An event's record read back (Event.from_json) is the same event: Spark's dedup and
`dyad ingest --events` rebuild events from records, so nothing may be lost on the way."""

import datetime as dt

from dyad.model import Document, Event

TEXTS = {
    "ru": "Министр иностранных дел России Сергей Лавров 12 февраля 2025 года в Москве провёл "
          "переговоры с министром иностранных дел Индии. Россия осудила удары Израиля по Ливану.",
    "en": "On 3 March 2025 Chinese President Xi Jinping met French President Emmanuel Macron in "
          "Beijing. Turkey threatened to impose sanctions on Sweden, officials said.",
}


def test_record_roundtrip_keeps_every_field(engine):
    seen = 0
    for lang, text in TEXTS.items():
        coded = engine.code(Document(text, id=lang, lang=lang, published=dt.date(2025, 3, 4)))
        for event in coded.events:
            record = event.to_json(with_trace=True)
            again = Event.from_json(record)
            assert again.to_json(with_trace=True) == record
            assert again.source == event.source and again.target == event.target
            seen += 1
    assert seen >= 3
