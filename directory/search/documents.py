"""What the index keeps about one entry: its keys for the posting lists and compact match strings.

Match strings hold keys separated by spaces, so that checking a query word against a candidate is a
C-speed substring search (" kar" for a prefix, " karlsson " for a whole word). Each entry has its own
string, name keys first, then ``|``, then its e-mail words, keywords, location (which often names a
room) and the words of its About text (``description``: what the entry's duties or opening hours are):
" anna karlsson | anna karlsson2 teckensprak hus b rum 12 ", and a *shared* string for title and
units, which many colleagues have in common and so is stored once (and scored once per query):
" sjukskoterska region orebro kardiologi ".
Raw strings (diacritics kept) hold only the words that have diacritics.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from directory.model import Entry
from directory.search.folding import DIGRAPHS, fold_key, raw_key, variant_key, words
from directory.search.numbers import number_keys


class Shared(NamedTuple):
    """The fields colleagues share (title and units), analysed once per distinct combination."""

    keys: tuple[str, ...]
    raw_keys: tuple[str, ...]
    text: str
    raw_text: str
    initials: int = 0  # initial_bits(keys)


class Analysis(NamedTuple):
    """What one entry contributes to the index (a NamedTuple: a build makes one per entry)."""

    name_keys: tuple[str, ...]  # folded words of display name, given name and surname
    own_keys: tuple[str, ...]  # folded words of the e-mail local part, location, keywords and About text
    raw_name_keys: tuple[str, ...]  # words with diacritics as written, for the exact-diacritic rank
    raw_own_keys: tuple[str, ...]
    shared: Shared  # title and units
    variant_keys: tuple[str, ...]  # sound-alike keys of the name words
    solo_name: str  # the folded display name when it is a single word ("vaxeln"), else ""
    number_keys: tuple[int, ...]
    extension_keys: tuple[int, ...]
    own_text: str
    own_bar: int
    raw_own_text: str
    raw_own_bar: int
    variant_text: str
    name_initials: int  # initial_bits(name_keys)
    all_initials: int  # initial_bits(all_keys)

    @property
    def all_keys(self) -> tuple[str, ...]:
        """Folded keys of every field (a key may repeat)."""
        return self.name_keys + self.own_keys + self.shared.keys

    @property
    def raw_all_keys(self) -> tuple[str, ...]:
        return self.raw_name_keys + self.raw_own_keys + self.shared.raw_keys


# The letters a folded key can start with, a bit each; digits share one bit, any other character another
# (28 bits: a snapshot keeps them as 32-bit ints).
INITIAL_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_BITS = {c: 1 << i for i, c in enumerate(INITIAL_LETTERS)} | dict.fromkeys("0123456789", 1 << 26)
_OTHER = 1 << 27


def initial_bit(char: str) -> int:
    """The bit of ``initial_bits`` a key starting with ``char`` sets: its own for each of a-z."""
    return _BITS.get(char, _OTHER)


def initial_bits(keys: tuple[str, ...]) -> int:
    """The first letters of ``keys`` as bits: a probe's filter reads one int per slot to rule out the many
    slots with no word starting with its first letter before it searches any slot's text."""
    bits = 0
    for key in keys:
        if key:
            bits |= _BITS.get(key[0], _OTHER)
    return bits


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


def _join(parts: list[tuple[tuple[str, ...], tuple[str, ...]]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return _dedupe([k for folded, _ in parts for k in folded]), _dedupe([k for _, raw in parts for k in raw])


@lru_cache(maxsize=20_000)
def _shared(title: str, unit_path: tuple[str, ...]) -> Shared:
    keys: list[str] = []
    raw: list[str] = []
    for part in (title, *unit_path):
        folded, raw_part = _field_keys(part)
        keys.extend(folded)
        raw.extend(raw_part)
    shared, raw_shared = _dedupe(keys), _dedupe(raw)
    return Shared(shared, raw_shared, _text(shared), _text(raw_shared) if raw_shared else "", initial_bits(shared))


class _Names(NamedTuple):
    keys: tuple[str, ...]
    raw: tuple[str, ...]
    variants: tuple[str, ...]
    variant_text: str
    solo: str
    initials: int


@lru_cache(maxsize=65_536)
def _names(display_name: str, given_name: str, surname: str) -> _Names:
    """Name keys: a directory has far fewer distinct names than people (22,000 in 200,000 here)."""
    keys, raw = _join([_keys(display_name), _field_keys(given_name), _field_keys(surname)])
    variants = _dedupe([variant_key(k) for k in keys])
    shown = words(display_name)
    return _Names(keys, raw, variants, _text(variants), fold_key(shown[0]) if len(shown) == 1 else "",
                  initial_bits(keys))


@lru_cache(maxsize=65_536)
def _place(location: str, keywords: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return _join([_field_keys(location), *(_field_keys(k) for k in keywords)])


# A long About text contributes its first this many distinct words: enough for the duties an LDAP
# description or AD info field (1,024 characters) lists, while a pasted document cannot make the entry's
# match string, which every query that has the entry as a candidate reads, grow without bound.
MAX_ABOUT_WORDS = 200


@lru_cache(maxsize=16_384)
def _about(description: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Keys of the About text, searched like keywords (the same ranks): many units share one text
    ("Bemannat dygnet runt."), so it is analysed once."""
    found = words(description)
    if len(found) > MAX_ABOUT_WORDS:
        found = list(dict.fromkeys(found))[:MAX_ABOUT_WORDS]
    return _keys(" ".join(found))


def mail_keys(local: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Keys of an e-mail local part. These are nearly all distinct ("anna.berg4"), so a plain ASCII one is
    folded whole rather than word by word through the caches (folding is per letter and digraphs never
    span the dots or digits between words)."""
    if not local.isascii():
        return _keys(local)
    text = local.lower()
    for digraph, letter in DIGRAPHS:
        if digraph in text:
            text = text.replace(digraph, letter)
    return _dedupe(words(text)), ()


def analyse(entry: Entry) -> Analysis:
    names = _names(entry.display_name, entry.given_name, entry.surname)
    email_keys, raw_email = mail_keys(entry.email.split("@")[0])
    place_keys, raw_place = _place(entry.location, entry.keywords)
    if entry.description:
        about_keys, raw_about = _about(entry.description)
        place_keys, raw_place = _dedupe([*place_keys, *about_keys]), _dedupe([*raw_place, *raw_about])
    own_keys = _dedupe([*email_keys, *place_keys]) if place_keys else email_keys
    raw_own = _dedupe([*raw_email, *raw_place]) if raw_email else raw_place
    own_text = _text(names.keys, own_keys)
    raw_own_text = _text(names.raw, raw_own) if names.raw or raw_own else ""
    numbers: list[int] = []
    extensions: list[int] = []
    for number in entry.numbers:
        keys, exts = number_keys(number)
        numbers.extend(keys)
        extensions.extend(exts)
    shared = _shared(entry.title, entry.unit_path)
    return Analysis(
        names.keys, own_keys, names.raw, raw_own, shared, names.variants,
        names.solo,
        tuple(sorted(set(numbers))) if len(numbers) > 1 else tuple(numbers),
        tuple(sorted(set(extensions))) if len(extensions) > 1 else tuple(extensions),
        own_text, own_text.index("|"), raw_own_text, raw_own_text.index("|") if raw_own_text else 0,
        names.variant_text, names.initials, names.initials | initial_bits(own_keys) | shared.initials,
    )


@lru_cache(maxsize=65_536)
def _name_order(display_name: str) -> tuple[str, str]:
    return " ".join(fold_key(w) for w in words(display_name)), display_name.casefold()


def name_order_key(entry: Entry) -> tuple[str, str, int]:
    """Ties are broken by name: folded first so "Åberg" sorts with the a's, then exactly, then by id."""
    folded, exact = _name_order(entry.display_name)
    return folded, exact, entry.id or 0
