"""Turning what the operator typed into query words, safely: any input gives a (possibly empty) query."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from directory.search.folding import fold_key, has_diacritics, raw_key, variant_key, words
from directory.search.numbers import is_number_query, query_forms

# Nobody types more than this into a search box; longer input (a pasted document) is cut, not parsed.
MAX_QUERY_CHARS = 200
MAX_WORDS = 8
# Fuzzy matching starts at four characters (one edit) and allows two edits from eight.
FUZZY_MIN = 4
FUZZY_TWO = 8
# Variant keys of one or two letters ("c" -> "k") would match half the directory.
VARIANT_MIN = 3
# A probe that occurs in no match string.
NEVER = "\x00"
# A whole e-mail address, typed or pasted: one token with an @ between two non-empty parts.
_EMAIL = re.compile(r"[^\s@]+@[^\s@]+")


@dataclass(frozen=True, slots=True)
class Word:
    raw: str  # lower-case, diacritics kept
    fold: str
    variant: str
    diacritic: bool
    digits: bool  # a number typed among words ("anna 1234"): matched against numbers
    whole: bool  # may match a whole word (more than one letter)
    # Substring probes into the documents' match strings, built once per query.
    fold_exact: str
    fold_prefix: str
    raw_exact: str
    raw_prefix: str
    variant_prefix: str

    @property
    def max_edits(self) -> int:
        """Edits a fuzzy search may need: two once a word or the key it meets has eight letters."""
        if len(self.fold) >= FUZZY_TWO - 1:
            return 2
        return 1 if len(self.fold) >= FUZZY_MIN else 0


@dataclass(frozen=True, slots=True)
class Query:
    words: tuple[Word, ...]
    number_forms: tuple[str, ...]  # set when the whole query is a phone number
    email: str = ""  # the whole query, case-folded, when it is an e-mail address (its words are in words)

    @property
    def empty(self) -> bool:
        return not self.words and not self.number_forms


def _word(text: str) -> Word | None:
    raw = raw_key(text)
    fold = fold_key(text)
    if not fold:
        return None
    variant = variant_key(fold) if len(fold) >= VARIANT_MIN else ""
    # One letter is the start of a word being typed, never a whole word: "a" must not rank people in
    # "hus A" above everyone whose name starts with A.
    whole = len(fold) > 1
    return Word(raw=raw, fold=fold, variant=variant, diacritic=has_diacritics(raw), digits=fold.isdigit(),
                whole=whole, fold_exact=f" {fold} " if whole else NEVER, fold_prefix=f" {fold}",
                raw_exact=f" {raw} " if whole else NEVER, raw_prefix=f" {raw}",
                variant_prefix=f" {variant}" if variant else "")


def clean(text: str) -> str:
    text = text[:MAX_QUERY_CHARS]
    return "".join(" " if unicodedata.category(c)[0] in "CZ" else c for c in text).strip()


def parse(text: object) -> Query:
    if not isinstance(text, str):
        return Query((), ())
    cleaned = clean(text)
    if not cleaned:
        return Query((), ())
    if is_number_query(cleaned):
        return Query((), tuple(query_forms(cleaned)))
    parsed: dict[str, Word] = {}
    for typed in words(cleaned)[:MAX_WORDS]:
        w = _word(typed)
        if w is not None:
            parsed.setdefault(w.raw, w)  # "1 1" or "anna anna": the same word once
    return Query(tuple(parsed.values()), (), cleaned.casefold() if _EMAIL.fullmatch(cleaned) else "")
