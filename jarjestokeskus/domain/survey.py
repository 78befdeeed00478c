"""The yearly survey of the member organisations for the welfare report: kinds of question and the
default question set (sections and questions in Finnish and Swedish, no personal data asked)."""

from __future__ import annotations

from dataclasses import dataclass

from jarjestokeskus.domain.enums import LabelledEnum
from jarjestokeskus.i18n import N_

_LABELS = {
    "QuestionKind": {
        "number": N_("Number"),
        "choice": N_("One choice"),
        "multi": N_("Several choices"),
        "text": N_("Free text"),
    },
    "ResponseState": {"answered": N_("Answered"), "partly": N_("Partly answered"), "missing": N_("Not yet")},
}


class _SurveyEnum(LabelledEnum):
    @classmethod
    def _labels(cls) -> dict[str, str]:
        return _LABELS[cls.__name__]


class QuestionKind(_SurveyEnum):
    NUMBER = "number"
    CHOICE = "choice"
    MULTI = "multi"
    TEXT = "text"


class ResponseState(_SurveyEnum):
    ANSWERED = "answered"
    PARTLY = "partly"
    MISSING = "missing"


@dataclass(frozen=True)
class QuestionSpec:
    """A question as data: its stable key (answers are compared across years by it), texts, options."""

    key: str
    section_fi: str
    section_sv: str
    text_fi: str
    text_sv: str
    kind: QuestionKind
    options: tuple[tuple[str, str, str], ...] = ()  # (key, Finnish, Swedish)


# Keys the welfare report reads; a question set may add others.
GROUPS, PARTICIPANTS, VOLUNTEERS, VOLUNTEER_HOURS = "groups", "participants", "volunteers", "volunteer_hours"
ACTIVITIES, TARGET_GROUPS, PREMISES, THEMES = "activities", "target_groups", "premises", "themes"
OBSERVATIONS, WISHES_MUNICIPALITY, WISHES_COUNTY, QUOTE = (
    "observations",
    "wishes_municipality",
    "wishes_county",
    "quote",
)
QUOTE_NAMED, QUOTE_ANONYMOUS, QUOTE_NO = "named", "anonymous", "no"

_A = ("Toiminta", "Verksamhet")
_B = ("Kohderyhmät ja tilat", "Målgrupper och lokaler")
_C = ("Havainnot asukkaiden hyvinvoinnista", "Iakttagelser om invånarnas välfärd")
_D = ("Toiveet ja lainaaminen", "Önskemål och citering")

DEFAULT_QUESTIONS: tuple[QuestionSpec, ...] = (
    QuestionSpec(
        ACTIVITIES,
        *_A,
        "Mitä toimintaa järjestönne piti vuoden aikana?",
        "Vilken verksamhet ordnade er organisation under året?",
        QuestionKind.MULTI,
        (
            ("peer", "Vertaistukiryhmät", "Kamratstödsgrupper"),
            ("hobby", "Harrastus- ja virkistystoiminta", "Hobby- och rekreationsverksamhet"),
            ("advice", "Neuvonta ja ohjaus", "Rådgivning och handledning"),
            ("sport", "Liikunta", "Motion"),
            ("culture", "Kulttuuri", "Kultur"),
            ("events", "Tapahtumat ja leirit", "Evenemang och läger"),
            ("other", "Muu", "Annat"),
        ),
    ),
    QuestionSpec(
        GROUPS,
        *_A,
        "Ryhmien ja toimintamuotojen määrä",
        "Antal grupper och verksamhetsformer",
        QuestionKind.NUMBER,
    ),
    QuestionSpec(
        PARTICIPANTS,
        *_A,
        "Osallistujia yhteensä (arvio)",
        "Deltagare sammanlagt (uppskattning)",
        QuestionKind.NUMBER,
    ),
    QuestionSpec(VOLUNTEERS, *_A, "Vapaaehtoisia", "Frivilliga", QuestionKind.NUMBER),
    QuestionSpec(
        VOLUNTEER_HOURS,
        *_A,
        "Vapaaehtoistyön tunnit (arvio)",
        "Timmar frivilligarbete (uppskattning)",
        QuestionKind.NUMBER,
    ),
    QuestionSpec(
        TARGET_GROUPS,
        *_B,
        "Keitä toimintanne tavoitti?",
        "Vilka nådde er verksamhet?",
        QuestionKind.MULTI,
        (
            ("children", "Lapset ja nuoret", "Barn och unga"),
            ("working_age", "Työikäiset", "Personer i arbetsför ålder"),
            ("older", "Ikääntyneet", "Äldre"),
            ("families", "Lapsiperheet", "Barnfamiljer"),
            ("immigrants", "Maahan muuttaneet", "Invandrare"),
            ("disabled", "Vammaiset", "Personer med funktionsnedsättning"),
            (
                "mental_health",
                "Mielenterveys- ja päihdekuntoutujat",
                "Personer i mentalvårds- och missbrukarrehabilitering",
            ),
            ("other", "Muut", "Andra"),
        ),
    ),
    QuestionSpec(
        PREMISES,
        *_B,
        "Missä tiloissa toimitte pääasiassa?",
        "I vilka lokaler verkar ni främst?",
        QuestionKind.CHOICE,
        (
            (
                "municipal",
                "Kunnan tai hyvinvointialueen tiloissa",
                "I kommunens eller välfärdsområdets lokaler",
            ),
            ("own", "Omissa tai vuokratiloissa", "I egna eller hyrda lokaler"),
            (
                "other",
                "Muiden järjestöjen tai seurakunnan tiloissa",
                "I andra organisationers eller församlingens lokaler",
            ),
            ("none", "Ei tiloja", "Inga lokaler"),
        ),
    ),
    QuestionSpec(
        THEMES,
        *_C,
        "Mitä ilmiöitä olette havainneet asukkaiden hyvinvoinnissa?",
        "Vilka fenomen har ni iakttagit i invånarnas välfärd?",
        QuestionKind.MULTI,
        (
            ("loneliness", "Yksinäisyys", "Ensamhet"),
            ("mental_health", "Mielenterveys", "Psykisk hälsa"),
            ("livelihood", "Toimeentulo", "Utkomst"),
            ("substances", "Päihteet", "Rusmedel"),
            ("mobility", "Liikkuminen ja kulkeminen", "Rörlighet och resor"),
            ("participation", "Osallisuus", "Delaktighet"),
            ("safety", "Turvallisuus", "Trygghet"),
            ("services", "Palvelujen saavutettavuus", "Tillgången till tjänster"),
        ),
    ),
    QuestionSpec(
        OBSERVATIONS,
        *_C,
        "Kuvatkaa havaintojanne (heikot signaalit). Älkää kirjoittako henkilötietoja.",
        "Beskriv era iakttagelser (svaga signaler). Skriv inga personuppgifter.",
        QuestionKind.TEXT,
    ),
    QuestionSpec(
        WISHES_MUNICIPALITY, *_D, "Mitä toivotte kunnalta?", "Vad önskar ni av kommunen?", QuestionKind.TEXT
    ),
    QuestionSpec(
        WISHES_COUNTY,
        *_D,
        "Mitä toivotte hyvinvointialueelta?",
        "Vad önskar ni av välfärdsområdet?",
        QuestionKind.TEXT,
    ),
    QuestionSpec(
        QUOTE,
        *_D,
        "Saako vastaustanne lainata hyvinvointikertomuksessa?",
        "Får ert svar citeras i välfärdsberättelsen?",
        QuestionKind.CHOICE,
        (
            (QUOTE_NAMED, "Kyllä, järjestön nimellä", "Ja, med organisationens namn"),
            (QUOTE_ANONYMOUS, "Kyllä, nimettömänä", "Ja, anonymt"),
            (QUOTE_NO, "Ei", "Nej"),
        ),
    ),
)
