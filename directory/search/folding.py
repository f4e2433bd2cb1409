"""Text keys for matching: Nordic folding, diacritic-preserving raw keys and name-variant keys.

Three keys per word, from strict to loose:

* ``raw_key``: lower-case with diacritics kept ("söderberg"); an exact diacritic match ranks higher.
* ``fold_key``: diacritics removed and the spellings an operator treats as the same letter made equal
  (ö~o~oe, ä~a~ae, ø~o~oe, æ~ae, å~a~aa): "Söderberg", "Soederberg" and "Soderberg" all give "soderberg".
* ``variant_key``: what Nordic names sound like (C/K/Ch, ph/f, th/t, w/v, Q/Qu/Kv, -sson/-son/-sen,
  doubled consonants): "Christina", "Kristina" -> "kristina"; "Ericsson", "Eriksson", "Eriksen" ->
  "erikson"; "Lindqvist", "Lindquist", "Lindkvist" -> "lindkvist".

The same functions run on the indexed text and on the query, so any quirk is applied to both sides.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

# Letters with a fixed Nordic meaning; anything else non-ASCII goes through Unicode decomposition.
_FOLD_TABLE = str.maketrans({
    "å": "a", "ä": "a", "á": "a", "à": "a", "â": "a", "ã": "a", "æ": "ae",
    "ö": "o", "ø": "o", "ó": "o", "ò": "o", "ô": "o", "õ": "o", "œ": "oe",
    "ü": "u", "ú": "u", "ù": "u", "û": "u", "é": "e", "è": "e", "ê": "e", "ë": "e",
    "í": "i", "ì": "i", "î": "i", "ï": "i", "ý": "y", "ÿ": "y", "ñ": "n", "ç": "c",
    "ß": "ss", "ð": "d", "þ": "th", "đ": "d", "ł": "l",
})
# Digraphs written for a missing Nordic letter ("Aagaard" for Ågård, "Bjoerk" for Björk).
DIGRAPHS = (("aa", "a"), ("ae", "a"), ("oe", "o"))
# Sound-alike spellings, applied in order after folding.
# Swedish names write one sound as qv, qu and kv (Qvist, Quist, Kvist): "qu" is read "kv", before q -> k.
_VARIANT_RULES = (("sch", "sk"), ("ph", "f"), ("th", "t"), ("ch", "k"), ("ck", "k"), ("c", "k"),
                  ("qu", "kv"), ("q", "k"), ("x", "ks"), ("w", "v"), ("z", "s"), ("dt", "t"))
_DOUBLES = re.compile(r"([a-z])\1+")  # letters only: "1199" is not "19"
# A word: letters and digits, so "Anna-Karin", "anna.karin@x" and "Lab (kem)" split sensibly.
WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    return WORD.findall(text)


def word_spans(text: str) -> Iterator[tuple[int, int, str]]:
    for match in WORD.finditer(text):
        yield match.start(), match.end(), match.group()


@lru_cache(maxsize=65536)
def raw_key(word: str) -> str:
    return unicodedata.normalize("NFC", word).lower()


@lru_cache(maxsize=65536)
def fold_key(word: str) -> str:
    text = raw_key(word).translate(_FOLD_TABLE)
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    for digraph, letter in DIGRAPHS:
        if digraph in text:
            text = text.replace(digraph, letter)
    return text


@lru_cache(maxsize=65536)
def variant_key(folded: str) -> str:
    """The sound-alike key of an already folded word."""
    text = folded
    for spelling, sound in _VARIANT_RULES:
        if spelling in text:
            text = text.replace(spelling, sound)
    text = _DOUBLES.sub(r"\1", text)
    if text.endswith("sen") and len(text) > 5:
        text = text[:-3] + "son"
    elif text.endswith("ah") and len(text) > 3:
        text = text[:-1]
    return text


def has_diacritics(raw: str) -> bool:
    return not raw.isascii()


def prefix_length_in(word: str, folded_prefix: str) -> int:
    """How many characters of ``word`` (as displayed) a folded prefix covers, for highlighting."""
    if len(fold_key(word)) == len(word) and len(raw_key(word)) == len(word):
        return min(len(folded_prefix), len(word))
    for end in range(1, len(word) + 1):
        if fold_key(word[:end]).startswith(folded_prefix):
            return end
    return len(word)
