"""``dyad explain``: each sentence with its mentions, the rules behind each event, and what was dropped."""

from __future__ import annotations

from dyad.model import CodedDocument


def explain(coded: CodedDocument) -> str:
    doc = coded.document
    lines = [f"=== {doc.id or '<document>'}  lang={doc.lang}  published={doc.published or '-'}"]
    if coded.skipped:
        lines.append(f"skipped: {coded.skipped}")
        return "\n".join(lines)
    mentions_by_sentence: dict[int, list] = {}
    for mention in coded.mentions:
        mentions_by_sentence.setdefault(mention.sentence, []).append(mention)
    events_by_start: dict[int, list] = {}
    for event in coded.events:
        events_by_start.setdefault(event.evidence.start, []).append(event)
    dropped_by_sentence: dict[int, list[str]] = {}
    for note in coded.dropped:
        head, _, rest = note.partition(" ")
        if head.startswith("s") and head[1:].isdigit():
            dropped_by_sentence.setdefault(int(head[1:]), []).append(rest)
    for sentence in coded.sentences:
        status = "parsed" if sentence.parsed else "skipped (no trigger and actor candidate)"
        lines.append(f"\n[{sentence.index}] {sentence.start}-{sentence.end} {status}")
        lines.append(f"    {sentence.text}")
        for mention in mentions_by_sentence.get(sentence.index, []):
            if mention.pair:
                what = " + ".join(a.code for a in mention.pair)
            elif mention.actor:
                actor = mention.actor
                what = actor.code + (f" {actor.name}" if actor.name else "") + (f", {actor.role}" if actor.role else "")
            else:
                what = "unresolved"
            lines.append(f"    mention '{mention.text}' [{mention.kind}] -> {what}  ({mention.source_line})")
        for event in events_by_start.get(sentence.start, []):
            target = event.target.code if event.target else "-"
            lines.append(f"    EVENT {event.source.code} {event.code} {target}  date={event.date} ({event.date_from})  {event.modality}")
            for step in event.trace:
                lines.append(f"      - {step}")
            if event.attribution:
                lines.append(f"      - attribution: '{event.attribution.text}' ({event.attribution.code or '-'})")
            if event.geo is not None:
                place = event.geo
                lines.append(f"      - place: {place.name}, {place.country} ({place.feature}) from the {event.geo_from}: '{event.geo_text}'")
            else:
                lines.append("      - place: none (the sentence names no scene, the text no dateline)")
            if event.mode or event.contexts:
                lines.append(f"      - PLOVER: {event.plover} mode {event.mode or '-'}, contexts {', '.join(event.contexts) or '-'}")
        for note in dropped_by_sentence.get(sentence.index, []):
            lines.append(f"    dropped {note}")
    return "\n".join(lines)
