"""Message templates with fields ("{caller} ({number}) called at {time}, please call back"), in sv, nb and en.

Templates are plain text with named fields only: no attribute access, indexing or format specs, so a
template from the configuration cannot reach into the objects that fill it. Field values are put on one
line (control characters become spaces) whatever the call or the operator typed.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass

from messaging.model import MessageError

FIELDS = ("caller", "number", "time", "operator", "note", "unit")
LANGUAGES = ("sv", "nb", "en")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\u0085]+")

BUILT_IN: dict[str, dict[str, str]] = {
    "call_back": {
        "sv": "{caller} ({number}) ringde kl. {time}, vänligen ring tillbaka.",
        "nb": "{caller} ({number}) ringte kl. {time}, vennligst ring tilbake.",
        "en": "{caller} ({number}) called at {time}, please call back.",
    },
    "message": {
        "sv": "{caller} ({number}) ringde kl. {time}: {note}",
        "nb": "{caller} ({number}) ringte kl. {time}: {note}",
        "en": "{caller} ({number}) called at {time}: {note}",
    },
    "waiting": {
        "sv": "{caller} väntar i växeln, ring {operator} snarast.",
        "nb": "{caller} venter i sentralbordet, ring {operator} snarest.",
        "en": "{caller} is waiting at the switchboard, please call {operator} now.",
    },
}


@dataclass(frozen=True, slots=True)
class Template:
    name: str
    texts: Mapping[str, str]  # language -> text

    def text_for(self, language: str) -> str:
        return self.texts.get(language) or self.texts.get("en") or next(iter(self.texts.values()))


def check_template(name: str, text: str) -> str:
    """`text` if every field in it is one of FIELDS, plainly named; MessageError naming the template otherwise."""
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise MessageError(f"template {name!r} is not well formed: {exc}") from None
    for _, field, spec, conversion in parts:
        if field is None:
            continue
        if field not in FIELDS or spec or conversion:
            raise MessageError(f"template {name!r} has the field {{{field}}}; fields are "
                                 + ", ".join(f"{{{f}}}" for f in FIELDS))
    return text


def templates(extra: Mapping[str, Mapping[str, str]] | None = None) -> dict[str, Template]:
    """The built-in templates, with the configuration's added or replacing them language by language."""
    merged = {name: dict(texts) for name, texts in BUILT_IN.items()}
    for name, texts in (extra or {}).items():
        merged.setdefault(name, {}).update({lang: check_template(name, t) for lang, t in texts.items() if t})
    return {name: Template(name, texts) for name, texts in merged.items() if texts}


def render(template: Template, language: str, values: Mapping[str, str]) -> str:
    """The template's text in `language` with its fields filled; a field with no value is left empty."""
    text = check_template(template.name, template.text_for(language))
    safe = {field: _CONTROL.sub(" ", values.get(field, "")).strip() for field in FIELDS}
    return text.format_map(safe)
