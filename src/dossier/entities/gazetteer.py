"""A small hand-written gazetteer: countries, their other names and demonyms, and titles.

These are facts of general knowledge, not names from any one story. They let
the recognizer tag "Chinese" as a place and link it to China, fold "U.S.",
"US", "the United States" and "America" into one entity, and read the title
in "Foreign Minister Wang Yi" or "a spokesman for the ministry".
"""

from __future__ import annotations

from functools import cache

from dossier.words import word_list

# canonical name | other names | demonyms and adjectives
_COUNTRIES = """
United States|U.S.;US;USA;U.S.A.;America;United States of America|American;Americans;U.S.
China|People's Republic of China;PRC;Beijing's|Chinese
Russia|Russian Federation|Russian;Russians
United Kingdom|UK;U.K.;Britain;Great Britain|British;Briton;Britons
France||French
Germany||German;Germans
Japan||Japanese
India||Indian;Indians
Pakistan||Pakistani;Pakistanis
Afghanistan||Afghan;Afghans
Iran||Iranian;Iranians
Iraq||Iraqi;Iraqis
Syria||Syrian;Syrians
Israel||Israeli;Israelis
Egypt||Egyptian;Egyptians
Saudi Arabia||Saudi;Saudis
Turkey|Türkiye|Turkish;Turks
Ukraine||Ukrainian;Ukrainians
Poland||Polish;Poles
Italy||Italian;Italians
Spain||Spanish
Canada||Canadian;Canadians
Mexico||Mexican;Mexicans
Brazil||Brazilian;Brazilians
Argentina||Argentine;Argentinian
Australia||Australian;Australians
New Zealand||
South Korea|Republic of Korea|South Korean;South Koreans
North Korea|DPRK|North Korean;North Koreans
Taiwan||Taiwanese
Vietnam|Viet Nam|Vietnamese
Philippines||Philippine;Filipino;Filipinos
Indonesia||Indonesian;Indonesians
Malaysia||Malaysian;Malaysians
Thailand||Thai
Singapore||Singaporean
Nigeria||Nigerian;Nigerians
Kenya||Kenyan;Kenyans
Ethiopia||Ethiopian;Ethiopians
South Africa||South African;South Africans
Sudan||Sudanese
Somalia||Somali;Somalis
Lebanon||Lebanese
Jordan||Jordanian
Yemen||Yemeni;Yemenis
Qatar||Qatari
Netherlands|Holland|Dutch
Belgium||Belgian
Switzerland||Swiss
Sweden||Swedish
Norway||Norwegian
Finland||Finnish
Denmark||Danish
Greece||Greek;Greeks
Cuba||Cuban;Cubans
Venezuela||Venezuelan;Venezuelans
Colombia||Colombian;Colombians
Chile||Chilean
Peru||Peruvian
"""


#: Words that name an office or a job; before a name they make it a title.
TITLE_WORDS = word_list(
    """
    president vice prime minister secretary spokesman spokeswoman spokesperson chancellor premier
    ambassador envoy diplomat director chairman chairwoman chair chief general admiral commander
    senator congressman congresswoman representative governor mayor king queen prince princess
    leader head deputy foreign defense defence interior finance trade state security treasury
    national counselor adviser advisor minister's official officer judge justice attorney
    spokesman's ceo founder analyst professor dr. mr. mrs. ms. sen. rep. gov. gen. pope
    colonel col. lieutenant lt. captain capt. major maj. adm. sergeant sgt. corporal brigadier commodore
    marshal inspector superintendent detective constable
    councillor councilor councilman councilwoman
    surgeon solicitor postmaster speaker
    """
)


def _parse() -> tuple[dict[str, str], dict[str, str]]:
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for line in _COUNTRIES.strip().splitlines():
        canonical, others, adjectives = line.split("|")
        for name in (canonical, *filter(None, others.split(";"))):
            names[name.lower()] = canonical
        for adjective in filter(None, adjectives.split(";")):
            demonyms[adjective.lower()] = canonical
    return names, demonyms


@cache
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    return _parse()


def country_for_name(name: str) -> str | None:
    """The canonical country a name or alias denotes ("the U.S." -> "United States")."""
    key = name.lower()
    if key.startswith("the "):
        key = key[4:]
    return _tables()[0].get(key)


def country_for_demonym(word: str) -> str | None:
    """The country a demonym refers to ("Chinese" -> "China"), else None."""
    return _tables()[1].get(word.lower())


def is_place_word(lowered: str) -> bool:
    names, demonyms = _tables()
    return lowered in names or lowered in demonyms


def is_title_word(lowered: str) -> bool:
    return lowered in TITLE_WORDS


#: First words of a place's name that no person's name opens with: "Mount Lisk", "Lake Velmar".
PLACE_OPENERS = frozenset({"mount", "mt", "mt.", "lake", "cape", "gulf", "fort", "ft", "ft."})

#: Last words of many newspapers' names: "Harbour Times", "Le Monde", "Daily Courier".
PRESS_ENDINGS = word_list(
    """
    times post journal herald tribune monde gazette news daily telegraph guardian chronicle courier mail
    inquirer dispatch examiner press observer
    """
)
#: Articles (in several languages) that open many newspapers' names and few people's.
PRESS_ARTICLES = word_list("el le la les die der das il lo los las")


def is_press_shaped(surface: str) -> bool:
    """Whether a name looks like a news outlet's on its own: "Le Quotidien", "Harbour Times"."""
    words = surface.casefold().split()
    if words[:1] == ["the"]:
        words = words[1:]
    return len(words) >= 2 and (words[0] in PRESS_ARTICLES or words[-1] in PRESS_ENDINGS)


# A given name's familiar forms that are not its opening letters (those :mod:`.variants` reads
# by rule: "Theo" for "Theodore", "Katie" for "Kathryn"): formal name | familiar forms.
_FAMILIAR_NAMES = """
william|bill;billy;will;willy;liam
robert|bob;bobby;rob;robbie;bert
richard|dick;rick;ricky;rich;richie
james|jim;jimmy;jamie
john|jack;johnny
michael|mike;mikey;mick;mickey
anthony|tony
antonio|tony
edward|ted;teddy;ned;eddie;ed
theodore|ted;teddy
charles|chuck;charlie;chas
henry|hank;harry;hal
harold|harry;hal
margaret|peggy;maggie;meg;madge
elizabeth|betty;beth;liz;lizzie;betsy;bess;eliza;libby
catherine|kate;cathy;kathy;katie
katherine|kate;kathy;cathy;katie
susan|sue;susie
patricia|patty;patsy;pat;trish
joseph|joe;joey
thomas|tom;tommy
gerald|jerry
jerome|jerry
lawrence|larry
laurence|larry
eugene|gene
alexander|sandy;alex;sasha
alexandra|sandy;alex;sasha
alexandros|alexis;alex
andrew|andy;drew
jeffrey|jeff
geoffrey|jeff
louis|lou
maurice|mo
morris|mo
peter|pete
terence|terry
theresa|terry;tess
walter|walt;wally
zachary|zach;zack
albert|al;bert
alfred|al;alf;fred
abraham|abe
jacob|jake
frank|frankie
francis|frank
nathan|nate
nathaniel|nate;nat
rudolph|rudy
bernard|bernie
rebecca|becky
deborah|debbie;deb
jacqueline|jackie
mary|molly;polly
sarah|sally
cynthia|cindy
amanda|mandy
virginia|ginny
jose|pepe
francisco|paco;pancho
ignacio|nacho
mikhail|misha
"""


@cache
def _familiar_forms() -> frozenset[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for line in _FAMILIAR_NAMES.strip().splitlines():
        formal, forms = line.split("|")
        pairs.update((form, formal) for form in forms.split(";"))
    return frozenset(pairs)


def is_familiar_form(first: str, second: str) -> bool:
    """Whether one case-folded given name is a familiar form of the other ("bill", "william")."""
    forms = _familiar_forms()
    return (first, second) in forms or (second, first) in forms
