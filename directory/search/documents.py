"""What the index keeps about one entry: its keys for the posting lists and compact match strings.

Match strings hold keys separated by spaces, so that checking a query word against a candidate is a
C-speed substring search (" kar" for a prefix, " karlsson " for a whole word). Each entry has its own
string, name keys first, then ``|``, then its e-mail words, keywords and location (which often names a
room): " anna karlsson | anna karlsson2 teckensprak hus b rum 12 ", and a *shared* string for title and
units, which many colleagues have in common and so is stored once (and scored once per query):
" sjukskoterska region orebro kardiologi ".
Raw strings (diacritics kept) hold only the words that have diacritics.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from directory.model import Entry
from directory.search.folding import fold_key, raw_key, variant_key, words
from directory.search.numbers import number_keys


@dataclass(frozen=True, slots=True)
class Analysis:
    name_keys: tuple[str, ...]  # folded words of display name, given name and surname
    other_keys: tuple[str, ...]  # folded words of title, units, location, keywords, e-mail local part
    raw_name_keys: tuple[str, ...]  # words with diacritics as written, for the exact-diacritic rank
    raw_other_keys: tuple[str, ...]
    variant_keys: tuple[str, ...]  # sound-alike keys of the name words
    solo_name: str  # the folded display name when it is a single word ("vaxeln"), else ""
    number_keys: tuple[int, ...]
    extension_keys: tuple[int, ...]
    own_text: str
    own_bar: int
    shared_text: str
    raw_own_text: str
    raw_own_bar: int
    raw_shared_text: str
    variant_text: str


def _dedupe(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _text(*groups: tuple[str, ...]) -> str:
    return " " + " | ".join(" ".join(g) for g in groups) + " "


def display_words(entry: Entry) -> list[str]:
    return [fold_key(w) for w in words(entry.display_name)]


def _keys(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(folded keys, raw keys that carry diacritics) of one field, each in order without repeats."""
    found = words(text)
    folded = _dedupe([fold_key(w) for w in found])
    raw = tuple(k for k in _dedupe([raw_key(w) for w in found]) if not k.isascii())
    return folded, raw


# Titles, units, places, keywords and first names repeat across thousands of entries: analyse each once.
_field_keys = lru_cache(maxsize=50_000)(_keys)


@lru_cache(maxsize=20_000)
def _shared(title: str, unit_path: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...], str, str]:
    """(keys, raw keys, text, raw text) of the fields colleagues share: title and units."""
    keys: list[str] = []
    raw: list[str] = []
    for part in (title, *unit_path):
        folded, raw_part = _field_keys(part)
        keys.extend(folded)
        raw.extend(raw_part)
    shared, raw_shared = _dedupe(keys), _dedupe(raw)
    return shared, raw_shared, _text(shared), _text(raw_shared) if raw_shared else ""


def _join(parts: list[tuple[tuple[str, ...], tuple[str, ...]]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return _dedupe([k for folded, _ in parts for k in folded]), _dedupe([k for _, raw in parts for k in raw])


def analyse(entry: Entry) -> Analysis:
    name_keys, raw_names = _join([_keys(entry.display_name), _field_keys(entry.given_name),
                                  _field_keys(entry.surname)])
    mail_keys, raw_mail = _join([_keys(entry.email.split("@")[0]), _field_keys(entry.location),
                                 *(_field_keys(k) for k in entry.keywords)])
    shared_keys, raw_shared, shared_text, raw_shared_text = _shared(entry.title, entry.unit_path)
    own_text = _text(name_keys, mail_keys)
    raw_own_text = _text(raw_names, raw_mail) if raw_names or raw_mail else ""
    numbers: list[int] = []
    extensions: list[int] = []
    for number in entry.numbers:
        keys, exts = number_keys(number)
        numbers.extend(keys)
        extensions.extend(exts)
    variants = _dedupe([variant_key(k) for k in name_keys])
    shown = display_words(entry)
    return Analysis(
        name_keys=name_keys,
        other_keys=tuple(k for k in _dedupe([*mail_keys, *shared_keys]) if k not in name_keys),
        raw_name_keys=raw_names,
        raw_other_keys=tuple(k for k in _dedupe([*raw_mail, *raw_shared]) if k not in raw_names),
        variant_keys=variants,
        solo_name=shown[0] if len(shown) == 1 else "",
        number_keys=tuple(sorted(set(numbers))),
        extension_keys=tuple(sorted(set(extensions))),
        own_text=own_text,
        own_bar=own_text.index("|"),
        shared_text=shared_text,
        raw_own_text=raw_own_text,
        raw_own_bar=raw_own_text.index("|") if raw_own_text else 0,
        raw_shared_text=raw_shared_text,
        variant_text=_text(variants),
    )


def name_order_key(entry: Entry) -> tuple[str, str, int]:
    """Ties are broken by name: folded first so "Åberg" sorts with the a's, then exactly, then by id."""
    name = entry.display_name
    return (" ".join(display_words(entry)), name.casefold(), entry.id or 0)
