"""Reviewed transcription of the October 2025 status update of the joint action plan on
social safety of the Dutch public broadcaster (NPO and the broadcasting associations).

Source: "Statusupdate oktober 2025" slide deck (text extracted from a PDF). A byte-exact copy
lives in ``tests/actionplan/data/statusupdate-2025-10.txt``; ``tests/actionplan/test_seed_data.py``
checks every string below against it. This module is pure data: no Django imports.

Transcription rules
-------------------
* Hard-wrapped lines are joined, and every run of whitespace (including the double spaces
  of the PDF, e.g. "Commissie  Nazorg", "zoals  coaching") is collapsed to a single space.
  Leading/trailing whitespace is dropped.
* Stray page numbers ("3", "4", "15") and slide furniture ("Actie(s) Omschrijving Planning
  Eigenaar", "Acties gezamenlijk plan van aanpak Publieke Omroep", "Kernacties overkoepelend
  plan van aanpak", the "X) ... Vervolg: Statusupdate oktober 2025:" continuation headings)
  are dropped.
* Otherwise wording, spelling and punctuation are kept exactly as in the source, including
  its slips: "Alles acties" (E, F), "borgen van en veilige werkomgeving" (B description),
  "zorgplicht na)" (C description), "door een de omroepen" (C), "het CVO" (B), "omroepen en
  werden" (G), "Organiseer, reflectie" (H1), "best practises", "samenleving ." (F),
  "competitie" (F description) vs "concurrentie" (F summary), "‘24/'25" (mixed quotes).
* The only changes to source text are listed in ``CORRECTIONS`` as (as in seed, as stored);
  they are limited to owner codes, where a code must match an entry in ``OWNERS``:
  - "CV0" (digit zero, theme I owners) -> "CvO".
  - "(producenten)" (theme J owners) -> "Producenten". The parentheses in the slide probably
    mark the producers as an involved party rather than a full owner; that nuance is not
    representable in ``owners`` and is recorded here only.

Structure decisions
-------------------
* ``PREVIOUS_SUMMARY`` keeps the sub-bullets of the June 2025 summary as separate strings,
  in source order: items 2-4 ("Bureau Nazorg conform planning ...", "Overkoepelende VP’s ...",
  "Overkoepelende onafhankelijke klachtencommissie ...") are the sub-bullets of item 1
  ("Overkoepelend Meld- en klachtstructuur geoptimaliseerd ..."). The source has no bullet
  glyph for them, only an indent, and folding them would need a separator the source lacks.
* Action titles include wrapped continuation lines and parenthetical sub-lines, e.g.
  B2 "Gemeenschappelijke waarden (toezien op totstandkoming door werkgevers)" and
  H6 "Organiseer Driehoeksoverleg (OR en bestuur)".
* ``status_update`` holds the "Statusupdate oktober 2025" paragraphs in order, including the
  "Vervolg:" continuation pages. Two items are not "•" bullets in the source:
  - C: the closing line "(zie voor een update over #4, #5 en #6 onder E en F)" is kept as a
    separate last item (it is part of the status text and explains where C4-C6 are reported).
  - D: the continuation page starts without a bullet ("De overkoepelende vertrouwenspersonen
    zullen periodiek contact hebben ..."); it continues the Talk&Trust bullet, but is kept as
    its own item because the page break interrupts the text.
* ``recommendations``/``answers_conclusion`` come from the two mapping rows of the summary
  slides: "Conclusie | Aanbeveling 13 | Aanbeveling 1 – 5 | Aanbeveling 8 – 10 |
  Aanbeveling 6 & 7" for A-E and "Aanbeveling 14 | 11 | 12 | Conclusie | 15" for F-J.

Action status judgement calls (each also carries a one-line Dutch ``note``)
-------------------------------------------------------------------------
Status values: "not_started", "in_progress", "ongoing", "completed". Planning texts that are
explicit are followed as written (A and J all completed; B1-B4, B7 completed; D1-D3 completed,
D4-D6 ongoing; H all ongoing). Judgement was needed for:
* B5, B6 -> in_progress: the planning says the focus is on "verder uitwerken van acties #5 en
  #6" (the approach is now housed in the kenniscentrum, but not described as finished).
* C: the planning "Acties #1. Actie #2 is afgerond. Alle overige acties ... doorlopend" is
  garbled. Read as: C2 completed (the joint code of conduct was developed in 2024 and has been
  adopted by the employers); C1 in_progress, not completed, because the status update says the
  joint vision on leadership "wordt verder ontwikkeld" and only "net een start gemaakt" has
  been made; C3-C7 ongoing ("in werking gesteld en hebben een doorlopend karakter").
* "Alle(s) acties zijn in werking gesteld en/of afgerond" (E, F, G) -> in_progress by
  default, except E1 -> completed because the status update says the kenniscentrum was
  launched ("begin mei 2025 gelanceerd"). No other E/F/G action is reported as finished.
* I ("Alle acties zijn in werking gesteld.") -> in_progress by default, except I2, I3 and I5
  -> ongoing because the status update calls them doorlopend/jaarlijks (terugblik,
  jaarverslagen, prestatieafspraken) and periodiek (verantwoording aan OCW, CvdM, RvT). I1
  stays in_progress: the overkoepelend cultuuronderzoek is planned for 2027 (see E).
No action is "not_started".
"""

from __future__ import annotations

from typing import Literal, TypedDict

ActionStatus = Literal["not_started", "in_progress", "ongoing", "completed"]

ACTION_STATUSES: tuple[ActionStatus, ...] = ("not_started", "in_progress", "ongoing", "completed")


class OwnerSeed(TypedDict):
    code: str
    name: str


class ActionSeed(TypedDict):
    number: int
    title: str
    status: ActionStatus
    note: str


class ThemeSeed(TypedDict):
    letter: str
    title: str
    table_title: str
    summary_title: str
    summary: str
    description: str
    planning: str
    owners: list[str]
    answers_conclusion: bool
    recommendations: list[int]
    actions: list[ActionSeed]
    status_update: list[str]


PLAN_TITLE = "Gezamenlijk plan van aanpak sociale veiligheid Publieke Omroep"
PERIOD_LABEL = "oktober 2025"
PREVIOUS_SUMMARY_LABEL = "juni 2025"

# (as in seed, as stored)
CORRECTIONS: list[tuple[str, str]] = [
    ("CV0", "CvO"),
    ("(producenten)", "Producenten"),
]

PREVIOUS_SUMMARY: list[str] = [
    "Overkoepelend Meld- en klachtstructuur geoptimaliseerd (zie de flow chart hierna):",
    "Bureau Nazorg conform planning gestopt per 15 mei",
    "Overkoepelende VP’s gestart per 15 maart",
    "Overkoepelende onafhankelijke klachtencommissie gestart per 15 april met nieuwe "
    "klachtregeling ongewenste omgangsvormen",
    "Kenniscentrum (online platform) voor omroepen en NPO ontwikkeld, waarin best practises "
    "worden gedeeld",
    "D&I: actieplan 2025 & Talentcoördinator aangesteld",
    "Omroepen en NPO hebben eigen plan van aanpak opgesteld en voorgelegd aan het CvdM. Nu "
    "bezig met implementatie; HR functie verzwaard, Medewerkerstevredenheidsonderzoeken "
    "gehouden, het personeelsbeleid herzien en bezig met een meldpunt.",
    "Effectief bestuur en toezicht: aanpassing integriteitscode (termijnen en voorbeeldgedrag)",
    "Verantwoording > CvdM, OCW, Mariette Hamer (3e en laatste reflectie)",
    "Periodiek overleg met producenten",
]

OWNERS: list[OwnerSeed] = [
    {"code": "NPO", "name": "Nederlandse Publieke Omroep"},
    {"code": "Commissie Nazorg", "name": "Commissie Nazorg"},
    {"code": "CvO", "name": "College van Omroepen"},
    {"code": "Werkgevers", "name": "Individuele werkgevers binnen de publieke omroep"},
    {"code": "RvT", "name": "Raden van Toezicht"},
    {"code": "Producenten", "name": "Producenten (productiehuizen en facilitaire bedrijven)"},
]

_DEFAULT_EN_OF = "Planning: 'in werking gesteld en/of afgerond'; statusupdate meldt geen afronding."
_DEFAULT_IN_WERKING = "Planning: 'in werking gesteld'; statusupdate meldt geen afronding."

THEMES: list[ThemeSeed] = [
    {
        "letter": "A",
        "title": "Erkenning van slachtoffers en nazorg realiseren",
        "table_title": "Erkenning en nazorg",
        "summary_title": "Erkenning van slachtoffers en nazorg realiseren",
        "summary": (
            "Commissie Nazorg instellen voor alle betrokkenen die geraakt zijn door het rapport "
            "en die niet naar hun eigen werkgever kunnen of willen gaan. Ook alle individuele "
            "werkgevers zullen een veilige plek instellen waar betrokkenen naartoe kunnen."
        ),
        "description": (
            "Commissie Nazorg instellen voor alle betrokkenen die geraakt zijn door het rapport "
            "en die niet naar hun eigen werkgever kunnen of willen gaan. Ook alle individuele "
            "werkgevers zullen een veilige plek instellen waar betrokkenen naartoe kunnen "
            "(gaat dus niet om een plek voor nieuwe meldingen)"
        ),
        "planning": "Afgerond.",
        "owners": ["NPO", "Commissie Nazorg", "CvO", "Werkgevers"],
        "answers_conclusion": True,
        "recommendations": [],
        "actions": [
            {
                "number": 1,
                "title": "Instellen Commissie Nazorg",
                "status": "completed",
                "note": "",
            },
            {
                "number": 2,
                "title": "Beoordeling welke nazorg nodig is",
                "status": "completed",
                "note": "",
            },
            {
                "number": 3,
                "title": "Doorverwijzen van nieuwe meldingen naar de juiste plek",
                "status": "completed",
                "note": "",
            },
            {
                "number": 4,
                "title": "Borging Inzichten Commissie Nazorg",
                "status": "completed",
                "note": "",
            },
        ],
        "status_update": [
            "Op 15 mei 2024 werd Bureau Nazorg gelanceerd voor de duur van één jaar. Op 15 mei "
            "2025 is Bureau Nazorg conform afspraak gestopt. Er zijn totaal 25 meldingen "
            "geweest.",
            "Bureau Nazorg had tot doel (voormalige) medewerkers van de publieke omroep die "
            "behoefte hebben aan nazorg een onafhankelijk, vertrouwelijk, laagdrempelig en "
            "daarmee een veilig aanspreekpunt te bieden om hun behoefte te bespreken en in "
            "kaart te brengen en maakte toegang mogelijk tot een aantal opties zoals coaching, "
            "mediation, contact met een externe vertrouwenspersoon en "
            "psychologische/geestelijke begeleiding. Op 28 mei vond het afrondende gesprek en "
            "eindrapportage plaats. Bureau Nazorg heeft kennis en inzichten overgedragen aan de "
            "overkoepelende externe vertrouwenspersonen die per 15 maart 2025 zijn gestart.",
        ],
    },
    {
        "letter": "B",
        "title": "Verbindende rol NPO invullen",
        "table_title": "Verbindende rol NPO",
        "summary_title": "Verbindende rol NPO invullen",
        "summary": (
            "Neem als NPO een sterke verbindende (agenderende, stimulerende en faciliterende) "
            "rol in het borgen van een veilige werkomgeving en bewaken van gemeenschappelijke "
            "waarden binnen de publieke omroep. Het CvO wordt daarin steeds door de NPO "
            "meegenomen."
        ),
        "description": (
            "Neem als NPO een sterke verbindende (agenderende, stimulerende en faciliterende) "
            "rol in het borgen van en veilige werkomgeving en bewaken van gemeenschappelijke "
            "waarden binnen de publieke omroep. Het CvO wordt daarin steeds door de NPO "
            "meegenomen"
        ),
        "planning": (
            "Het merendeel van de acties (#1/#2/#3/#4/#7) is afgerond. De focus in de komende "
            "periode ligt op het verder uitwerken van acties #5 en #6. De ontwikkeling van deze "
            "aanpak heeft in het onlangs gelanceerde kenniscentrum (zie verder) een plek "
            "gekregen."
        ),
        "owners": ["NPO"],
        "answers_conclusion": False,
        "recommendations": [13],
        "actions": [
            {
                "number": 1,
                "title": "Invulling verbindende rol NPO",
                "status": "completed",
                "note": "",
            },
            {
                "number": 2,
                "title": "Gemeenschappelijke waarden (toezien op totstandkoming door werkgevers)",
                "status": "completed",
                "note": "",
            },
            {
                "number": 3,
                "title": "Stimuleer opstellen plan van aanpak van individuele werkgevers",
                "status": "completed",
                "note": "",
            },
            {
                "number": 4,
                "title": "Uitvoeren afspraken Mediapact",
                "status": "completed",
                "note": "",
            },
            {
                "number": 5,
                "title": "Ontwikkel specifieke aanpak voor seksueel ongewenst gedrag",
                "status": "in_progress",
                "note": "Planning: focus komende periode op verder uitwerken van #5.",
            },
            {
                "number": 6,
                "title": "Ontwikkel specifieke aanpak voor het voorkomen van racisme en "
                "discriminatie",
                "status": "in_progress",
                "note": "Planning: focus komende periode op verder uitwerken van #6.",
            },
            {
                "number": 7,
                "title": "Zorg voor periodieke en overkoepelende verantwoording",
                "status": "completed",
                "note": "",
            },
        ],
        "status_update": [
            "In lijn met het overkoepelende plan van aanpak hebben de NPO en de omroepen ieder "
            "een plan van aanpak opgesteld voor de eigen organisatie. Deze individuele plannen "
            "zijn voor 1 september jl. gedeeld met het Commissariaat voor de Media (CvdM) en met "
            "de Regeringscommissaris seksueel overschrijdend gedrag en seksueel geweld. Er "
            "vindt periodiek overleg plaats tussen het CvdM, de NPO en het CVO over de "
            "individuele plannen van aanpak in samenhang met de implementatie van het "
            "overkoepelende plan van aanpak.",
            "Er is een gezamenlijke, overkoepelende gedragscode (code gewenste omgangsvormen) "
            "ontwikkeld (zie ook onder C) met daarin gemeenschappelijke waarden. De "
            "overkoepelende code is inmiddels ingezet of verder uitgewerkt door de individuele "
            "werkgevers.",
            "In het online Kenniscentrum (zie E1/pag 8) wordt de specifieke aanpak voor "
            "seksueel ongewenst gedrag en het voorkomen van racisme en discriminatie geborgd. "
            "Door het uitwisselen van de verschillende plannen van aanpak die de omroepen "
            "hebben opgesteld en de (best) practises die daaruit voortkomen. De ervaringen die "
            "de omroepen opdoen worden in het kenniscentrum samengebracht en zorgen voor een "
            "breed pallet aan interventies die kunnen worden toegepast om seksueel ongewenst "
            "gedrag aan te pakken en het voorkomen van racisme en discriminatie.",
        ],
    },
    {
        "letter": "C",
        "title": "Leiderschap en zorgplicht werkgever (omroepen en NPO)",
        "table_title": "Leiderschap en zorgplicht werkgever",
        "summary_title": "Leiderschap versterken en betere invulling zorgplicht werkgever",
        "summary": (
            "Introduceren van een integrale visie op leiderschap en investeren in zekerheid, "
            "werktevredenheid en ontwikkeling voor medewerkers."
        ),
        "description": (
            "Introduceer een integrale en eenduidige visie op leiderschap voor de publieke "
            "omroep (zie ook B: verbindende rol NPO). Alle werkgevers komen hun zorgplicht na)"
        ),
        "planning": (
            "Acties #1. Actie #2 is afgerond. Alle overige acties zijn in werking gesteld en "
            "hebben een doorlopend karakter."
        ),
        "owners": ["NPO", "CvO"],
        "answers_conclusion": False,
        "recommendations": [1, 2, 3, 4, 5],
        "actions": [
            {
                "number": 1,
                "title": "Ontwikkel leiderschapscompetenties publieke omroep breed",
                "status": "in_progress",
                "note": "Planning 'Acties #1.' is onvolledig; statusupdate: visie op "
                "leiderschap wordt verder ontwikkeld, net een start gemaakt.",
            },
            {
                "number": 2,
                "title": "Herzie gedragscode",
                "status": "completed",
                "note": "Planning: 'Actie #2 is afgerond'; gezamenlijke code is in 2024 "
                "ontwikkeld.",
            },
            {
                "number": 3,
                "title": "Begeleid presentatoren beter",
                "status": "ongoing",
                "note": "Planning: overige acties in werking gesteld met doorlopend karakter.",
            },
            {
                "number": 4,
                "title": "Meer zekerheid voor medewerkers",
                "status": "ongoing",
                "note": "Planning: overige acties in werking gesteld met doorlopend karakter.",
            },
            {
                "number": 5,
                "title": "Investeren in talentontwikkeling en D&I",
                "status": "ongoing",
                "note": "Planning: overige acties in werking gesteld met doorlopend karakter.",
            },
            {
                "number": 6,
                "title": "Onboarding, beoordelen en belonen verbeteren",
                "status": "ongoing",
                "note": "Planning: overige acties in werking gesteld met doorlopend karakter.",
            },
            {
                "number": 7,
                "title": "Monitor werktevredenheid",
                "status": "ongoing",
                "note": "Planning: overige acties in werking gesteld met doorlopend karakter.",
            },
        ],
        "status_update": [
            "De gezamenlijke visie op leiderschap wordt verder ontwikkeld in het recentelijk "
            "gelanceerde door de NPO online kenniscentrum voor alle publieke omroepen. Hiermee "
            "is door het inrichten van het kenniscentrum en het samenbrengen van de HR managers "
            "en medewerkers van de omroepen net een start gemaakt. Het gesprek met de "
            "bestuurders hierover wordt voortgezet als de omroephuizen gevormd zijn.",
            "Er is in 2024 een gezamenlijke ‘Code gewenste omgangsvormen publieke omroep’ "
            "ontwikkeld. Deze gedragscode gaat over de manier waarop we bij de publieke omroep "
            "met elkaar omgaan. Drie kernwaarden staan daarbij centraal: respectvol, "
            "betrouwbaar en sociaal. Deze waarden zijn de basis voor ons gedrag op het werk, "
            "elke dag, onder alle omstandigheden, ten aanzien van iedereen. Daarbij maakt het "
            "niet uit welke functie of taak iemand heeft, en of men in vaste dienst is of "
            "tijdelijk is ingehuurd. De kernwaarden die in de code staan, vormen aanleiding om "
            "een dialoog met elkaar te voeren. Deze overkoepelende gedragscode is inmiddels "
            "door een de omroepen en NPO ingezet of uitgewerkt voor de eigen organisaties.",
            "(zie voor een update over #4, #5 en #6 onder E en F)",
        ],
    },
    {
        "letter": "D",
        "title": "Structuur en opvolging van signalen en meldingen vormgeven",
        "table_title": "Structuur en opvolging van signalen en meldingen",
        "summary_title": "Structuur en opvolging van signalen en meldingen vormgeven",
        "summary": (
            "Zorgen voor een eenduidige en consistente aanpak voor een structuur en opvolging "
            "van signalen en meldingen."
        ),
        "description": (
            "Zorg voor een eenduidige en consistente aanpak voor een structuur en opvolging van "
            "signalen en meldingen (basisvereisten waar alle werkgevers zich aan houden)"
        ),
        "planning": "Acties #1/#2/#3 zijn afgerond. Acties #4 t/m 6 zijn doorlopend.",
        "owners": ["NPO", "CvO"],
        "answers_conclusion": False,
        "recommendations": [8, 9, 10],
        "actions": [
            {
                "number": 1,
                "title": "Implementeer een overkoepelende structuur en opvolging van signalen "
                "en meldingen (zie Verbindende rol NPO)",
                "status": "completed",
                "note": "",
            },
            {
                "number": 2,
                "title": "Organiseer trainingen (ook bij zorgplicht werkgever)",
                "status": "completed",
                "note": "",
            },
            {
                "number": 3,
                "title": "Herijk structuur",
                "status": "completed",
                "note": "",
            },
            {
                "number": 4,
                "title": "Organiseer gesprek en intervisie",
                "status": "ongoing",
                "note": "",
            },
            {
                "number": 5,
                "title": "Laat zien wat je doet met meldingen en signalen",
                "status": "ongoing",
                "note": "",
            },
            {
                "number": 6,
                "title": "Kijk naar patronen",
                "status": "ongoing",
                "note": "",
            },
        ],
        "status_update": [
            "De flowchart waarin duidelijk wordt welke mogelijkheden er zijn om ongewenst "
            "gedrag te melden, is onlangs aangepast omdat er een aantal nieuwe "
            "meld/klachtopties bijgekomen zijn (zie verder de bijlage). Op dit moment wordt "
            "door de omroepen en NPO bekeken of er per organisatie één vast meldpunt (zie "
            "Handreiking commissaris Seksueel Grensoverschrijdend gedrag en Cultuurverbetering) "
            "moet worden ingesteld waar meldingen in eerste instantie kunnen worden gedaan. Dit "
            "meldpunt kan de melder adviseren bij het vinden van de juiste route en begeleiden "
            "bij het verdere proces.",
            "Er is een gezamenlijke klachtenregeling ongewenste omgangsvormen ontwikkeld voor "
            "de gehele landelijke publieke omroep en er is per 15 april jl. een onafhankelijke "
            "externe klachtencommissie ongewenste omgangsvormen landelijke omroep gestart. Deze "
            "klachtencommissie adviseert aan het hoogste uitvoerende orgaan van de organisatie "
            "over klachten op het gebied van ongewenste omgangsvormen in de werksituatie. Bij "
            "de werving van de commissie is de voorzitter van de COR en een delegatie "
            "omroepbestuurders betrokken geweest. De samenstelling van de commissie is divers "
            "en bestaat uit rechters, vertrouwenspersonen en deskundige personen op het "
            "terrein van sociale veiligheid.",
            "Per 15 maart jl. zijn er twee gezamenlijke overkoepelende, externe "
            "vertrouwenspersonen, Talk&Trust genaamd, gestart. Deze vertrouwenspersonen zijn "
            "beschikbaar voor eenieder tot wie ongewenste omgangsvormen zijn gericht, begaan in "
            "de werksituatie van een omroep of de NPO. Hun belangrijkste taak is het opvangen, "
            "begeleiden en adviseren van een melder van ongewenst gedrag over mogelijke "
            "oplossingsroutes. Voor medewerkers blijft ook de optie om contact te zoeken met de "
            "vertrouwenspersonen van hun eigen werkgever bestaan. NPO en diverse omroepen "
            "hebben dit jaar extra interne vertrouwenspersonen aangenomen.",
            "De overkoepelende vertrouwenspersonen zullen periodiek contact hebben met de "
            "(interne en externe) vertrouwenspersonen van de omroepen en de NPO zodat eventuele "
            "patronen tijdig gesignaleerd kunnen worden, er sneller geacteerd kan worden en er "
            "kennis uitgewisseld kan worden. Ook de kleine omroepen die veelal geen "
            "vertrouwenspersonen tot hun beschikking hebben, kunnen hier goed gebruik van "
            "maken.",
            "Ook worden er intervisiemomenten gecreëerd waarin zowel HR-professionals, "
            "vertrouwenspersonen als leidinggevenden bij elkaar kunnen komen om te reflecteren "
            "en van elkaar te leren en om terugkerende patronen en signalen (eerder) te "
            "signaleren.",
        ],
    },
    {
        "letter": "E",
        "title": "HR functie versterken",
        "table_title": "Versterk de HR functie",
        "summary_title": "HR functie versterken",
        "summary": (
            "Iedere werkgever ontwikkelt een strategisch personeelsbeleid en HR adviseert, "
            "signaleert en agendeert wanneer het beleid onvoldoende wordt nageleefd."
        ),
        "description": (
            "Iedere werkgever ontwikkelt een strategisch personeelsbeleid en HR adviseert, "
            "signaleert en agendeert wanneer het beleid onvoldoende wordt nageleefd"
        ),
        "planning": "Alles acties zijn in werking gesteld en/of afgerond.",
        "owners": ["NPO", "CvO"],
        "answers_conclusion": False,
        "recommendations": [6, 7],
        "actions": [
            {
                "number": 1,
                "title": "Installeer gezamenlijk kenniscentrum veilige werkomgeving",
                "status": "completed",
                "note": "Statusupdate: kenniscentrum is begin mei 2025 gelanceerd.",
            },
            {
                "number": 2,
                "title": "Positioneer HR in organisatie op terrein van een veilige werkomgeving",
                "status": "in_progress",
                "note": _DEFAULT_EN_OF,
            },
            {
                "number": 3,
                "title": "Introduceer een strategisch personeelsbeleid",
                "status": "in_progress",
                "note": _DEFAULT_EN_OF,
            },
            {
                "number": 4,
                "title": "Bied meer zekerheid aan medewerkers",
                "status": "in_progress",
                "note": _DEFAULT_EN_OF,
            },
            {
                "number": 5,
                "title": "Monitor werktevredenheid",
                "status": "in_progress",
                "note": _DEFAULT_EN_OF,
            },
            {
                "number": 6,
                "title": "Onderzoek op welke HR gebieden samenwerking meerwaarde heeft",
                "status": "in_progress",
                "note": _DEFAULT_EN_OF,
            },
        ],
        "status_update": [
            "Het kenniscentrum voor de NPO en de omroepen, waar informatie en kennis op het "
            "gebied van sociale veiligheid bij elkaar komt en gedeeld wordt, is begin mei 2025 "
            "gelanceerd. Een werkgroep bestaande uit HR managers van omroepen geeft invulling "
            "aan dit centrum. In eerste instantie hebben we in het kenniscentrum de "
            "verschillende plannen van aanpak en daaruit voortvloeiende (best) practices samen "
            "gebracht. In de vervolgstap is het idee om naast het delen van documentatie ook "
            "intervisiemomenten te creëren waar zowel HR-professionals, vertrouwenspersonen als "
            "leidinggevenden bij elkaar kunnen komen om te reflecteren en van elkaar te leren "
            "en om terugkerende patronen en signalen (eerder) te signaleren.",
            "Op verschillende plekken binnen de publieke omroep is de HR-functie in 2024 "
            "verstevigd, personeelsbeleid herzien en werden bij diverse individuele "
            "organisaties nieuwe cultuuronderzoeken en/of medewerkerstevredenheidsonderzoeken "
            "uitgevoerd.",
            "In 2027 zal er (indien gewenst en in overleg met de omroepen) een overkoepelend "
            "cultuuronderzoek plaatsvinden.",
            "We werken binnen de publieke omroep nu met meer (en sneller verstrekte) vaste "
            "contracten; maximaal drie tijdelijke contracten in 24 maanden (was: zes in 48 "
            "maanden) en investeren in ontwikkeling van medewerkers waardoor ze flexibel "
            "inzetbaar zijn in organisaties.",
        ],
    },
    {
        "letter": "F",
        "title": "Zorgplicht NPO uitoefenen",
        "table_title": "Zorgplicht NPO",
        "summary_title": "Zorgplicht NPO uitoefenen",
        "summary": (
            "De NPO bewaakt dat concurrentie en samenwerking met elkaar in balans zijn. De NPO "
            "geeft de omroepen op voorhand en jaarlijks meer zekerheid t.b.v. haar "
            "programmering."
        ),
        "description": (
            "De NPO bewaakt dat competitie en samenwerking met elkaar in balans zijn. De NPO "
            "geeft de omroepen op voorhand en jaarlijks meer zekerheid t.b.v. haar "
            "programmering"
        ),
        "planning": "Alles acties zijn in werking gesteld en/of afgerond.",
        "owners": ["NPO", "CvO"],
        "answers_conclusion": False,
        "recommendations": [14],
        "actions": [
            {
                "number": 1,
                "title": "Zorg voor meer programmatische zekerheid voor omroepen",
                "status": "in_progress",
                "note": _DEFAULT_EN_OF,
            },
            {
                "number": 2,
                "title": "Communiceer beter bij verandering programmering en verbeter "
                "omgangsvormen",
                "status": "in_progress",
                "note": _DEFAULT_EN_OF,
            },
            {
                "number": 3,
                "title": "Geef meer financiële zekerheid voor omroepen",
                "status": "in_progress",
                "note": _DEFAULT_EN_OF,
            },
            {
                "number": 4,
                "title": "Geef meer zekerheid aan medewerkers",
                "status": "in_progress",
                "note": _DEFAULT_EN_OF,
            },
            {
                "number": 5,
                "title": "Onderzoek oplossingen voor medewerkers seizoensprogrammering",
                "status": "in_progress",
                "note": _DEFAULT_EN_OF,
            },
            {
                "number": 6,
                "title": "Gezamenlijke talentontwikkeling",
                "status": "in_progress",
                "note": _DEFAULT_EN_OF,
            },
            {
                "number": 7,
                "title": "Bevorder Diversiteit & Inclusie",
                "status": "in_progress",
                "note": _DEFAULT_EN_OF,
            },
        ],
        "status_update": [
            "Er is een Samenwerkingscode opgesteld tussen omroepen, NPO en producenten waarin "
            "afspraken staan over het borgen van sociale veiligheid.",
            "Het project ‘gedeelde verantwoordelijkheid’ moet meer zekerheid voor medewerkers, "
            "makers en omroepen bewerkstelligen wat een belangrijk aspect is van de zorgplicht "
            "van de NPO. Het eindrapport van dit project is in april 2025 opgeleverd en wordt "
            "als bijlage bijgevoegd. De aanbevelingen hebben deels betrekking op het proces bij "
            "audio en video en het andere deel bevat een HR component. De aanbevelingen m.b.t. "
            "audio/video zijn gedeeltelijk reeds verwerkt in de audio/video "
            "intekensystematiek (bijvoorbeeld de termijnen voor evaluatie) en de overige "
            "aanbevelingen zijn besproken in het audio/video overleg en worden nog geagendeerd "
            "in het HR managers overleg.",
            "Er is een gezamenlijk Actieplan D&I ‘24/'25 opgesteld dat moet bijdragen aan meer "
            "diversiteit & inclusiviteit. Hierin staan streefdoelen, voor zowel de "
            "programmering als de organisaties, die moeten bevorderen dat de publieke omroep "
            "zowel voor als achter de schermen een afspiegeling is van onze samenleving . De "
            "voortgang van dit actieplan wordt gemonitord in de Stuurgroep D&I waarin omroep en "
            "NPO bestuurders vertegenwoordigd zijn.",
            "Er is begin 2024 een Talentcoördinator bij de NPO aangesteld die gezamenlijk met "
            "de omroepen ervoor moet zorgen dat meer jong en divers talent bij de landelijke "
            "publieke omroep terecht komt. Er is afgelopen jaar o.a. een website gelanceerd "
            "waar alle talentinitiatieven van omroepen staan (zie www.npo.nl/talent) en er zijn "
            "diverse scholen bezocht zodat de talentinitiatieven van de publieke omroepen meer "
            "bekendheid krijgen.",
        ],
    },
    {
        "letter": "G",
        "title": "Bestuursstructuur verbeteren – effectief bestuur en toezicht",
        "table_title": "Zorg voor een gezonde bestuursstructuur",
        "summary_title": "Bestuursstructuur verbeteren",
        "summary": (
            "Verbreden van het perspectief van bestuurders door aandacht voor tegenspraak, "
            "bestuurstermijnen en persoonlijke ontwikkeling van bestuurders en "
            "sleutelfunctionarissen."
        ),
        "description": (
            "Verbreed het perspectief van bestuurders door aandacht voor tegenspraak, "
            "bestuurstermijnen en persoonlijke ontwikkeling van bestuurders en "
            "sleutelfunctionarissen"
        ),
        "planning": "Alle acties zijn in werking gesteld en/of afgerond.",
        "owners": ["NPO", "CvO", "RvT", "Werkgevers"],
        "answers_conclusion": False,
        "recommendations": [11],
        "actions": [
            {
                "number": 1,
                "title": "Introduceer bestuurstermijnen",
                "status": "in_progress",
                "note": "Statusupdate: termijnen op verschillende plekken ingesteld, nog niet "
                "overal (meerderheid van de omroepen).",
            },
            {
                "number": 2,
                "title": "Benoem bestuurders van buiten de publieke omroep",
                "status": "in_progress",
                "note": _DEFAULT_EN_OF,
            },
            {
                "number": 3,
                "title": "Draag zorg voor successie",
                "status": "in_progress",
                "note": _DEFAULT_EN_OF,
            },
            {
                "number": 4,
                "title": "Ken rollen en verantwoordelijkheden rond veilige werkomgeving toe",
                "status": "in_progress",
                "note": _DEFAULT_EN_OF,
            },
        ],
        "status_update": [
            "Er hebben onlangs wederom enkele wisselingen in de bestuurlijke personele bezetting "
            "plaatsgevonden. Bij zowel de NPO als bij omroepen en werden op verschillende "
            "plekken binnen de publieke omroep al maximale bestuurstermijnen ingesteld. De NPO "
            "hanteert nu 2x4 jaar voor directeuren en de meerderheid van de omroepen hanteert "
            "2x5 jaar voor bestuurders en directeuren (zie individuele plannen van aanpak). "
            "Daardoor wordt successie in sleutelrollen bevorderd.",
            "Er wordt op dit moment samen met de omroepen en in overleg met het Commissariaat "
            "voor de Media gewerkt aan de aanpassing van de Code Integriteit publieke omroep "
            "2021. In deze code worden nadere bepalingen opgenomen m.b.t. goed bestuur en "
            "toezicht, waaronder: voorbeeldgedrag. Deze code zal een bindend karakter krijgen.",
        ],
    },
    {
        "letter": "H",
        "title": "Versterk het toezicht op sociale veiligheid – effectief bestuur en toezicht",
        "table_title": "Raden van toezicht",
        "summary_title": "Versterk het toezicht op sociale veiligheid",
        "summary": (
            "Versterken van het toezicht van de Raden van Toezicht en op de agenda zetten van "
            "sociale veiligheid."
        ),
        "description": (
            "Versterk het toezicht van de Raden van Toezicht en zet sociale veiligheid op de agenda"
        ),
        "planning": "Alle acties zijn in werking gesteld en doorlopend.",
        "owners": ["NPO", "CvO"],
        "answers_conclusion": False,
        "recommendations": [12],
        "actions": [
            {
                "number": 1,
                "title": "Organiseer, reflectie en houd periodiek functioneringsgesprekken",
                "status": "ongoing",
                "note": "",
            },
            {
                "number": 2,
                "title": "Zet sociale veiligheid structureel als onderwerp op de agenda",
                "status": "ongoing",
                "note": "",
            },
            {
                "number": 3,
                "title": "Verbeter informatievoorziening",
                "status": "ongoing",
                "note": "",
            },
            {
                "number": 4,
                "title": "Zie toe op ontwikkeling van bestuurders",
                "status": "ongoing",
                "note": "",
            },
            {
                "number": 5,
                "title": "Voorzie RvT van kennis van sociale veiligheid",
                "status": "ongoing",
                "note": "",
            },
            {
                "number": 6,
                "title": "Organiseer Driehoeksoverleg (OR en bestuur)",
                "status": "ongoing",
                "note": "",
            },
        ],
        "status_update": [
            "Deze acties hebben een doorlopend karakter en zijn geïmplementeerd.",
            "Sociale veiligheid is een vast onderwerp op de agenda van de RvT. Onlangs is er op "
            "initiatief van de RvT van de NPO overleg geweest met de raden van toezicht van de "
            "omroepen over de stand van zaken op dit terrein.",
        ],
    },
    {
        "letter": "I",
        "title": "Verantwoording afleggen over sociale veiligheid",
        "table_title": "Verantwoording en monitoring",
        "summary_title": "Verantwoording afleggen over sociale veiligheid",
        "summary": (
            "De publieke omroep legt verantwoording af over het realiseren van de acties uit "
            "dit plan van aanpak en het realiseren van een veilige werkomgeving."
        ),
        "description": (
            "De publieke omroep legt verantwoording af over het realiseren van de acties uit "
            "dit plan van aanpak en het realiseren van een veilige werkomgeving."
        ),
        "planning": "Alle acties zijn in werking gesteld.",
        "owners": ["NPO", "CvO", "Werkgevers"],
        "answers_conclusion": True,
        "recommendations": [],
        "actions": [
            {
                "number": 1,
                "title": "Houd periodiek overkoepelend cultuuronderzoek",
                "status": "in_progress",
                "note": "Overkoepelend cultuuronderzoek staat gepland voor 2027 (zie E).",
            },
            {
                "number": 2,
                "title": "Neem sociale veiligheid op in de jaarlijkse terugblik en jaarverslag",
                "status": "ongoing",
                "note": "Statusupdate: doorlopend/jaarlijks meegenomen in terugblik en "
                "jaarverslagen.",
            },
            {
                "number": 3,
                "title": "Neem sociale veiligheid op in de prestatieafspraken",
                "status": "ongoing",
                "note": "Statusupdate: doorlopend/jaarlijks opgenomen in prestatieafspraken.",
            },
            {
                "number": 4,
                "title": "Maak duidelijk wie toezicht houdt en waarop",
                "status": "in_progress",
                "note": _DEFAULT_IN_WERKING,
            },
            {
                "number": 5,
                "title": "Verantwoording door publieke omroep aan verschillende toezichthouders",
                "status": "ongoing",
                "note": "Statusupdate: periodiek verantwoording aan OCW, CvdM en NPO RvT.",
            },
        ],
        "status_update": [
            "Sociale veiligheid is/wordt (doorlopend/jaarlijks) meegenomen in de jaarlijkse "
            "terugblik, jaarverslagen en ook opgenomen in prestatieafspraken",
            "Daarnaast wordt er periodiek verantwoording afgelegd aan OCW, het CvdM en de NPO "
            "Raad van Toezicht.",
        ],
    },
    {
        "letter": "J",
        "title": "Rol productiehuizen onderzoeken",
        "table_title": "Rol producenten",
        "summary_title": "Rol productiehuizen onderzoeken",
        "summary": (
            "Onderzoeken van de rol, verantwoordelijkheid voor sociale veiligheid en "
            "geldstromen van producenten binnen de driehoek NPO, producenten en omroepen."
        ),
        "description": (
            "Onderzoek de rol, verantwoordelijkheid voor sociale veiligheid en geldstromen van "
            "producenten binnen de driehoek NPO, producenten en omroepen"
        ),
        "planning": "Acties zijn afgerond.",
        "owners": ["NPO", "CvO", "Producenten"],
        "answers_conclusion": False,
        "recommendations": [15],
        "actions": [
            {
                "number": 1,
                "title": "Vraag plan van aanpak producenten",
                "status": "completed",
                "note": "",
            },
            {
                "number": 2,
                "title": "Scherp BPPO aan",
                "status": "completed",
                "note": "",
            },
            {
                "number": 3,
                "title": "Realiseer QuickScan",
                "status": "completed",
                "note": "",
            },
        ],
        "status_update": [
            "Er is periodiek overleg met producenten/facilitaire bedrijven die ook een Plan van "
            "Aanpak sociale veiligheid hebben gemaakt en dit hebben gedeeld met de NPO. De "
            "producenten willen zich aansluiten bij de onlangs aangestelde overkoepelende "
            "onafhankelijke klachtencommissie van de publieke omroep. De voorbereidingen "
            "daarvoor worden getroffen.",
        ],
    },
]
