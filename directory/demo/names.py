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

# Titles by the kind of unit a person works in; the first ones are the most common.
SWEDISH_TITLES: dict[str, tuple[str, ...]] = {
    "clinic": (
        "Sjuksköterska", "Undersköterska", "Sjuksköterska", "Undersköterska", "Specialistläkare",
        "Överläkare", "ST-läkare", "BT-läkare", "Medicinsk sekreterare", "Specialistsjuksköterska",
        "Fysioterapeut", "Arbetsterapeut", "Kurator", "Dietist", "Avdelningschef",
        "Biträdande avdelningschef", "Verksamhetschef", "Biomedicinsk analytiker", "Barnmorska",
        "Psykolog", "Röntgensjuksköterska", "Vårdadministratör",
    ),
    "primary": (
        "Distriktssköterska", "Sjuksköterska", "Undersköterska", "Distriktsläkare",
        "Specialistläkare i allmänmedicin", "ST-läkare", "Medicinsk sekreterare", "Vårdadministratör",
        "Fysioterapeut", "Arbetsterapeut", "Kurator", "Psykolog", "Barnmorska", "Enhetschef",
        "Tandläkare", "Tandsköterska", "Tandhygienist",
    ),
    "admin": (
        "Handläggare", "HR-specialist", "HR-konsult", "Ekonom", "Controller", "Systemförvaltare",
        "IT-tekniker", "Kommunikatör", "Upphandlare", "Lönehandläggare", "Registrator",
        "Telefonist", "Vaktmästare", "Enhetschef", "Avdelningschef", "Utredare", "Jurist",
        "Regiondirektör", "Nämndsekreterare",
    ),
}
NORWEGIAN_TITLES: dict[str, tuple[str, ...]] = {
    "clinic": (
        "Sykepleier", "Sykepleier", "Helsefagarbeider", "Lege", "Overlege", "Lege i spesialisering",
        "Spesialsykepleier", "Legesekretær", "Fysioterapeut", "Ergoterapeut", "Avdelingsleder",
        "Seksjonsleder", "Jordmor", "Sosionom", "Psykolog",
    ),
    "primary": (
        "Fastlege", "Lege", "Sykepleier", "Helsesykepleier", "Legesekretær", "Helsefagarbeider",
        "Fysioterapeut", "Daglig leder", "Jordmor",
    ),
    "admin": (
        "Sentralbordoperatør", "Sentralbordoperatør", "Konsulent", "Rådgiver", "Seniorrådgiver",
        "IKT-konsulent", "Leder", "Økonomikonsulent",
    ),
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
