"""The demo's cooperation structures as data: bodies, seats, meetings, the checklist, grants, premises, activities.

Organisations are named by the scenario's keys (resources/demo/scenario.json); persons by name
(found among the scenario's persons, else added). Written for 23.11.2026, like the scenario.
"""

from __future__ import annotations

# The tables are kept one row a line.
# fmt: off

VAASA_CITY, COUNTY = ("Vaasa", "Pohjanmaan hyvinvointialue")

# key, kind, name_fi, name_sv, area_kind, area, term_start, term_end
BODIES = (
    ("vaasa_board", "advisory_board", "Vaasan järjestöneuvottelukunta", "Vasa organisationsdelegation", "municipality", VAASA_CITY, "2025-06-01", "2029-05-31"),
    ("korsholm_board", "advisory_board", "Mustasaaren järjestöneuvottelukunta", "Korsholms organisationsdelegation", "municipality", "Korsholm", "2025-06-01", "2029-05-31"),
    ("county_group", "working_group", "Järjestöyhteistyön työryhmä", "Arbetsgruppen för organisationssamarbete", "wellbeing_county", COUNTY, "2025-09-01", "2027-08-31"),
    ("county_table", "partnership_table", "Mielenterveys- ja päihdetyön kumppanuuspöytä", "Partnerskapsbordet för mentalvårds- och missbruksarbete", "wellbeing_county", COUNTY, "2024-01-01", None),
)

# body, first name, last name, organisation key, role, start, end
SEATS = (
    ("vaasa_board", "Katja", "Mäenpää", "home", "chair", "2025-06-01", None),
    ("vaasa_board", "Jessica", "Björkqvist", "m01", "member", "2025-06-01", None),
    ("vaasa_board", "Aino", "Luoma", "m02", "member", "2025-06-01", "2026-12-15"),
    ("vaasa_board", "Heikki", "Kallio", "m02", "deputy", "2025-06-01", None),
    ("vaasa_board", "Stefan", "Kullas", "m08", "member", "2025-06-01", None),
    ("vaasa_board", "Aino", "Ketola", "m14", "deputy", "2025-06-01", None),
    ("vaasa_board", "Pertti", "Haavisto", "home", "member", "2021-08-01", "2025-05-31"),
    ("korsholm_board", "Kristian", "Lillqvist", "m22", "chair", "2025-06-01", None),
    ("korsholm_board", "Lena", "Ehrström", "m21", "member", "2025-06-01", None),
    ("korsholm_board", "Johan", "Sundqvist", "home", "member", "2025-06-01", None),
    ("korsholm_board", "Ville", "Niemi", "m20", "deputy", "2025-06-01", None),
    ("county_group", "Katja", "Mäenpää", "home", "member", "2025-09-01", None),
    ("county_group", "Patrik", "Sjöberg", "m23", "member", "2025-09-01", "2027-08-31"),
    ("county_group", "Johanna", "Westerlund", "m28", "deputy", "2025-09-01", "2027-08-31"),
    ("county_table", "Heikki", "Kallio", "m02", "member", "2024-01-01", None),
    ("county_table", "Anna-Lena", "Dahlvik", "m17", "member", "2024-01-01", None),
    ("county_table", "Minna", "Kallioniemi", "home", "vice_chair", "2024-01-01", "2026-12-31"),
)

# body, date, agenda, decisions
MEETINGS = (
    ("vaasa_board", "2026-02-12", "1. Avustusperiaatteet 2027\n2. Järjestöjen tilat", "Avustusperiaatteiden luonnos lähetetään järjestöille kommentoitavaksi."),
    ("vaasa_board", "2026-05-20", "1. Hyvinvointikertomuksen kokemustieto\n2. Yhteinen vuosikello", "Kysely järjestöille syyskuussa; vuosikello valmistellaan syksyn kokoukseen."),
    ("vaasa_board", "2026-09-16", "1. Vuosikellon luonnos\n2. Tilojen käytön periaatteet", "Tilojen periaatteet hyväksyttiin esitettäväksi lautakunnalle."),
    ("vaasa_board", "2026-12-09", "1. Vuoden 2027 kokoukset\n2. Avustuspäätökset 2027", ""),
    ("korsholm_board", "2026-03-10", "1. Föreningsbidrag 2026\n2. Samarbetsguide", "Guiden bereds av kommunen."),
    ("korsholm_board", "2026-10-06", "1. Samarbetsguide, utkast", "Utkastet remitteras till föreningarna."),
    ("korsholm_board", "2027-01-20", "1. Verksamhetsplan 2027", ""),
    ("county_group", "2026-04-22", "1. Kumppanuusasiakirja\n2. Järjestökoordinaattori", "Kumppanuusasiakirja hyväksyttiin aluehallituksen käsittelyyn."),
    ("county_group", "2026-12-02", "1. Avustusperiaatteet\n2. Työryhmien kokoonpano", ""),
    ("county_table", "2026-06-03", "1. Matalan kynnyksen palvelut", "Kartoitus järjestöjen palveluista syksyllä."),
)

# Checklist states per element in the template's order: P in place, R in preparation, N none, . not assessed.
CHECKLIST = (
    ("jarjesto20", "municipality", VAASA_CITY, "PPRNRRNP", "PPPRPRRP"),
    ("jarjesto20", "municipality", "Korsholm", "PRNNNRNN", "PPRNNPNN"),
    ("jarjesto20", "municipality", "Jakobstad", "PNNNPPNR", "PRNNPPNP"),
    ("jarjesto20", "municipality", "Närpes", "NNNNNRNN", "RNNNNPNN"),
    ("jarjesto20", "municipality", "Laihia", "RPNNNPNN", "PPNNNPNN"),
    ("jarjesto20", "municipality", "Kristinestad", "........", "NRNNNPNN"),
    ("county_document", "wellbeing_county", COUNTY, "RNRPNNR", "PRPPRNR"),
)

CHECKLIST_YEARS = (2025, 2026)

# area, template position, owner, date (the 2026 entry's)
CHECKLIST_DETAILS = (
    (VAASA_CITY, 4, "Hyvinvointikoordinaattori", "2026-12-31"),
    (VAASA_CITY, 7, "Kaupunginkanslia", "2027-03-31"),
    ("Korsholm", 3, "Kommunkansliet", "2027-01-31"),
    (COUNTY, 2, "Osallisuuspalvelut", "2027-02-28"),
)

# organisation, year, grantor kind, grantor, instrument, applied, granted
GRANTS = (
    ("m01", 2026, "municipality", VAASA_CITY, "operating", "6000", "5000"),
    ("m02", 2026, "municipality", VAASA_CITY, "operating", "8000", "7000"),
    ("m05", 2026, "municipality", VAASA_CITY, "operating", "3000", "2500"),
    ("m10", 2026, "municipality", VAASA_CITY, "one_off", "1500", "1000"),
    ("m14", 2026, "municipality", VAASA_CITY, "project", "12000", "10000"),
    ("m18", 2026, "municipality", VAASA_CITY, "operating", "4000", "0"),
    ("m43", 2026, "municipality", VAASA_CITY, "operating", "5000", "4500"),
    ("m20", 2026, "municipality", "Korsholm", "operating", "2000", "1500"),
    ("m21", 2026, "municipality", "Korsholm", "one_off", "800", "800"),
    ("m02", 2026, "wellbeing_county", COUNTY, "project", "20000", "18000"),
    ("m17", 2026, "wellbeing_county", COUNTY, "operating", "10000", "9000"),
    ("m23", 2026, "wellbeing_county", COUNTY, "project", "15000", "12000"),
    ("m30", 2026, "wellbeing_county", COUNTY, "operating", "5000", "4000"),
    ("m01", 2025, "municipality", VAASA_CITY, "operating", "6000", "4500"),
    ("m02", 2025, "municipality", VAASA_CITY, "operating", "7000", "6500"),
    ("m05", 2025, "municipality", VAASA_CITY, "operating", "3000", "2000"),
    ("m14", 2025, "municipality", VAASA_CITY, "project", "12000", "9000"),
    ("m43", 2025, "municipality", VAASA_CITY, "operating", "4000", "4000"),
    ("m20", 2025, "municipality", "Korsholm", "operating", "1500", "1500"),
    ("m02", 2025, "wellbeing_county", COUNTY, "project", "20000", "15000"),
    ("m17", 2025, "wellbeing_county", COUNTY, "operating", "9000", "8000"),
)

# organisation, owner kind, owner (a municipality of the register, either name), address, free of charge, rent a month, accessible, start, end
PREMISES = (
    ("m01", "municipality", VAASA_CITY, "Hietasaarenkatu 7, Vaasa", True, None, True, "2020-01-01", None),
    ("m02", "municipality", VAASA_CITY, "Hietasaarenkatu 7, Vaasa", True, None, True, "2020-01-01", None),
    ("m03", "municipality", VAASA_CITY, "Kirkkopuistikko 26, Vaasa", False, "120", True, "2021-03-01", None),
    ("m04", "municipality", VAASA_CITY, "Kirkkopuistikko 26, Vaasa", False, "120", True, "2021-03-01", None),
    ("m07", "municipality", VAASA_CITY, "Palosaarentie 58, Vaasa", True, None, False, "2019-01-01", None),
    ("m09", "municipality", VAASA_CITY, "Ruutikellarintie 4, Vaasa", True, None, True, "2022-01-01", None),
    ("m14", "municipality", VAASA_CITY, "Pitkäkatu 33, Vaasa", True, None, False, "2023-01-01", "2025-12-31"),
    ("m16", "municipality", VAASA_CITY, "Ruutikellarintie 4, Vaasa", True, None, True, "2022-01-01", None),
    ("m17", "municipality", VAASA_CITY, "Hovioikeudenpuistikko 9, Vaasa", False, "250", True, "2018-01-01", None),
    ("m22", "municipality", "Korsholm", "Skolvägen 1, Korsholm", True, None, True, "2020-01-01", None),
    ("m23", "municipality", "Jakobstad", "Storgatan 6, Jakobstad", False, "90", True, "2021-01-01", None),
    ("m24", "municipality", "Jakobstad", "Storgatan 6, Jakobstad", False, "90", True, "2021-01-01", None),
    ("m28", "municipality", "Närpes", "Kyrkvägen 12, Närpes", True, None, False, "2020-01-01", None),
    ("m32", "municipality", "Laihia", "Laihiantie 40, Laihia", True, None, True, "2020-01-01", None),
    ("m08", "other", "Vasa svenska församling", "Kyrkoesplanaden 4, Vasa", True, None, False, "2015-01-01", None),
    ("m33", "other", "Laihian Urheilijat ry", "Urheilutie 2, Laihia", False, None, False, "2010-01-01", None),
)

# organisation, title fi, title sv, audience, place, municipality, schedule, languages, contact
ACTIVITIES = (
    ("m01", "Omaishoitajien vertaisryhmä", "Kamratgrupp för närståendevårdare", "Omaishoitajat", "Hietasaarenkatu 7", VAASA_CITY, "Tiistaisin 17–19", "fi, sv", "toimisto@omaishoitajat.example"),
    ("m02", "Mielenterveyden kohtaamispaikka", "Mötesplats för psykisk hälsa", "Aikuiset", "Hietasaarenkatu 7", VAASA_CITY, "Ma–pe 10–15", "fi, sv", "06 000 1102"),
    ("m04", "Muistikahvila", "Minneskafé", "Muistisairaat ja läheiset", "Kirkkopuistikko 26", VAASA_CITY, "Kuukauden 1. torstai", "fi, sv", "muisti@example.fi"),
    ("m14", "Suomen kielen keskusteluryhmä", "", "Maahan muuttaneet", "Pitkäkatu 33", VAASA_CITY, "Keskiviikkoisin 13–15", "fi, en", "info@monikulttuuri.example"),
    ("m17", "Päihdetyön neuvonta", "Rådgivning i missbruksfrågor", "Päihteitä käyttävät ja läheiset", "Hovioikeudenpuistikko 9", VAASA_CITY, "Ma–to 9–16", "fi, sv", "06 000 1117"),
    ("m22", "", "Kamratgrupp för närståendevårdare", "Närståendevårdare", "Skolvägen 1", "Korsholm", "Varannan onsdag 13–15", "sv", "korsholm.pensionarer@example.fi"),
    ("m23", "Omaishoitajien vertaisryhmä", "Kamratgrupp för närståendevårdare", "Omaishoitajat", "Storgatan 6", "Jakobstad", "Torstaisin 18", "fi, sv", "narstaende@example.fi"),
    ("m28", "", "Hjärtgympa", "Hjärtpatienter", "Kyrkvägen 12", "Närpes", "Måndagar 10", "sv", "06 000 1128"),
    ("m32", "Eläkeläisten kuntopiiri", "", "Eläkeläiset", "Laihiantie 40", "Laihia", "Perjantaisin 10", "fi", "06 000 1132"),
    ("m43", "Perhekahvila", "Familjecafé", "Lapsiperheet", "Kirkkopuistikko 1", VAASA_CITY, "Perjantaisin 9–12", "fi, sv", "perhe@example.fi"),
)
# fmt: on
