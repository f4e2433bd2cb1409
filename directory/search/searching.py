"""Finding and ordering candidates with bounded work per keystroke.

* One word: walk the classes and stop as soon as ``limit`` hits are in hand; within a class all hits
  score the same and the stream is already in name order. "a" reads 50 slots, not 20,000.
* Several words: a threshold top-k over combinations of the words' classes
  (:mod:`directory.search.multiword`).
* A number: exact number, extension, then number prefix.

Frequently used and recently added ("late") entries are scored one by one besides, so a truncated
class never hides them. Fuzzy matching runs only when the other rules found fewer than FUZZY_BELOW hits.
"""

from __future__ import annotations

from collections.abc import Sequence

from directory.search import ranking as r
from directory.search.documents import mail_keys
from directory.search.matcher import Matcher, Scored, extra_slots
from directory.search.multiword import search_words
from directory.search.numbers import EXTENSION_LENGTHS
from directory.search.query import Word
from directory.search.state import IndexState

# Fewer hits than this, and words that match nothing as typed are tried with typos.
FUZZY_BELOW = 10


def search_text(state: IndexState, words: Sequence[Word], limit: int) -> tuple[Scored, list[Word]]:
    """Hits for a word query, and the words that were allowed typos to get them.

    Typos are tried only when there are fewer than FUZZY_BELOW hits, and then only for words that match
    nothing as typed (or for every word when the query as a whole matched nothing): a name that exists
    is not second-guessed, and the fuzzy candidate sets (often thousands of entries) are rarely built.
    """
    if len(words) == 1 and not words[0].digits:
        scored = search_single(state, words[0], limit)
        return scored, [words[0]] if len(scored) < FUZZY_BELOW and words[0].max_edits else []
    scored = search_words(state, words, limit)
    if len(scored) >= FUZZY_BELOW:
        return scored, []
    plain = Matcher(state, words)
    fuzzy = [w for w in words if w.max_edits and (not scored or not plain.best_possible(w))]
    if not fuzzy:
        return scored, []
    return search_words(state, words, limit, fuzzy=fuzzy), fuzzy


def search_single(state: IndexState, w: Word, limit: int) -> Scored:
    matcher = Matcher(state, (w,))
    collected: Scored = {slot: (r.FULL_NAME, r.FULL_NAME) for slot in state.solo_names.exact(w.fold)}
    classes = list(matcher.classes(w))
    if w.max_edits:
        typos = Matcher(state, (w,), fuzzy=(w,))
        # Reached only when the rules above found fewer than FUZZY_BELOW hits (see below).
        classes.append((0, lambda: ()))
    for score, make_stream in classes:
        if len(collected) >= limit:
            break
        if score == 0:
            if len(collected) >= FUZZY_BELOW:
                break
            matcher = typos
            for fuzzy_score, slots in typos.extras(w):
                for slot in sorted(slots):
                    if slot not in collected:
                        collected[slot] = (fuzzy_score, fuzzy_score)
                        if len(collected) >= limit:
                            break
                if len(collected) >= limit:
                    break
            break
        for slot in make_stream():
            if slot not in collected:
                collected[slot] = (score, score)
                if len(collected) >= limit:
                    break
    checker = matcher.scorer()
    for slot in extra_slots(state):
        if slot not in collected:
            scores = checker(slot)
            if scores:
                collected[slot] = (scores[0], scores[0])
    return collected


def search_number(state: IndexState, forms: Sequence[str], limit: int) -> Scored:
    collected: Scored = {}
    for form in forms:
        for slot in state.numbers.exact(form):
            collected[slot] = (r.NUMBER_EXACT, r.NUMBER_EXACT)
    for form in forms:
        if len(form) in EXTENSION_LENGTHS:
            for slot in state.extensions.exact(form):
                collected.setdefault(slot, (r.NUMBER_EXTENSION, r.NUMBER_EXTENSION))
    for form in forms:
        # Too many numbers start with "019": show the lowest numbers, the way a printed list would.
        for slot in state.numbers.prefix(form):
            if len(collected) >= limit:
                return collected
            collected.setdefault(slot, (r.NUMBER_PREFIX, r.NUMBER_PREFIX))
    return collected


def search_email(state: IndexState, address: str) -> list[int]:
    """The entries whose e-mail is ``address`` (case-folded), in name order.

    Only an address's local part is indexed (its words are the entry's keys, as for any field), so the
    entries that have every one of those words are candidates, and each candidate's address is compared
    whole. Work for e-mail queries only, bounded by the rarest local-part word.
    """
    keys, _ = mail_keys(address.split("@", maxsplit=1)[0])
    postings = sorted((state.all.exact(key) for key in keys), key=len)
    if not postings or not postings[0]:
        return []
    entries = state.entries
    return sorted(slot for slot in set(postings[0]).intersection(*postings[1:])
                  if (entry := entries[slot]) is not None and entry.email.casefold() == address)
