"""Reviewed seed data: the reporting routes of the public-broadcasting sector (DOMAIN.md and the
seed's theme D) and the first version of the route wizard's questions and rules.

Dates: the overarching confidential advisers since 15 March 2025, the complaints committee since
15 April 2025, Bureau Nazorg from 15 May 2024 to 15 May 2025, then replaced by the advisers.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from veiligwerk.routes.models import Anonymity, HandlerScope, RouteKind
from veiligwerk.tenancy.models import Role

K, A = RouteKind, Anonymity

# Who handles reports made on each in-platform route: (roles, scope).
HANDLERS: dict[str, tuple[list[str], str]] = {
    "overkoepelende-vertrouwenspersonen": ([Role.OVERARCHING_ADVISER], HandlerScope.SECTOR),
    "vertrouwenspersoon-werkgever": ([Role.CONFIDENTIAL_ADVISER], HandlerScope.ORGANISATION),
    "klachtencommissie": (
        [Role.COMMITTEE_SECRETARY, Role.COMMITTEE_MEMBER],
        HandlerScope.SECTOR,
    ),
    "bureau-nazorg": ([Role.AFTERCARE_COORDINATOR], HandlerScope.SECTOR),
    "integriteitsmelding": ([Role.INTEGRITY_OFFICER], HandlerScope.ORGANISATION),
}

# slug, kind, anonymity, valid_from, valid_to, replaced_by, texts {field: (nl, en)}
ROUTES: list[dict[str, Any]] = [
    {
        "slug": "noodhulp",
        "kind": K.EMERGENCY,
        "anonymity": A.NONE,
        "name": ("Bel 112 bij direct gevaar", "Call 112 if you are in danger now"),
        "summary": (
            "Politie, ambulance en brandweer komen direct. Bel 112 als u of iemand anders nu in gevaar is.",
            "Police, ambulance and fire brigade come straight away. Call 112 if you or someone else is in danger now.",
        ),
        "audience": ("Iedereen die nu in gevaar is.", "Anyone who is in danger now."),
        "outcome": ("Direct hulp ter plekke.", "Help on the spot, straight away."),
        "next_steps": (
            "Bel 112. Zeg waar u bent en wat er aan de hand is. Als het veilig is, kunt u daarna met een vertrouwenspersoon praten.",
            "Call 112. Say where you are and what is happening. When you are safe, you can talk to a confidential adviser.",
        ),
        "contact": ("Telefoon 112", "Phone 112"),
    },
    {
        "slug": "politie",
        "kind": K.POLICE,
        "anonymity": A.NONE,
        "name": ("Aangifte doen bij de politie", "Report a crime to the police"),
        "summary": (
            "Bij strafbaar gedrag, zoals aanranding, verkrachting, bedreiging of mishandeling, kunt u aangifte doen. De politie onderzoekt het en het Openbaar Ministerie beslist over vervolging.",
            "For criminal behaviour, such as sexual assault, rape, threats or assault, you can report it to the police. The police investigate and the public prosecutor decides whether to prosecute.",
        ),
        "audience": ("Iedereen.", "Anyone."),
        "anonymity_note": (
            "Aangifte doet u met uw naam. Bij bedreiging kunt u vragen om uw adres niet in het dossier te zetten.",
            "You report with your name. If you are threatened, you can ask for your address to be left out of the file.",
        ),
        "outcome": ("Een strafzaak.", "A criminal case."),
        "next_steps": (
            "Maak een afspraak via 0900-8844. Een vertrouwenspersoon kan u helpen voorbereiden en met u meegaan.",
            "Make an appointment on 0900-8844. A confidential adviser can help you prepare and go with you.",
        ),
        "contact": ("Telefoon 0900-8844 (geen spoed)", "Phone 0900-8844 (non-urgent)"),
    },
    {
        "slug": "overkoepelende-vertrouwenspersonen",
        "kind": K.CONFIDENTIAL_ADVISER,
        "anonymity": A.TOWARDS_EMPLOYER,
        "valid_from": dt.date(2025, 3, 15),
        "name": ("Overkoepelende vertrouwenspersonen", "Overarching confidential advisers"),
        "summary": (
            "Twee onafhankelijke vertrouwenspersonen voor de hele publieke omroep. Ze luisteren, denken mee, geven advies en gaan mee als u dat wilt. Ze doen geen onderzoek en ondernemen niets zonder uw toestemming.",
            "Two independent confidential advisers for the whole public broadcaster. They listen, think along with you, advise you and go with you if you want. They do not investigate and do nothing without your consent.",
        ),
        "audience": (
            "Iedereen die werkt of werkte voor de NPO of een omroep, ook bij een kleine omroep zonder eigen vertrouwenspersoon.",
            "Anyone who works or worked for the NPO or a broadcaster, also at a small broadcaster without its own confidential adviser.",
        ),
        "anonymity_note": (
            "Uw werkgever hoort niets van wat u vertelt, tenzij u dat zelf wilt.",
            "Your employer hears nothing of what you say, unless you want it to.",
        ),
        "outcome": (
            "Uw eigen keuze voor een volgende stap: niets doen, een gesprek, bemiddeling, een klacht of een melding.",
            "Your own choice of a next step: nothing, a conversation, mediation, a complaint or a report.",
        ),
        "next_steps": (
            "U vertelt hier wat er is gebeurd. Binnen 7 dagen hoort u van een vertrouwenspersoon. U kunt anoniem blijven en met uw code verder praten.",
            "You tell us here what happened. Within 7 days a confidential adviser gets back to you. You can stay anonymous and keep talking using your code.",
        ),
    },
    {
        "slug": "vertrouwenspersoon-werkgever",
        "kind": K.CONFIDENTIAL_ADVISER,
        "anonymity": A.TOWARDS_EMPLOYER,
        "name": ("Vertrouwenspersoon van uw werkgever", "Your employer's confidential adviser"),
        "summary": (
            "De interne vertrouwenspersoon van uw eigen organisatie luistert, adviseert en begeleidt. Hij of zij kent de organisatie en doet geen onderzoek.",
            "The internal confidential adviser of your own organisation listens, advises and supports you. They know the organisation and do not investigate.",
        ),
        "audience": ("Medewerkers van de eigen organisatie.", "Staff of their own organisation."),
        "anonymity_note": (
            "De vertrouwenspersoon vertelt niets aan uw werkgever zonder uw toestemming.",
            "The confidential adviser tells your employer nothing without your consent.",
        ),
        "outcome": ("Uw eigen keuze voor een volgende stap.", "Your own choice of a next step."),
        "next_steps": (
            "U vertelt hier wat er is gebeurd. Binnen 7 dagen hoort u van de vertrouwenspersoon.",
            "You tell us here what happened. Within 7 days the confidential adviser gets back to you.",
        ),
    },
    {
        "slug": "klachtencommissie",
        "kind": K.COMPLAINTS_COMMITTEE,
        "anonymity": A.NONE,
        "valid_from": dt.date(2025, 4, 15),
        "name": (
            "Klachtencommissie ongewenste omgangsvormen",
            "Complaints committee for unwanted behaviour",
        ),
        "summary": (
            "Een onafhankelijke commissie van rechters, vertrouwenspersonen en deskundigen. Ze behandelt een formele klacht, hoort beide kanten en geeft advies aan de hoogste leiding van de werkgever.",
            "An independent committee of judges, confidential advisers and experts. It handles a formal complaint, hears both sides and advises the employer's top management.",
        ),
        "audience": (
            "Medewerkers, freelancers en oud-medewerkers van de NPO, de omroepen en aangesloten producenten.",
            "Staff, freelancers and former staff of the NPO, the broadcasters and affiliated producers.",
        ),
        "anonymity_note": (
            "Een klacht kan niet anoniem: degene over wie u klaagt, moet weten waarover het gaat. De commissie gaat vertrouwelijk met uw gegevens om.",
            "A complaint cannot be anonymous: the person you complain about must know what it is about. The committee treats your details confidentially.",
        ),
        "outcome": (
            "Een advies van de commissie en een besluit van de werkgever, met redenen.",
            "Advice from the committee and a decision by the employer, with reasons.",
        ),
        "next_steps": (
            "U dient hier uw klacht in. De secretaris bevestigt binnen 7 dagen en legt uit hoe de procedure verder gaat.",
            "You file your complaint here. The secretary confirms within 7 days and explains the rest of the procedure.",
        ),
    },
    {
        "slug": "bureau-nazorg",
        "kind": K.AFTERCARE,
        "anonymity": A.FULL,
        "valid_from": dt.date(2024, 5, 15),
        "valid_to": dt.date(2025, 5, 15),
        "replaced_by": "overkoepelende-vertrouwenspersonen",
        "name": ("Bureau Nazorg", "Aftercare office (Bureau Nazorg)"),
        "summary": (
            "Hulp voor (oud-)medewerkers die eerder zijn geraakt: coaching, mediation, een externe vertrouwenspersoon of psychologische begeleiding.",
            "Help for (former) staff who were harmed in the past: coaching, mediation, an external confidential adviser or psychological support.",
        ),
        "audience": (
            "(Oud-)medewerkers van de publieke omroep.",
            "(Former) staff of the public broadcaster.",
        ),
        "outcome": ("Passende nazorg.", "Suitable aftercare."),
        "next_steps": (
            "Bureau Nazorg is op 15 mei 2025 gestopt. De overkoepelende vertrouwenspersonen helpen u nu verder.",
            "Bureau Nazorg closed on 15 May 2025. The overarching confidential advisers now help you instead.",
        ),
    },
    {
        "slug": "integriteitsmelding",
        "kind": K.INTEGRITY_REPORT,
        "anonymity": A.FULL,
        "name": ("Melding van een vermoeden van een misstand", "Report a suspected wrongdoing"),
        "summary": (
            "Voor misstanden die het algemeen belang raken, zoals fraude, gevaar of het stelselmatig negeren van meldingen. De organisatie onderzoekt het volgens de Code Integriteit publieke omroep en de Wet bescherming klokkenluiders.",
            "For wrongdoing that affects the public interest, such as fraud, danger or reports being ignored again and again. The organisation investigates under the public broadcaster's integrity code and the Whistleblowers Protection Act.",
        ),
        "audience": (
            "Iedereen die voor de publieke omroep werkt of werkte.",
            "Anyone who works or worked for the public broadcaster.",
        ),
        "anonymity_note": (
            "U kunt anoniem melden. Uw naam blijft geheim als u die wel geeft.",
            "You can report anonymously. If you give your name, it stays confidential.",
        ),
        "outcome": (
            "Een onderzoek. Binnen 7 dagen een ontvangstbevestiging, binnen 3 maanden terugkoppeling.",
            "An investigation. Confirmation within 7 days, feedback within 3 months.",
        ),
        "next_steps": (
            "U meldt hier. U krijgt een code waarmee u later, ook anoniem, de reactie leest.",
            "You report here. You get a code to read the response later, also anonymously.",
        ),
    },
    {
        "slug": "huis-voor-klokkenluiders",
        "kind": K.WHISTLEBLOWER_AUTHORITY,
        "anonymity": A.FULL,
        "name": ("Huis voor Klokkenluiders", "Whistleblowers Authority (Huis voor Klokkenluiders)"),
        "summary": (
            "Geeft gratis en vertrouwelijk advies over het melden van een misstand en kan zelf onderzoek doen.",
            "Gives free, confidential advice on reporting wrongdoing and can investigate itself.",
        ),
        "audience": (
            "Iedereen met een vermoeden van een misstand op het werk.",
            "Anyone who suspects wrongdoing at work.",
        ),
        "outcome": (
            "Advies of een onafhankelijk onderzoek.",
            "Advice or an independent investigation.",
        ),
        "next_steps": (
            "Neem contact op via huisvoorklokkenluiders.nl of bel 088 - 133 10 00.",
            "Contact them via huisvoorklokkenluiders.nl or call 088 - 133 10 00.",
        ),
        "contact": (
            "huisvoorklokkenluiders.nl, telefoon 088 - 133 10 00",
            "huisvoorklokkenluiders.nl, phone 088 - 133 10 00",
        ),
    },
    {
        "slug": "commissariaat-voor-de-media",
        "kind": K.MEDIA_REGULATOR,
        "anonymity": A.FULL,
        "name": (
            "Commissariaat voor de Media",
            "Dutch Media Authority (Commissariaat voor de Media)",
        ),
        "summary": (
            "De toezichthouder op de omroepen. Neemt signalen aan over hoe een omroep zich aan de regels houdt. Helpt u niet persoonlijk.",
            "The regulator of the broadcasters. Takes signals about how a broadcaster keeps to the rules. Does not help you personally.",
        ),
        "audience": ("Iedereen.", "Anyone."),
        "outcome": (
            "Toezicht op de omroep; geen uitspraak over uw situatie.",
            "Supervision of the broadcaster; no ruling on your own situation.",
        ),
        "next_steps": ("Stuur een signaal via cvdm.nl.", "Send a signal via cvdm.nl."),
        "contact": ("cvdm.nl", "cvdm.nl"),
    },
    {
        "slug": "college-rechten-van-de-mens",
        "kind": K.HUMAN_RIGHTS_BOARD,
        "anonymity": A.NONE,
        "name": ("College voor de Rechten van de Mens", "Netherlands Institute for Human Rights"),
        "summary": (
            "Oordeelt of er sprake was van discriminatie, ook seksuele intimidatie. Het oordeel gaat over de organisatie en is niet bindend. Dit duurt ongeveer 6 maanden.",
            "Rules on whether there was discrimination, including sexual harassment. The ruling is about the organisation and is not binding. It takes about 6 months.",
        ),
        "audience": (
            "Iedereen die discriminatie op het werk meemaakte.",
            "Anyone who experienced discrimination at work.",
        ),
        "anonymity_note": (
            "Vragen stellen kan anoniem. Voor een oordeel is uw naam nodig.",
            "You can ask questions anonymously. A ruling needs your name.",
        ),
        "outcome": ("Een oordeel over de organisatie.", "A ruling about the organisation."),
        "next_steps": (
            "Dien een verzoek in via mensenrechten.nl.",
            "File a request via mensenrechten.nl.",
        ),
        "contact": ("mensenrechten.nl", "mensenrechten.nl"),
    },
    {
        "slug": "mores-online",
        "kind": K.SECTOR_SUPPORT,
        "anonymity": A.FULL,
        "name": ("Mores.online", "Mores.online"),
        "summary": (
            "Meldpunt en vertrouwenspersonen voor de hele culturele en creatieve sector, ook voor zzp'ers en mensen zonder vaste werkgever.",
            "Reporting point and confidential advisers for the whole cultural and creative sector, also for freelancers and people without a steady employer.",
        ),
        "audience": (
            "Iedereen in de culturele, creatieve en mediasector.",
            "Anyone in the cultural, creative and media sector.",
        ),
        "outcome": (
            "Advies en begeleiding buiten de omroep om.",
            "Advice and support outside the broadcaster.",
        ),
        "next_steps": ("Neem contact op via mores.online.", "Contact them via mores.online."),
        "contact": ("mores.online", "mores.online"),
    },
    {
        "slug": "bedrijfsarts",
        "kind": K.COMPANY_DOCTOR,
        "anonymity": A.MEDICAL_SECRECY,
        "name": ("Bedrijfsarts", "Company doctor"),
        "summary": (
            "Voor klachten over uw gezondheid of als u niet kunt werken. De bedrijfsarts heeft een medisch beroepsgeheim. Dit is geen klachtroute.",
            "For health problems or if you cannot work. The company doctor is bound by medical secrecy. This is not a complaint route.",
        ),
        "audience": ("Medewerkers in dienst.", "Employed staff."),
        "outcome": ("Medische zorg en advies over werk.", "Medical care and advice about work."),
        "next_steps": (
            "Vraag uw werkgever of de arbodienst om een afspraak.",
            "Ask your employer or the occupational health service for an appointment.",
        ),
    },
    {
        "slug": "leidinggevende-hr",
        "kind": K.MANAGER_HR,
        "anonymity": A.NONE,
        "name": ("Uw leidinggevende of HR", "Your manager or HR"),
        "summary": (
            "Een gesprek met uw leidinggevende of HR kan leiden tot bemiddeling, onderzoek of maatregelen van de werkgever.",
            "A conversation with your manager or HR can lead to mediation, an investigation or measures by the employer.",
        ),
        "audience": ("Medewerkers in dienst.", "Employed staff."),
        "anonymity_note": ("Uw werkgever weet wie u bent.", "Your employer knows who you are."),
        "outcome": ("Maatregelen van de werkgever.", "Measures by the employer."),
        "next_steps": (
            "Maak een afspraak. Een vertrouwenspersoon kan u helpen het gesprek voor te bereiden.",
            "Make an appointment. A confidential adviser can help you prepare.",
        ),
    },
]


def _t(nl: str, en: str) -> dict[str, str]:
    return {"nl": nl, "en": en}


def _a(key: str, nl: str, en: str) -> dict[str, Any]:
    return {"key": key, "label": _t(nl, en)}


NOT_ACUTE = {"none_of": ["danger.acute"]}
WORKS_HERE = ["relation.employee", "relation.freelance", "relation.producer"]

QUESTIONS: list[dict[str, Any]] = [
    {
        "key": "danger",
        "text": _t(
            "Is er nu gevaar, of gaat het om een misdrijf?",
            "Is there danger now, or is it about a crime?",
        ),
        "answers": [
            _a("acute", "Ja, er is nu gevaar", "Yes, there is danger now"),
            _a(
                "crime",
                "Het gaat om een misdrijf, zoals aanranding, bedreiging of mishandeling",
                "It is about a crime, such as sexual assault, threats or violence",
            ),
            _a("no", "Nee", "No"),
        ],
    },
    {
        "key": "relation",
        "text": _t(
            "Wat is uw band met de publieke omroep?",
            "What is your connection with the public broadcaster?",
        ),
        "ask_if": NOT_ACUTE,
        "answers": [
            _a(
                "employee",
                "Ik ben in dienst bij de NPO of een omroep",
                "I am employed by the NPO or a broadcaster",
            ),
            _a(
                "freelance",
                "Ik ben freelancer, stagiair of werk via een bureau",
                "I am a freelancer, intern or agency worker",
            ),
            _a(
                "producer",
                "Ik werk bij een producent die programma's maakt voor de omroep",
                "I work for a producer that makes programmes for the broadcaster",
            ),
            _a("former", "Ik werkte er vroeger", "I used to work there"),
            _a("outside", "Geen van deze", "None of these"),
        ],
    },
    {
        "key": "what",
        "text": _t("Waar gaat het over?", "What is it about?"),
        "hint": _t("Kies alles wat past.", "Choose everything that applies."),
        "multiple": True,
        "ask_if": NOT_ACUTE,
        "answers": [
            _a(
                "behaviour",
                "Ongewenst gedrag, zoals pesten, intimidatie, agressie of machtsmisbruik",
                "Unwanted behaviour, such as bullying, intimidation, aggression or abuse of power",
            ),
            _a(
                "sexual",
                "Seksuele intimidatie of grensoverschrijdend gedrag",
                "Sexual harassment or sexual misconduct",
            ),
            _a("discrimination", "Discriminatie of racisme", "Discrimination or racism"),
            _a(
                "wrongdoing",
                "Een misstand, zoals fraude, gevaar of meldingen die niet worden opgepakt",
                "Wrongdoing, such as fraud, danger or reports that are not taken up",
            ),
            _a("other", "Iets anders, of ik weet het niet", "Something else, or I do not know"),
        ],
    },
    {
        "key": "past",
        "text": _t(
            "Gaat het om iets van vroeger waar u nu nog last van hebt?",
            "Is it about something in the past that still affects you?",
        ),
        "ask_if": {"all_of": ["relation.former"], "none_of": ["danger.acute"]},
        "answers": [_a("yes", "Ja", "Yes"), _a("no", "Nee", "No")],
    },
    {
        "key": "want",
        "text": _t("Wat wilt u?", "What do you want?"),
        "hint": _t(
            "Kies alles wat past. U kunt later nog van gedachten veranderen.",
            "Choose everything that applies. You can still change your mind later.",
        ),
        "multiple": True,
        "ask_if": NOT_ACUTE,
        "answers": [
            _a("heard", "Mijn verhaal kwijt en advies", "Tell my story and get advice"),
            _a(
                "informal",
                "Het oplossen zonder formele klacht",
                "Solve it without a formal complaint",
            ),
            _a(
                "complaint",
                "Een formele klacht, met een oordeel",
                "A formal complaint, with a decision",
            ),
            _a(
                "ruling",
                "Een oordeel over discriminatie van een onafhankelijke instantie",
                "A ruling on discrimination by an independent body",
            ),
            _a("criminal", "Aangifte doen", "Report a crime to the police"),
            _a("health", "Hulp voor mijn gezondheid", "Help for my health"),
            _a(
                "signal",
                "Laten weten dat er iets misgaat in de organisatie",
                "Let people know that something is wrong in the organisation",
            ),
        ],
    },
    {
        "key": "trust",
        "text": _t(
            "Vertrouwt u erop dat uw eigen organisatie dit goed oppakt?",
            "Do you trust your own organisation to deal with this well?",
        ),
        "ask_if": {"any_of": WORKS_HERE, "none_of": ["danger.acute"]},
        "answers": [
            _a("yes", "Ja", "Yes"),
            _a("no", "Nee", "No"),
            _a("unknown", "Weet ik niet", "I do not know"),
        ],
    },
    {
        "key": "anonymous",
        "text": _t("Wilt u anoniem blijven?", "Do you want to stay anonymous?"),
        "ask_if": NOT_ACUTE,
        "answers": [
            _a("everyone", "Ja, voor iedereen", "Yes, towards everyone"),
            _a(
                "employer",
                "Ja, in elk geval voor mijn werkgever",
                "Yes, at least towards my employer",
            ),
            _a("no", "Nee, mijn naam mag bekend zijn", "No, my name may be known"),
            _a("unknown", "Weet ik nog niet", "I do not know yet"),
        ],
    },
]

ANONYMOUS = ["anonymous.everyone", "anonymous.employer"]


def _r(
    key: str, effect: str, route: str, weight: int, nl: str, en: str, **when: Any
) -> dict[str, Any]:
    return {
        "key": key,
        "effect": effect,
        "route": route,
        "weight": weight,
        "reason": _t(nl, en),
        "when": {
            "all_of": when.get("all_of", []),
            "any_of": when.get("any_of", []),
            "none_of": when.get("none_of", []),
        },
    }


VP = "overkoepelende-vertrouwenspersonen"
RULES: list[dict[str, Any]] = [
    _r(
        "acute-danger",
        "include",
        "noodhulp",
        1000,
        "Omdat er nu gevaar is. Bel eerst 112.",
        "Because there is danger now. Call 112 first.",
        all_of=["danger.acute"],
    ),
    _r(
        "crime",
        "include",
        "politie",
        500,
        "Omdat het om een misdrijf gaat, kunt u aangifte doen.",
        "Because it is about a crime, you can report it to the police.",
        all_of=["danger.crime"],
    ),
    _r(
        "wants-criminal-case",
        "include",
        "politie",
        40,
        "Omdat u aangifte wilt doen.",
        "Because you want to report it to the police.",
        all_of=["want.criminal"],
    ),
    _r(
        "adviser-always",
        "include",
        VP,
        10,
        "Een vertrouwenspersoon luistert, denkt mee en helpt u kiezen. U houdt zelf de regie.",
        "A confidential adviser listens, thinks along and helps you choose. You stay in control.",
        none_of=["danger.acute"],
    ),
    _r(
        "wants-to-be-heard",
        "rank",
        VP,
        20,
        "Omdat u uw verhaal kwijt wilt en advies zoekt.",
        "Because you want to tell your story and get advice.",
        all_of=["want.heard"],
    ),
    _r(
        "no-trust",
        "rank",
        VP,
        15,
        "Omdat u liever buiten uw eigen organisatie om gaat.",
        "Because you would rather go outside your own organisation.",
        all_of=["trust.no"],
    ),
    _r(
        "anonymous-adviser",
        "rank",
        VP,
        10,
        "Omdat u anoniem wilt blijven: de vertrouwenspersoon vertelt niets aan uw werkgever zonder uw toestemming.",
        "Because you want to stay anonymous: the confidential adviser tells your employer nothing without your consent.",
        any_of=ANONYMOUS,
    ),
    _r(
        "own-adviser",
        "include",
        "vertrouwenspersoon-werkgever",
        15,
        "Omdat u uw eigen organisatie vertrouwt, kunt u ook bij de vertrouwenspersoon van uw werkgever terecht.",
        "Because you trust your own organisation, you can also go to your employer's confidential adviser.",
        all_of=["trust.yes"],
    ),
    _r(
        "complaint",
        "include",
        "klachtencommissie",
        30,
        "Omdat u een formele klacht wilt. De commissie hoort beide kanten en adviseert uw werkgever.",
        "Because you want a formal complaint. The committee hears both sides and advises your employer.",
        all_of=["want.complaint"],
        none_of=["relation.outside"],
    ),
    _r(
        "complaint-not-anonymous",
        "exclude",
        "klachtencommissie",
        0,
        "",
        "",
        any_of=["anonymous.everyone"],
    ),
    _r(
        "informal",
        "include",
        "leidinggevende-hr",
        15,
        "Omdat u het wilt oplossen zonder formele klacht, en uw organisatie vertrouwt.",
        "Because you want to solve it without a formal complaint, and you trust your organisation.",
        all_of=["want.informal", "trust.yes"],
    ),
    _r("manager-not-anonymous", "exclude", "leidinggevende-hr", 0, "", "", any_of=ANONYMOUS),
    _r(
        "ruling-discrimination",
        "include",
        "college-rechten-van-de-mens",
        25,
        "Omdat u een onafhankelijk oordeel over discriminatie wilt.",
        "Because you want an independent ruling on discrimination.",
        all_of=["want.ruling"],
    ),
    _r(
        "ruling-harassment",
        "rank",
        "college-rechten-van-de-mens",
        5,
        "Seksuele intimidatie en discriminatie vallen onder de gelijke-behandelingswetgeving.",
        "Sexual harassment and discrimination fall under equal-treatment law.",
        any_of=["what.sexual", "what.discrimination"],
    ),
    _r(
        "wrongdoing",
        "include",
        "integriteitsmelding",
        30,
        "Omdat het gaat om een misstand die het algemeen belang kan raken.",
        "Because it is about wrongdoing that may affect the public interest.",
        all_of=["what.wrongdoing"],
    ),
    _r(
        "wrongdoing-external",
        "include",
        "huis-voor-klokkenluiders",
        10,
        "Voor onafhankelijk advies over het melden van een misstand.",
        "For independent advice on reporting wrongdoing.",
        all_of=["what.wrongdoing"],
    ),
    _r(
        "signal-failing-system",
        "include",
        "integriteitsmelding",
        20,
        "Omdat u wilt laten weten dat er iets misgaat in de organisatie.",
        "Because you want to let people know that something is wrong in the organisation.",
        all_of=["want.signal"],
    ),
    _r(
        "signal-regulator",
        "include",
        "commissariaat-voor-de-media",
        5,
        "De toezichthouder neemt signalen aan over omroepen, maar helpt u niet persoonlijk.",
        "The regulator takes signals about broadcasters, but does not help you personally.",
        all_of=["want.signal"],
    ),
    _r(
        "health",
        "include",
        "bedrijfsarts",
        20,
        "Omdat u hulp wilt voor uw gezondheid.",
        "Because you want help for your health.",
        all_of=["want.health"],
        none_of=["relation.outside", "relation.former"],
    ),
    _r(
        "aftercare",
        "include",
        "bureau-nazorg",
        25,
        "Omdat u nog last hebt van iets van vroeger.",
        "Because something in the past still affects you.",
        all_of=["past.yes"],
    ),
    _r(
        "sector-wide-support",
        "include",
        "mores-online",
        10,
        "Voor iedereen in de culturele en creatieve sector, ook zonder vaste werkgever.",
        "For anyone in the cultural and creative sector, also without a steady employer.",
        any_of=["relation.freelance", "relation.producer", "relation.outside"],
    ),
]

RULE_SET_CONTENT: dict[str, Any] = {
    "questions": QUESTIONS,
    "rules": RULES,
    "fallback_routes": [VP],
    "fallback_reason": _t(
        "De vertrouwenspersonen helpen iedereen verder, ook als niets anders past.",
        "The confidential advisers help anyone, also when nothing else fits.",
    ),
}

# The shared code of conduct ("code gewenste omgangsvormen", seed themes B and C).
CORE_VALUES: list[dict[str, tuple[str, str]]] = [
    {
        "name": ("Respectvol", "Respectful"),
        "text": (
            "We behandelen iedereen met respect, ongeacht positie, achtergrond, gender of geaardheid. We luisteren naar elkaar en respecteren grenzen.",
            "We treat everyone with respect, whatever their position, background, gender or orientation. We listen to each other and respect boundaries.",
        ),
    },
    {
        "name": ("Betrouwbaar", "Reliable"),
        "text": (
            "We doen wat we zeggen, gaan zorgvuldig om met wat ons wordt toevertrouwd en spreken elkaar aan als iets niet goed gaat.",
            "We do what we say, handle what we are trusted with carefully and speak up when something is not right.",
        ),
    },
    {
        "name": ("Sociaal", "Caring"),
        "text": (
            "We zorgen voor elkaar en voor een veilige werkplek. Wie ongewenst gedrag ziet of meemaakt, staat er niet alleen voor.",
            "We look after each other and after a safe workplace. Anyone who sees or experiences unwanted behaviour is not on their own.",
        ),
    },
]
