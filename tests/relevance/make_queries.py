"""Writes queries.tsv: what an operator types, whom they mean, and which rule is tested.

Each query is built from one entry of the frozen directory and kept only if that entry is the one right
answer: the oracle below (plain prefix matching on folded words, independent of the engine's ranking)
must not offer a second entry that fits equally well. Run ``python -m tests.relevance.make_queries``
after changing the rules below; the file is committed and reviewed like code.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Iterator

from directory.model import Entry, EntryKind
from directory.search.folding import fold_key, variant_key, words
from tests.relevance.snapshot import QUERIES, load

Row = tuple[str, str, str]  # query, expected external_id, rule


def _name_words(e: Entry) -> list[str]:
    return [fold_key(w) for w in words(e.display_name)]


def _all_words(e: Entry) -> list[str]:
    parts = [e.display_name, e.title, *e.unit_path, e.location, *e.keywords, e.description, e.email.split("@")[0]]
    return [fold_key(w) for p in parts for w in words(p)]


class Oracle:
    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.fields = {e.external_id: _all_words(e) for e in entries}
        self.names = {e.external_id: _name_words(e) for e in entries}
        self.variant_names = Counter(self.variant_name(e) for e in entries)
        self.folded_names = Counter(" ".join(_name_words(e)) for e in entries)

    @staticmethod
    def variant_name(e: Entry) -> str:
        return " ".join(variant_key(w) for w in _name_words(e))

    def prefix_matches(self, query: str, names_only: bool = False) -> list[str]:
        typed = [fold_key(w) for w in words(query)]
        source = self.names if names_only else self.fields
        return [eid for eid, ws in source.items() if all(any(w.startswith(t) for w in ws) for t in typed)]


def _swap(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def _drop(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1:]


def _replace(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    letter = rng.choice([c for c in "aeiklmnorst" if c != word[i]])
    return word[:i] + letter + word[i + 1:]


_VARIANTS: tuple[tuple[str, str], ...] = (
    ("Chr", "Kr"), ("Kr", "Chr"), ("C", "K"), ("K", "C"), ("ph", "f"), ("f", "ph"), ("th", "t"),
    ("sson", "son"), ("son", "sson"), ("sen", "son"), ("ck", "k"), ("kk", "k"), ("ll", "l"), ("nn", "n"),
    ("tt", "t"), ("W", "V"), ("w", "v"), ("ks", "x"), ("qv", "kv"), ("kv", "qv"), ("mm", "m"),
)
_DIGRAPHS = (("ö", "oe"), ("ä", "ae"), ("å", "aa"), ("ø", "oe"), ("æ", "ae"))
_PLAIN = str.maketrans({"å": "a", "ä": "a", "ö": "o", "ø": "o", "æ": "ae", "é": "e", "ü": "u",
                        "Å": "A", "Ä": "A", "Ö": "O", "Ø": "O", "Æ": "Ae"})


def _people(entries: list[Entry], oracle: Oracle) -> list[Entry]:
    return [e for e in entries if e.kind is EntryKind.PERSON and oracle.folded_names[" ".join(_name_words(e))] == 1]


def exact_names(entries: list[Entry], oracle: Oracle, rng: random.Random) -> Iterator[Row]:
    for e in rng.sample(_people(entries, oracle), 20):
        yield e.display_name.lower(), e.external_id, "exact_full_name"


def functions(entries: list[Entry], oracle: Oracle, rng: random.Random) -> Iterator[Row]:
    funcs = [e for e in entries if e.kind is EntryKind.FUNCTION and oracle.folded_names[" ".join(_name_words(e))] == 1]
    for e in rng.sample(funcs, 12):
        yield e.display_name, e.external_id, "function_name"
    count = 0
    for e in funcs:
        first = words(e.display_name)[0]
        if len(first) < 7:
            continue
        prefix = first[: rng.randrange(5, 7)].lower()
        if oracle.prefix_matches(prefix, names_only=True) == [e.external_id]:
            yield prefix, e.external_id, "function_prefix"
            count += 1
            if count == 8:
                return


def diacritics(entries: list[Entry], oracle: Oracle, rng: random.Random) -> Iterator[Row]:
    people = [e for e in _people(entries, oracle) if not e.display_name.isascii()]
    rng.shuffle(people)
    plain = digraph = exact = 0
    for e in people:
        name = e.display_name
        if plain < 12:
            yield name.translate(_PLAIN).lower(), e.external_id, "diacritics_folded"
            plain += 1
        elif digraph < 6:
            typed = name.lower()
            for letter, pair in _DIGRAPHS:
                typed = typed.replace(letter, pair)
            if typed != name.lower():
                yield typed, e.external_id, "diacritics_digraph"
                digraph += 1
        elif exact < 6:
            yield name.lower(), e.external_id, "diacritics_exact"
            exact += 1


def variants(entries: list[Entry], oracle: Oracle, rng: random.Random) -> Iterator[Row]:
    people = _people(entries, oracle)
    rng.shuffle(people)
    used: Counter[str] = Counter()
    count = 0
    for e in people:
        if oracle.variant_names[oracle.variant_name(e)] != 1:
            continue
        for spelling, other in _VARIANTS:
            if spelling in e.display_name and used[spelling] < 3:
                typed = e.display_name.replace(spelling, other, 1).lower()
                if typed != e.display_name.lower() and not oracle.prefix_matches(typed, names_only=True):
                    yield typed, e.external_id, f"variant_{spelling.lower()}_{other.lower()}"
                    used[spelling] += 1
                    count += 1
                    break
        if count == 24:
            return


def typos(entries: list[Entry], oracle: Oracle, rng: random.Random) -> Iterator[Row]:
    people = [e for e in _people(entries, oracle) if len(e.surname) >= 5 and " " not in e.surname]
    rng.shuffle(people)
    count = 0
    edits: tuple[Callable[[str, random.Random], str], ...] = (_swap, _drop, _replace)
    for e in people:
        surname = e.surname.lower()
        typed_surname = rng.choice(edits)(surname, rng)
        if len(surname) >= 8 and count % 3 == 0:
            typed_surname = _drop(_swap(surname, rng), rng)
        typed = f"{e.given_name.lower()} {typed_surname}"
        if typed_surname == surname or oracle.prefix_matches(typed, names_only=True):
            continue
        # Another person of that given name whose surname is a near miss too would make this ambiguous.
        rivals = [x for x in entries if x.given_name == e.given_name and x is not e
                  and abs(len(x.surname) - len(surname)) <= 2 and x.surname.lower()[:1] == surname[:1]]
        if rivals:
            continue
        yield typed, e.external_id, "typo"
        count += 1
        if count == 22:
            return


def prefixes(entries: list[Entry], oracle: Oracle, rng: random.Random) -> Iterator[Row]:
    people = _people(entries, oracle)
    rng.shuffle(people)
    count = 0
    for e in people:
        if not e.surname or len(e.surname) < 5:
            continue
        typed = f"{e.given_name.lower()} {e.surname.lower()[:rng.randrange(3, 5)]}"
        if oracle.prefix_matches(typed, names_only=True) == [e.external_id]:
            yield typed, e.external_id, "name_prefix"
            count += 1
            if count == 15:
                return


def combined(entries: list[Entry], oracle: Oracle, rng: random.Random) -> Iterator[Row]:
    people = [e for e in entries if e.kind is EntryKind.PERSON]
    rng.shuffle(people)
    count = 0
    for e in people:
        unit_words = [w for w in words(e.unit) if len(w) >= 5]
        if not unit_words:
            continue
        unit_prefix = rng.choice(unit_words)[: rng.randrange(4, 6)].lower()
        typed = f"{e.given_name.lower()} {unit_prefix}"
        if len(typed.split()) == 2 and oracle.prefix_matches(typed) == [e.external_id]:
            yield typed, e.external_id, "combined_name_unit"
            count += 1
            if count == 16:
                return


def _unique_numbers(entries: list[Entry]) -> tuple[dict[str, Entry], Counter[str]]:
    owners: dict[str, list[Entry]] = {}
    tails: Counter[str] = Counter()
    for e in entries:
        for n in e.numbers:
            d = "".join(c for c in n.raw if c.isdigit())
            owners.setdefault(n.e164 or d, []).append(e)
            tails[d[-4:]] += 1
            tails[d[-5:]] += 1
    return {k: v[0] for k, v in owners.items() if len(v) == 1}, tails


def numbers(entries: list[Entry], oracle: Oracle, rng: random.Random) -> Iterator[Row]:
    unique, tails = _unique_numbers(entries)
    se = [(k, e) for k, e in unique.items() if k.startswith("+46")]
    no = [(k, e) for k, e in unique.items() if k.startswith("+47")]
    short = [(k, e) for k, e in unique.items() if not k.startswith("+") and len(k) == 5]
    for e164, e in rng.sample(se, 12):
        national = "0" + e164[3:]
        form = rng.choice(["national", "dashed", "international", "double_zero", "as_written"])
        typed = {
            "national": national,
            "dashed": f"{national[:3]}-{national[3:6]} {national[6:8]} {national[8:]}",
            "international": f"+46 {e164[3:5]} {e164[5:8]} {e164[8:10]} {e164[10:]}",
            "double_zero": "00" + e164[1:],
            "as_written": next(n.raw for n in e.numbers if n.e164 == e164),
        }[form]
        yield typed, e.external_id, f"number_se_{form}"
    for e164, e in rng.sample(no, 6):
        national = e164[3:]
        form = rng.choice(["grouped", "plain", "plus47"])
        typed = {"grouped": " ".join(national[i:i + 2] for i in range(0, 8, 2)), "plain": national,
                 "plus47": "+47 " + national}[form]
        yield typed, e.external_id, f"number_no_{form}"
    count = 0
    for e164, e in se:
        tail = e164[-4:]
        if tails[tail] == 1 and not any(k == tail for k, _ in short):
            yield tail, e.external_id, "number_extension"
            count += 1
            if count == 6:
                break
    for key, e in rng.sample(short, 4):
        yield key, e.external_id, "number_short"


def about_texts(entries: list[Entry], oracle: Oracle, rng: random.Random) -> Iterator[Row]:
    """A unit's name with a word only its About text has ("växeln dygnet"): the About text is searched."""
    funcs = [e for e in entries if e.kind is EntryKind.FUNCTION and e.description]
    rng.shuffle(funcs)
    count = 0
    for e in funcs:
        about = [w for w in words(e.description) if len(w) >= 5 and not w.isdigit()]
        if not about:
            continue
        typed = f"{words(e.display_name)[0]} {rng.choice(about)}".lower()
        if oracle.prefix_matches(typed) == [e.external_id]:
            yield typed, e.external_id, "about_function"
            count += 1
            if count == 6:
                return


_Q_SPELLINGS = (("qu", "kv"), ("kv", "qu"), ("qv", "qu"), ("qu", "qv"), ("qv", "kv"), ("kv", "qv"))


def q_spellings(entries: list[Entry], oracle: Oracle, rng: random.Random) -> Iterator[Row]:
    """Lindquist typed as Lindkvist (and every other pair of qu, qv, kv): one Swedish name."""
    people = [e for e in _people(entries, oracle) if oracle.variant_names[oracle.variant_name(e)] == 1]
    rng.shuffle(people)
    used: Counter[tuple[str, str]] = Counter()
    for e in people:
        for spelling, other in _Q_SPELLINGS:
            if spelling in e.surname and used[spelling, other] < 2:
                typed = e.display_name.replace(spelling, other, 1).lower()
                if not oracle.prefix_matches(typed, names_only=True):
                    yield typed, e.external_id, f"variant_{spelling}_{other}"
                    used[spelling, other] += 1
                    break


def main() -> None:
    entries = load()
    oracle = Oracle(entries)
    rng = random.Random(2026)
    rows: list[Row] = []
    # New generators go last: the rows of the ones before them (and their draws from rng) stay as they were.
    for make in (exact_names, functions, diacritics, variants, typos, prefixes, combined, numbers, about_texts,
                 q_spellings):
        rows.extend(make(entries, oracle, rng))
    seen: set[str] = set()
    lines = ["# query\texpected_external_id\trule"]
    for query, expected, rule in rows:
        if query not in seen:
            seen.add(query)
            lines.append(f"{query}\t{expected}\t{rule}")
    QUERIES.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 1} queries written to {QUERIES}")


if __name__ == "__main__":
    main()
