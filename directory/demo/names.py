"""Given names, surnames and titles for the demo organisation.

The lists deliberately hold the variants operators confuse on the phone (Kristina/Christina/Kristin,
Karl/Carl, Eriksson/Erikson/Ericsson, Sørensen/Sörensen) so search can be tried on them.
"""

from __future__ import annotations

SWEDISH_FEMALE: tuple[str, ...] = (
    "Anna", "Eva", "Maria", "Karin", "Kristina", "Christina", "Kristin", "Lena", "Sara", "Emma",
    "Ingrid", "Marie", "Malin", "Jenny", "Hanna", "Linnéa", "Elin", "Ida", "Johanna", "Sofia",
    "Åsa", "Märta", "Katarina", "Catharina", "Annika", "Ulrika", "Helena", "Camilla", "Susanne",
    "Birgitta", "Margareta", "Elisabeth", "Elisabet", "Agneta", "Gunilla", "Monica", "Monika",
    "Cecilia", "Therese", "Terese", "Frida", "Matilda", "Louise", "Lovisa", "Agnes", "Ebba", "Tove",
    "Åsa-Lena", "Anna-Karin", "Britt-Marie", "Maj-Britt", "Annelie", "Pia", "Yvonne", "Zeynep",
    "Amira", "Fatima", "Leila", "Nadia", "Mirja", "Aino", "Ingela", "Solveig", "Signe", "Astrid",
)
SWEDISH_MALE: tuple[str, ...] = (
    "Lars", "Karl", "Carl", "Erik", "Eric", "Anders", "Per", "Johan", "Mikael", "Michael", "Magnus",
    "Jan", "Hans", "Peter", "Fredrik", "Daniel", "Stefan", "Mats", "Björn", "Göran", "Jörgen",
    "Åke", "Örjan", "Östen", "Sven", "Nils", "Olof", "Olov", "Gustav", "Gustaf", "Axel", "Oskar",
    "Oscar", "Viktor", "Victor", "Henrik", "Tomas", "Thomas", "Kjell", "Leif", "Bengt", "Håkan",
    "Jonas", "Mattias", "Matthias", "Niklas", "Nicklas", "Patrik", "Patric", "Rasmus", "Sebastian",
    "Karl-Erik", "Per-Olof", "Jan-Åke", "Lars-Göran", "Ahmed", "Mohammed", "Ali", "Hassan", "Juha",
    "Pekka", "Ludvig", "Hugo", "Elias", "Emil", "Linus",
)
NORWEGIAN_FEMALE: tuple[str, ...] = (
    "Kari", "Ingrid", "Anne", "Solveig", "Kjersti", "Åse", "Sigrid", "Ragnhild", "Gro", "Siri",
    "Marit", "Kristin", "Kristine", "Christine", "Hilde", "Tone", "Randi", "Berit", "Liv", "Turid",
    "Ingeborg", "Tuva", "Nora", "Thea", "Maren", "Synnøve", "Bjørg", "Aud", "Ørnhild", "Mette",
    "Hege", "Trine", "Ane", "Silje", "Guro", "Eli", "Kari-Anne", "Anne-Lise",
)
NORWEGIAN_MALE: tuple[str, ...] = (
    "Ola", "Bjørn", "Ørjan", "Øystein", "Torbjørn", "Håkon", "Jørgen", "Ståle", "Trond", "Eirik",
    "Erik", "Espen", "Knut", "Kjetil", "Geir", "Odd", "Arne", "Terje", "Rune", "Tor", "Sindre",
    "Magnus", "Petter", "Øyvind", "Jens", "Kristian", "Christian", "Sverre", "Halvor", "Asbjørn",
    "Sigurd", "Lars", "Nils", "Per", "Jon", "John", "Ole-Martin", "Jan-Erik",
)

SWEDISH_SURNAMES: tuple[str, ...] = (
    "Andersson", "Johansson", "Johanson", "Karlsson", "Carlsson", "Nilsson", "Eriksson", "Erikson",
    "Ericsson", "Ericson", "Larsson", "Olsson", "Persson", "Pehrsson", "Svensson", "Gustafsson",
    "Gustavsson", "Pettersson", "Petersson", "Jonsson", "Jönsson", "Jansson", "Hansson", "Bengtsson",
    "Lindberg", "Lindqvist", "Lindquist", "Lindkvist", "Håkansson", "Åberg", "Öberg", "Ström",
    "Sjöberg", "Söderberg", "Nyström", "Löfgren", "Ekström", "Bäckström", "Wallin", "Engström",
    "Hägg", "Sörensen", "Åkesson", "Östlund", "Björk", "Lundgren", "Lundqvist", "Berglund",
    "Sandberg", "Forsberg", "Holmberg", "Mattsson", "Magnusson", "Axelsson", "Fredriksson",
    "Lindström", "Blomqvist", "Dahlberg", "Strömberg", "Hedlund", "Sundström", "Nordin", "Berg",
    "Falk", "Vikström", "Åström", "Näslund", "Ali", "Hassan", "Yilmaz", "Korhonen", "Virtanen",
    "Nguyen", "Kowalski", "Mäkinen", "Grönlund", "Häggström", "Öhman", "Hellström", "Ljungberg",
)
NORWEGIAN_SURNAMES: tuple[str, ...] = (
    "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
    "Christiansen", "Jensen", "Karlsen", "Sørensen", "Haugen", "Hagen", "Bakken", "Ødegård",
    "Ødegaard", "Søreide", "Kvåle", "Solberg", "Strøm", "Berg", "Dahl", "Lie", "Moen", "Næss",
    "Ness", "Bjørnstad", "Sæther", "Aas", "Aasen", "Åsen", "Brækhus", "Haugland", "Tveit", "Øien",
    "Eriksen", "Halvorsen", "Jørgensen", "Lund", "Holm", "Bråten", "Rønning", "Gulbrandsen",
    "Fjeld", "Løvås", "Skjærvø", "Myhre", "Ødegården", "Økland",
)

# Titles by the kind of unit a person works in, with relative frequencies.
Titles = tuple[tuple[str, float], ...]
SWEDISH_TITLES: dict[str, Titles] = {
    "clinic": (
        ("Sjuksköterska", 30), ("Undersköterska", 25), ("Specialistläkare", 6), ("Överläkare", 5),
        ("ST-läkare", 4), ("BT-läkare", 2), ("Medicinsk sekreterare", 6), ("Specialistsjuksköterska", 5),
        ("Vårdadministratör", 3), ("Fysioterapeut", 2), ("Arbetsterapeut", 1), ("Kurator", 1),
        ("Dietist", 0.5), ("Avdelningschef", 1), ("Biträdande avdelningschef", 1), ("Verksamhetschef", 0.3),
    ),
    "psychiatry": (
        ("Skötare", 12), ("Sjuksköterska", 10), ("Psykolog", 4), ("Kurator", 4), ("Överläkare", 3),
        ("Specialistläkare", 3), ("ST-läkare", 2), ("Medicinsk sekreterare", 3), ("Enhetschef", 1),
    ),
    "maternity": (
        ("Barnmorska", 20), ("Undersköterska", 8), ("Sjuksköterska", 3), ("Specialistläkare", 3),
        ("Överläkare", 2), ("Medicinsk sekreterare", 2), ("Enhetschef", 1),
    ),
    "lab": (
        ("Biomedicinsk analytiker", 20), ("Laboratorieassistent", 3), ("Specialistläkare", 1),
        ("Enhetschef", 1),
    ),
    "imaging": (
        ("Röntgensjuksköterska", 15), ("Undersköterska", 3), ("Specialistläkare", 3), ("Överläkare", 2),
        ("Medicinsk sekreterare", 3), ("Enhetschef", 1),
    ),
    "ambulance": (
        ("Ambulanssjuksköterska", 15), ("Ambulanssjukvårdare", 10), ("Enhetschef", 1),
    ),
    "primary": (
        ("Distriktssköterska", 10), ("Sjuksköterska", 8), ("Undersköterska", 6), ("Distriktsläkare", 4),
        ("Specialistläkare i allmänmedicin", 4), ("ST-läkare", 3), ("Medicinsk sekreterare", 4),
        ("Vårdadministratör", 3), ("Fysioterapeut", 2), ("Kurator", 2), ("Psykolog", 2), ("Enhetschef", 1),
    ),
    "child_health": (
        ("Distriktssköterska", 10), ("Barnsjuksköterska", 5), ("Specialistläkare", 1), ("Psykolog", 1),
    ),
    "rehab": (
        ("Fysioterapeut", 15), ("Arbetsterapeut", 10), ("Rehabassistent", 4), ("Enhetschef", 1),
    ),
    "dental": (
        ("Tandsköterska", 12), ("Tandläkare", 8), ("Tandhygienist", 5), ("Specialisttandläkare", 1),
        ("Tandvårdsadministratör", 2), ("Klinikchef", 1),
    ),
    "switchboard": (("Telefonist", 20), ("Gruppledare växeln", 2), ("Enhetschef", 1)),
    "admin": (
        ("Handläggare", 6), ("HR-specialist", 3), ("HR-konsult", 2), ("Ekonom", 3), ("Controller", 2),
        ("Systemförvaltare", 2), ("IT-tekniker", 3), ("Kommunikatör", 2), ("Upphandlare", 1),
        ("Lönehandläggare", 2), ("Registrator", 1), ("Vaktmästare", 2), ("Enhetschef", 1),
        ("Avdelningschef", 0.5), ("Utredare", 2), ("Jurist", 1), ("Nämndsekreterare", 1),
    ),
}
NORWEGIAN_TITLES: dict[str, Titles] = {
    "clinic": (
        ("Sykepleier", 30), ("Helsefagarbeider", 15), ("Spesialsykepleier", 6), ("Overlege", 6),
        ("Lege i spesialisering", 5), ("Legesekretær", 5), ("Fysioterapeut", 2), ("Ergoterapeut", 1),
        ("Avdelingsleder", 1), ("Seksjonsleder", 1),
    ),
    "maternity": (("Jordmor", 20), ("Barnepleier", 5), ("Overlege", 2), ("Sykepleier", 4)),
    "imaging": (("Radiograf", 15), ("Overlege", 3), ("Legesekretær", 2)),
    "primary": (
        ("Fastlege", 8), ("Lege", 3), ("Sykepleier", 5), ("Legesekretær", 5), ("Helsefagarbeider", 3),
        ("Fysioterapeut", 1), ("Daglig leder", 1),
    ),
    "child_health": (("Helsesykepleier", 10), ("Jordmor", 2), ("Lege", 2), ("Fysioterapeut", 1)),
    "home_care": (("Helsefagarbeider", 12), ("Sykepleier", 10), ("Vernepleier", 2), ("Avdelingsleder", 1)),
    "switchboard": (("Sentralbordoperatør", 10), ("Teamleder sentralbord", 1)),
    "admin": (("Konsulent", 4), ("Rådgiver", 3), ("Seniorrådgiver", 2), ("IKT-konsulent", 2), ("Leder", 1),
              ("Økonomikonsulent", 2)),
}

# Competences and other search words a person may carry.
SWEDISH_COMPETENCES: tuple[str, ...] = (
    "HLR-instruktör", "Sårvård", "Diabetessköterska", "Astma/KOL", "Smittskydd", "Strålskydd",
    "Nattjour", "Bakjour", "Primärjour", "Tolk arabiska", "Tolk finska", "Teckenspråk", "Handledare",
    "Superanvändare journalsystem", "Vårdhygien", "Palliativ vård", "Demensvård", "Läkemedelsansvarig",
    "Skyddsombud", "Arbetsmiljöombud", "Stroke", "Smärtbehandling",
)
NORWEGIAN_COMPETENCES: tuple[str, ...] = (
    "Akuttmedisin", "Sårbehandling", "Diabetessykepleier", "Smittevern", "Vaktlege", "Tolk polsk",
    "Veileder", "Superbruker DIPS", "Palliasjon", "Verneombud", "Traumeteam",
)
