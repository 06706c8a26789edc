"""A small invented newsroom for the Dask tests: towns, people and figures are made up for them.

:func:`write_desk` writes plain-text files and JSON Lines files (with an outlet
field, so an outlet's repeated sign-off line is found across files) plus one
file that cannot be read, in a layout where every story spans several files.
"""

from __future__ import annotations

import json
from pathlib import Path

#: Three stories, each a pool of sentences; an article takes a rotation of its story's pool.
POOLS = {
    "ferry": (
        "The Kelvorn ferry line stopped all crossings on Monday after a crane failure at the east pier.",
        "Harbour master Oda Brenn said repairs to the crane would take at least nine days.",
        "About 2,400 commuters use the Kelvorn ferry between the two islands each morning.",
        "The line's owner promised replacement buses along the causeway until the pier reopens.",
        "Union delegates asked why the crane had not been inspected since the spring storm.",
        "A second crane from the Dallis shipyard arrived on a barge late on Wednesday.",
    ),
    "library": (
        "The town council of Mirrow voted to keep the old river library open for two more years.",
        "Councillor Pell Adair said the vote followed a petition signed by 3,100 residents.",
        "The library needs a new roof, which the council estimates will cost 780,000 crowns.",
        "Volunteers have run evening reading clubs in the building since the winter floods.",
        "A heritage group offered to pay for half of the roof if the council pays the rest.",
        "The council will review the library's budget again in the autumn session.",
    ),
    "orchard": (
        "Late frost destroyed most of the apple blossom in the Tessary valley last weekend.",
        "Grower Ansel Voor said his orchard would pick perhaps a fifth of last year's crop.",
        "The valley's cooperative asked the regional office for emergency help for 140 farms.",
        "Frost fans and straw fires saved some rows on the higher slopes, growers said.",
        "Cider makers in Tessary expect to buy fruit from outside the valley this year.",
        "The regional office said inspectors would visit the orchards within a week.",
    ),
}
OUTLETS = ("Kelvorn Herald", "Mirrow Post")
#: The line each outlet prints under every article: site furniture that cleaning strips.
SIGN_OFF = "Get the {outlet} morning letter in your inbox every day."


def article_text(story: str, number: int) -> tuple[str, str]:
    """Title and body of article ``number`` of ``story``: a rotation of its pool, five sentences long."""
    pool = POOLS[story]
    start = number % len(pool)
    sentences = (pool + pool)[start : start + 5]
    title = f"{sentences[0].split(' after ')[0].split(',')[0].rstrip('.')} (report {number})"
    return title, "\n\n".join(sentences)


def write_desk(folder: Path, per_story: int = 6) -> list[Path]:
    """Write the corpus into ``folder`` (made if needed); return the files in the order a folder lists."""
    folder.mkdir(parents=True, exist_ok=True)
    for story in POOLS:
        for number in range(per_story):
            title, body = article_text(story, number)
            if number % 3 == 2:  # every third article comes in a JSON Lines file, from an outlet
                outlet = OUTLETS[number % len(OUTLETS)]
                text = f"{body}\n\n{SIGN_OFF.format(outlet=outlet)}"
                published = f"2025-04-{number + 1:02d}"
                line = {"title": title, "text": text, "outlet": outlet, "published": published}
                (folder / f"{story}-{number:02d}.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
            else:
                (folder / f"{story}-{number:02d}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    (folder / "zz-broken.txt").write_bytes(b"\x00\x01\x02 not text \xff\xfe")
    return sorted(folder.iterdir())
