"""Fictional articles for the story tests, written for them: places, people and figures are invented."""

from __future__ import annotations

import datetime as dt

from dossier.article import Article, article_id

QUAKE_VARNA = [
    (
        "Strong earthquake shakes Port Varna",
        "A strong earthquake of magnitude 6.8 struck Port Varna on Tuesday, collapsing two warehouses\n"
        "and cutting power to the harbour district, the Varna civil defence office said.\n"
        "Rescue teams led by commander Ilse Maro searched the rubble through the night.\n"
        "Three dock workers were reported missing near the Varna grain terminal.",
    ),
    (
        "Port Varna counts damage after 6.8 quake",
        "Officials in Port Varna said the magnitude 6.8 earthquake damaged forty buildings.\n"
        "Commander Ilse Maro said rescue teams pulled two dock workers alive from a warehouse.\n"
        "The Varna grain terminal stays closed while engineers inspect its cranes.",
    ),
    (
        "Varna rescuers find last missing dock worker",
        "Rescue teams in Port Varna found the third missing dock worker alive on Thursday,\n"
        "two days after the magnitude 6.8 earthquake, commander Ilse Maro told reporters.\n"
        "The Varna civil defence office said the harbour district has power again.",
    ),
]

QUAKE_TOLMIR = [
    (
        "Earthquake hits mountain town of Tolmir",
        "An earthquake of magnitude 5.1 hit the mountain town of Tolmir early on Sunday,\n"
        "cracking the walls of the old Tolmir abbey, mayor Ruben Alcaso said.\n"
        "No one was hurt, but the road to the Kessel pass was closed by a rockslide.",
    ),
    (
        "Tolmir abbey closed after 5.1 quake",
        "Mayor Ruben Alcaso closed the Tolmir abbey to visitors after Sunday's 5.1 earthquake.\n"
        "Engineers from the Kessel region said the bell tower leans and must be braced.\n"
        "The rockslide on the Kessel pass road was cleared by Monday evening.",
    ),
]

BUS_FARES = [
    (
        "Lindenport raises bus fares by ten cents",
        "The Lindenport transit board voted on Wednesday to raise bus fares by ten cents from May,\n"
        "board chair Odile Frensch said, citing the cost of diesel and new drivers' wages.\n"
        "Riders' groups in Lindenport said the increase would hurt students and pensioners.",
    ),
    (
        "Lindenport riders protest bus fare rise",
        "About two hundred riders gathered outside the Lindenport transit board on Friday\n"
        "to protest the ten-cent bus fare rise, which board chair Odile Frensch defended.\n"
        "Students said the Lindenport board had not consulted them before the vote.",
    ),
]


def make_article(
    title: str,
    text: str,
    *,
    source: str,
    outlet: str | None = "Test Wire",
    published: dt.date | None = dt.date(2025, 4, 1),
) -> Article:
    body = f"{title}\n{text}"
    return Article(
        id=article_id(body), source=source, text=body, title=title, outlet=outlet, published=published
    )


def articles(
    group: list[tuple[str, str]], prefix: str, start: dt.date | None = dt.date(2025, 4, 1)
) -> list[Article]:
    found: list[Article] = []
    for number, (title, text) in enumerate(group):
        published = start + dt.timedelta(days=number) if start is not None else None
        found.append(make_article(title, text, source=f"{prefix}-{number}.txt", published=published))
    return found


def stream() -> list[Article]:
    """The three stories interleaved, as a wire would deliver them."""
    varna = articles(QUAKE_VARNA, "varna")
    tolmir = articles(QUAKE_TOLMIR, "tolmir", dt.date(2025, 4, 2))
    fares = articles(BUS_FARES, "fares", dt.date(2025, 4, 1))
    return [varna[0], fares[0], tolmir[0], varna[1], fares[1], tolmir[1], varna[2]]


# Invented building blocks for a longer stream: every story gets its own town, person and figure.
_TOWNS = ("Orvel", "Brask", "Lunmo", "Tessik", "Dravo", "Kerrin", "Melvosk", "Satrun", "Pelago", "Idrin")
_PEOPLE = ("Ana Vetch", "Joro Palm", "Lise Ormond", "Tam Kuri", "Edda Flin", "Pavo Senn", "Rhea Doss")
_EVENTS = (
    ("flood", "river {town} burst its banks after {n} days of rain", "water reached {n} houses"),
    ("strike", "bus drivers in {town} walked out over pay", "{n} routes stopped running"),
    ("fire", "a warehouse fire in {town} burned through the night", "{n} firefighters fought it"),
    ("vote", "the {town} council voted on a new harbour plan", "the plan passed by {n} votes"),
)
_FILLER = (
    "{person} told reporters in {town} that more news would follow.",
    "Residents of {town} gathered near the square on the second day.",
    "Officials said the count of {n} could still change.",
    "{person} visited the site and spoke with families from {town}.",
    "Local radio in {town} carried updates every hour.",
)


def varied_stream(count: int, seed: int) -> list[Article]:
    """``count`` articles of about ``count // 4`` invented stories, interleaved and dated, from ``seed``.

    One article in eight repeats an earlier one of its story under a new title (a wire copy).
    """
    import random

    draw = random.Random(seed)
    stories = [
        (draw.choice(_EVENTS), f"{draw.choice(_TOWNS)}{number}", draw.choice(_PEOPLE), draw.randint(3, 900))
        for number in range(max(1, count // 4))
    ]
    made: list[Article] = []
    by_story: dict[int, list[Article]] = {}
    for number in range(count):
        index = draw.randrange(len(stories))
        (kind, lead, detail), town, person, figure = stories[index]
        published = dt.date(2025, 1, 1) + dt.timedelta(days=index * 3 + draw.randint(0, 2))
        earlier = by_story.get(index, [])
        if earlier and draw.random() < 0.125:
            text = earlier[0].text.split("\n", 1)[1]
        else:
            values = {"town": town, "person": person, "n": figure}
            lines = [lead.format(**values).capitalize() + ".", detail.format(**values).capitalize() + "."]
            lines += [line.format(**values) for line in draw.sample(_FILLER, 3)]
            text = "\n".join(lines)
        title = f"{town} {kind}: update {number}"
        article = make_article(title, text, source=f"wire-{number}.txt", published=published)
        by_story.setdefault(index, []).append(article)
        made.append(article)
    return made


# Two stories of one kind and one place: two players of the same invented club arrested weeks apart.
# Each is its own story (the player's name, the road and the month differ); both are one topic.
ARREST_VOSS = [
    (
        "Harbor Kestrels striker Niko Voss arrested after crash",
        "Harbor Kestrels striker Niko Voss was arrested early on Saturday after his car hit a barrier\n"
        "on the Quarry Road outside Lindenport, police said. Voss, 24, was held overnight and released.\n"
        "The Harbor Kestrels said they were aware of the arrest of Niko Voss and would not comment further.",
    ),
    (
        "Kestrels bench Niko Voss after Quarry Road arrest",
        "The Harbor Kestrels left striker Niko Voss out of Sunday's squad after his arrest on Quarry Road.\n"
        "Police in Lindenport said Voss's car hit a barrier at speed and that he failed a breath test.\n"
        "Kestrels coach Marta Brill said Niko Voss had apologised to his team mates.",
    ),
]
ARREST_OKAFOR = [
    (
        "Second Harbor Kestrels player arrested as keeper Dele Okafor held",
        "Harbor Kestrels goalkeeper Dele Okafor was arrested on Tuesday night in Lindenport, the second\n"
        "Kestrels player held by police this season. Okafor, 31, was stopped on the Mill Bridge after\n"
        "officers saw his van weaving between lanes, and he failed a breath test, police said.",
    ),
    (
        "Kestrels suspend keeper Dele Okafor after Mill Bridge arrest",
        "The Harbor Kestrels suspended goalkeeper Dele Okafor for two matches after his arrest on the\n"
        "Mill Bridge in Lindenport. Coach Marta Brill said the club would review its conduct rules after\n"
        "a second player was arrested this season. Okafor will appear in court next month.",
    ),
]


def related_stream() -> list[Article]:
    """The two arrests (three weeks apart) with the bus fares in between, as a wire would deliver them."""
    voss = articles(ARREST_VOSS, "voss", dt.date(2025, 3, 1))
    okafor = articles(ARREST_OKAFOR, "okafor", dt.date(2025, 3, 25))
    fares = articles(BUS_FARES, "fares", dt.date(2025, 3, 20))
    return [voss[0], voss[1], fares[0], okafor[0], fares[1], okafor[1]]
