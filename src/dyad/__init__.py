"""dyad: news in, dated and evidenced political events (CAMEO/PLOVER) out.

Public API: ``Engine`` (load once, code many documents) and ``code_text``.
"""

from dyad.model import Actor, Document, Event, Evidence

__all__ = ["Actor", "Document", "Engine", "Event", "Evidence", "code_text"]
__version__ = "0.1.0"


def __getattr__(name: str):
    # The engine pulls in the NLP models; import it only when asked for.
    if name == "Engine":
        from dyad.pipeline import Engine

        return Engine
    if name == "code_text":
        from dyad.pipeline import code_text

        return code_text
    raise AttributeError(name)
