"""The demo region's organisation: a fixed core of well-known units, then generated ones.

The core always comes first, so even a small demo holds "Akutmottagningen", "Kardiologi",
"Vårdcentral Tullen" and the Norwegian "Legevakten Bærum"; larger demos add clinics at every
hospital, health centres per town and, past that, numbered wards.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass

REGION = "Region Norrtälje"
CARE = (REGION, "Hälso- och sjukvård")
PRIMARY = (*CARE, "Primärvården")
ADMIN = (REGION, "Regionkansliet")
SERVICE = (REGION, "Regionservice")
NO_HOSPITAL = ("Vestvik helseforetak", "Vestvik sykehus")
NO_MUNICIPAL = ("Bærum kommune", "Helse og omsorg")

MAIN_HOSPITAL = "Centralsjukhuset"


@dataclass(frozen=True, slots=True)
class DemoUnit:
    """One unit: where it sits, which country's conventions apply, and what kind of staff it has."""

    path: tuple[str, ...]
    display_name: str
    country: str  # "SE" or "NO": names, titles and number formats
    category: str  # "clinic", "primary", "dental", "admin", ...: picks the titles (names.*_TITLES)
    location: str
    keywords: tuple[str, ...] = ()
    weight: float = 1.0  # relative head count

    @property
    def name(self) -> str:
        return self.path[-1]


# (clinic, [(unit, keywords)]) at each Swedish hospital.
CLINICS: tuple[tuple[str, tuple[tuple[str, tuple[str, ...]], ...]], ...] = (
    ("Medicinkliniken", (
        ("Kardiologi", ("hjärta", "hjärtmottagning", "EKG", "pacemaker")),
        ("Endokrinologi", ("diabetes", "sköldkörtel")),
        ("Gastroenterologi", ("mage", "tarm", "endoskopi")),
        ("Njurmedicin", ("njure", "dialys")),
        ("Hematologi", ("blod",)),
        ("Lungmedicin", ("lunga", "KOL", "astma")),
        ("Infektion", ("infektionsmottagning", "smitta")),
        ("Geriatrik", ("äldre", "minnesmottagning")),
    )),
    ("Kirurgkliniken", (
        ("Allmänkirurgi", ("kirurgen",)),
        ("Kärlkirurgi", ("kärl",)),
        ("Urologi", ("urinvägar", "prostata")),
        ("Plastikkirurgi", ("plastik", "brännskada")),
    )),
    ("Ortopedkliniken", (("Ortopedi", ("ortopeden", "fraktur", "gips")), ("Handkirurgi", ("hand",)))),
    ("Kvinnokliniken", (
        ("Förlossningen", ("förlossning", "BB", "barnmorska")),
        ("Gynekologi", ("gyn", "kvinnosjukvård")),
    )),
    ("Barn- och ungdomskliniken", (
        ("Barn- och ungdomsmedicin", ("barn", "barnmottagning", "BUM")),
        ("Neonatalavdelningen", ("neonatal", "nyfödda")),
        ("Barn- och ungdomspsykiatri", ("BUP",)),
    )),
    ("Psykiatriska kliniken", (("Allmänpsykiatri", ("psykiatri",)), ("Beroendevård", ("beroende",)))),
    ("Anestesi- och intensivvårdskliniken", (
        ("Intensivvårdsavdelningen", ("IVA", "intensiven")),
        ("Operationsavdelningen", ("operation", "op")),
        ("Uppvakningsavdelningen", ("postop", "uppvak")),
    )),
    ("Neurologiska kliniken", (("Neurologi", ("neuro",)), ("Strokeenheten", ("stroke",)))),
    ("Bild- och funktionsmedicin", (("Röntgen", ("röntgen", "MR", "DT")), ("Mammografi", ("mammo",)))),
    ("Laboratoriemedicin", (
        ("Klinisk kemi", ("lab", "prover")),
        ("Klinisk mikrobiologi", ("odling",)),
        ("Blodcentralen", ("blodgivning", "blodbank")),
    )),
    ("Öron-, näs- och halskliniken", (("Öron-, näs- och halsmottagningen", ("ÖNH", "öron")),)),
    ("Ögonkliniken", (("Ögonmottagningen", ("ögon",)),)),
    ("Onkologiska kliniken", (("Onkologi", ("cancer", "cytostatika")), ("Strålbehandling", ("strålning",)))),
)

# Hospital units whose staff are not mostly nurses ("clinic" is the default).
SUBUNIT_CATEGORY: dict[str, str] = {
    "Allmänpsykiatri": "psychiatry", "Beroendevård": "psychiatry", "Barn- och ungdomspsykiatri": "psychiatry",
    "Förlossningen": "maternity", "Klinisk kemi": "lab", "Klinisk mikrobiologi": "lab", "Blodcentralen": "lab",
    "Röntgen": "imaging", "Mammografi": "imaging", "Fødeavdelingen": "maternity",
    "Radiologisk avdeling": "imaging",
}

HOSPITALS: tuple[tuple[str, str], ...] = (
    (MAIN_HOSPITAL, "Centralsjukhuset"),
    ("Lindesbergs lasarett", "Lindesberg"),
    ("Karlskoga lasarett", "Karlskoga"),
)

TOWNS: tuple[str, ...] = (
    "Tullen", "Lindesberg", "Karlskoga", "Nora", "Kumla", "Hallsberg", "Askersund", "Laxå",
    "Hällefors", "Kopparberg", "Frövi", "Fellingsbro", "Degerfors", "Vretstorp", "Pålsboda",
    "Odensbacken", "Glanshammar", "Ervalla", "Garphyttan", "Vintrosa", "Ramundeboda", "Storå",
    "Grängesberg", "Ljusnarsberg", "Örebro Väster", "Örebro Norr", "Varberga", "Brickebacken",
    "Mikaelsgården", "Baronbackarna", "Vivalla", "Lillån", "Adolfsberg", "Hovsta", "Ekeby-Almby",
    "Skebäck", "Björkhaga", "Östansjö", "Åsbro", "Bodarne", "Tybble", "Gällersta", "Mosås",
    "Sköllersta", "Hampetorp", "Ånnaboda", "Kilsmo", "Svartå", "Zinkgruvan", "Ålsäng",
)
# Which health centres are called "Vårdcentralen X" rather than "Vårdcentral X".
_DEFINITE_TOWNS = frozenset({"Lindesberg", "Karlskoga", "Nora", "Kumla", "Hallsberg", "Askersund"})

NO_TOWNS: tuple[str, ...] = (
    "Sandvika", "Bekkestua", "Stabekk", "Høvik", "Lysaker", "Fornebu", "Rykkinn", "Bærums Verk",
    "Eiksmarka", "Kolsås", "Østerås", "Haslum", "Jar", "Snarøya", "Blommenholm", "Gjettum",
)
NO_DEPARTMENTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Akuttmottaket", ("akutten", "legevakt")),
    ("Hjerteavdelingen", ("hjerte", "kardiologi")),
    ("Fødeavdelingen", ("fødsel", "jordmor")),
    ("Ortopedisk avdeling", ("ortopedi", "brudd")),
    ("Barneavdelingen", ("barn",)),
    ("Intensivavdelingen", ("intensiv",)),
    ("Medisinsk poliklinikk", ("poliklinikk",)),
    ("Kirurgisk avdeling", ("kirurgi",)),
    ("Nevrologisk avdeling", ("nevrologi", "slag")),
    ("Radiologisk avdeling", ("røntgen", "MR")),
)


def _se(path: tuple[str, ...], location: str, keywords: tuple[str, ...] = (), *,
        category: str = "clinic", weight: float = 1.0, display: str = "") -> DemoUnit:
    return DemoUnit(path, display or path[-1], "SE", category, location, keywords, weight)


def _no(path: tuple[str, ...], location: str, keywords: tuple[str, ...] = (), *,
        category: str = "clinic", weight: float = 1.0, display: str = "") -> DemoUnit:
    return DemoUnit(path, display or path[-1], "NO", category, location, keywords, weight)


_MAIN = (*CARE, MAIN_HOSPITAL)
CORE_UNITS: tuple[DemoUnit, ...] = (
    _se((*SERVICE, "Växeln"), "Centralsjukhuset, hus A", ("växel", "telefonist", "switchboard"),
        category="switchboard", weight=1.5),
    _se((*_MAIN, "Akutkliniken", "Akutmottagningen"), "Centralsjukhuset, hus B, entréplan",
        ("akuten", "AKM", "emergency"), weight=4),
    _se((*_MAIN, "Akutkliniken", "Ambulanssjukvården"), "Ambulansstationen Centralsjukhuset",
        ("ambulans",), category="ambulance", weight=2),
    _se((*_MAIN, "Medicinkliniken", "Kardiologi"), "Centralsjukhuset, hus C, plan 4",
        CLINICS[0][1][0][1], weight=3),
    _se((*_MAIN, "Medicinkliniken", "Kardiologi", "Hjärtintensiven"), "Centralsjukhuset, hus C, plan 5",
        ("HIA", "hjärtintensiv", "UVA"), weight=2),
    _se((*_MAIN, "Ortopedkliniken", "Ortopedi"), "Centralsjukhuset, hus D, plan 2",
        CLINICS[2][1][0][1], weight=3),
    _se((*_MAIN, "Barn- och ungdomskliniken", "Barn- och ungdomsmedicin"), "Centralsjukhuset, hus E",
        CLINICS[4][1][0][1], weight=3),
    _se((*_MAIN, "Kvinnokliniken", "Förlossningen"), "Centralsjukhuset, hus F, plan 3",
        CLINICS[3][1][0][1], category="maternity", weight=3),
    _se((*_MAIN, "Anestesi- och intensivvårdskliniken", "Intensivvårdsavdelningen"),
        "Centralsjukhuset, hus B, plan 3", ("IVA", "intensiven"), weight=3),
    _se((*PRIMARY, "Vårdcentral Tullen"), "Tullgatan 12, Örebro", ("VC Tullen", "vårdcentral"),
        category="primary", weight=2),
    _se((*PRIMARY, "Vårdcentralen Lindesberg"), "Kristinavägen 3, Lindesberg",
        ("VC Lindesberg", "vårdcentral"), category="primary", weight=2),
    _se((*PRIMARY, "Barnavårdscentralen Tullen"), "Tullgatan 12, Örebro", ("BVC",), category="child_health"),
    _se((*PRIMARY, "1177 Vårdguiden på telefon"), "Regionens hus", ("sjukvårdsrådgivning", "1177"),
        category="primary", weight=2),
    _se((*ADMIN, "HR-avdelningen"), "Regionens hus, plan 2", ("personal", "HR"), category="admin"),
    _se((*ADMIN, "Ekonomiavdelningen"), "Regionens hus, plan 3", ("ekonomi", "faktura"), category="admin"),
    _se((*ADMIN, "Kommunikationsavdelningen"), "Regionens hus, plan 4", ("press", "media"),
        category="admin"),
    _se((*ADMIN, "Regiondirektörens stab"), "Regionens hus, plan 5", ("ledning",), category="admin"),
    _se((*SERVICE, "IT-avdelningen", "IT-servicedesk"), "Regionens hus, plan 1",
        ("IT-support", "helpdesk", "datorer"), category="admin", weight=2),
    _se((*SERVICE, "Fastighet", "Vaktmästeriet"), "Centralsjukhuset, hus A, källarplan",
        ("fastighet", "felanmälan"), category="admin"),
    _se((*SERVICE, "Löneservice"), "Regionens hus, plan 2", ("lön", "lönefrågor"), category="admin"),
    _se((REGION, "Patientnämnden"), "Regionens hus, plan 1", ("klagomål", "synpunkter"), category="admin",
        weight=0.5),
    _no((*NO_MUNICIPAL, "Legevakten Bærum"), "Sandvika, Løkketangen 12", ("legevakt", "akutt"),
        weight=2),
    _no((*NO_HOSPITAL, "Sentralbordet"), "Vestvik sykehus, bygg 1", ("sentralbord", "switchboard"),
        category="switchboard"),
    _no((*NO_HOSPITAL, "Medisinsk klinikk", "Hjerteavdelingen"), "Vestvik sykehus, bygg 2, 3. etasje",
        ("hjerte", "kardiologi")),
    _no((*NO_MUNICIPAL, "Helsestasjonen Sandvika"), "Sandvika, Kinoveien 4", ("helsestasjon",),
        category="child_health"),
)


def units(count: int, rng: random.Random) -> list[DemoUnit]:
    """``count`` units: the core first, then a seeded shuffle of the rest, then numbered wards."""
    core = list(CORE_UNITS[:count])
    names = {u.display_name for u in core}
    extra = [u for u in _catalogue() if u.display_name not in names]
    rng.shuffle(extra)
    chosen = core + extra[: count - len(core)]
    if len(chosen) < count:
        chosen.extend(itertools.islice(_wards(), count - len(chosen)))
    return chosen


def _catalogue() -> Iterator[DemoUnit]:
    """Every named unit besides the core, in a fixed order (the caller shuffles)."""
    for hospital, town in HOSPITALS:
        for clinic, subunits in CLINICS:
            for name, keywords in subunits:
                display = name if hospital == MAIN_HOSPITAL else f"{name}, {town}"
                yield _se((*CARE, hospital, clinic, name), f"{hospital}, {clinic.lower()}", keywords,
                          category=SUBUNIT_CATEGORY.get(name, "clinic"), weight=2, display=display)
    for town in TOWNS:
        vc = "Vårdcentralen" if town in _DEFINITE_TOWNS else "Vårdcentral"
        for kind, keywords, category in (
            (vc, ("vårdcentral",), "primary"), ("Barnavårdscentralen", ("BVC",), "child_health"),
            ("Barnmorskemottagningen", ("MVC", "mödravård"), "maternity"),
            ("Rehabenheten", ("rehab", "sjukgymnastik"), "rehab"),
            ("Folktandvården", ("tandvård", "tandläkare"), "dental"),
        ):
            yield _se((*PRIMARY, f"{kind} {town}"), f"Vårdcentrum {town}", keywords, category=category)
    for name, keywords in NO_DEPARTMENTS:
        yield _no((*NO_HOSPITAL, name), "Vestvik sykehus", keywords, category=SUBUNIT_CATEGORY.get(name, "clinic"),
                  weight=2)
    for town in NO_TOWNS:
        for kind, keywords, category in (("Legesenteret", ("fastlege",), "primary"),
                                         ("Helsestasjonen", ("helsestasjon",), "child_health"),
                                         ("Hjemmetjenesten", ("hjemmesykepleie",), "home_care")):
            yield _no((*NO_MUNICIPAL, f"{kind} {town}"), town, keywords, category=category)
    for name in ("Upphandlingsenheten", "Juridiska enheten", "Arkivet", "Regionfullmäktiges kansli",
                 "Folkhälsoenheten", "Kvalitet och patientsäkerhet", "Miljöenheten", "Säkerhetsenheten"):
        yield _se((*ADMIN, name), "Regionens hus", category="admin", weight=0.7)


def _wards() -> Iterator[DemoUnit]:
    """Numbered wards at the hospital clinics, as many as asked for (large benchmark demos)."""
    slots = [(h, t, c, n, k) for h, t in HOSPITALS for c, subs in CLINICS for n, k in subs]
    for number in itertools.count(10):
        hospital, town, clinic, name, keywords = slots[number % len(slots)]
        ward = f"Avdelning {number}"
        yield _se((*CARE, hospital, clinic, name, ward), f"{hospital}, avdelning {number}", keywords,
                  category=SUBUNIT_CATEGORY.get(name, "clinic"), display=f"{ward} ({name}, {town})")
