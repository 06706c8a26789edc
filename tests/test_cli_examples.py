"""Every example printed by ``--help`` runs, offline, against files this test writes.

The examples are read from the help text itself, so an example added later is
run too. They run in order (``ingest`` before the ``brief --db`` that reads its
store) in a temporary working folder, each through :func:`dossier.cli.main`.
"""

from __future__ import annotations

import io
import json
import re
import shlex
from pathlib import Path

import pytest

from dossier.cli import main

COMMANDS = ("ingest", "list", "stories", "brief", "export")  # the order in which their examples must run
STORY = Path(__file__).parent / "fixtures" / "story"

#: A fictional story about a summit and trade talks, dated after the examples' --since.
SUMMIT = """\
Leaders of Velmora and Ostrand open summit on trade talks

By Harbour Desk | March 14, 2025 | 9:00 AM

KESTREL BAY — The leaders of Velmora and Ostrand opened a two-day summit on Friday, hoping to revive
trade talks that stalled last year over fishing quotas and port fees.

"We came here to close the gaps, not to admire them," Velmoran Prime Minister Oren Vask told reporters.

Officials said the summit would also cover ferry routes and a shared customs office.
"""

FEED = """\
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>Coastline Wire</title>
<link>https://coastline.example/</link>
<description>News from the coast</description>
<item>
<title>Summit ends with a customs pact</title>
<pubDate>Sat, 15 Mar 2025 18:00:00 GMT</pubDate>
<content:encoded><![CDATA[{body}]]></content:encoded>
</item>
</channel>
</rss>
"""

FEED_BODY = (
    "<p>The summit between Velmora and Ostrand ended on Saturday with a pact on a shared customs office "
    "at Port Aster, officials from both sides said after the trade talks closed.</p>"
    "<p>\u201cThis office will cut the waiting time at the border in half,\u201d said Ostrand trade envoy "
    "Pell Garrick, who led his country\u2019s team through two days of talks.</p>"
    "<p>The two governments will review the pact every three years, and a joint board of six members "
    "will run the office from next spring, according to a statement issued after the summit.</p>"
)

ISSUES = """\
issues:
  - name: Fishing quotas
    keywords: [fishing, quota, catch]
  - name: Customs office
    keywords: [customs, border]
"""


def help_examples(command: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The example command lines of ``dossier COMMAND --help``, without their descriptions."""
    with pytest.raises(SystemExit):
        main([command, "--help"])
    text = capsys.readouterr().out
    assert "examples:" in text
    lines = text.split("examples:", 1)[1].splitlines()
    # Two or more spaces separate an example from its description.
    return [re.split(r"\s{2,}", line.strip())[0] for line in lines if "dossier " in line]


def write_workspace(folder: Path) -> None:
    """The files and folders the examples name, all fictional."""
    articles = folder / "articles"
    articles.mkdir()
    for path in STORY.iterdir():
        (articles / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (articles / "04_summit.txt").write_text(SUMMIT, encoding="utf-8")
    nested = folder / "news" / "2025" / "march"
    nested.mkdir(parents=True)
    (nested / "summit.txt").write_text(SUMMIT, encoding="utf-8")
    body = " ".join(SUMMIT.split("\n\n")[2:]).replace("\n", " ")
    (folder / "story.jsonl").write_text(
        json.dumps({"title": "Summit opens", "outlet": "Ledger", "published": "2025-03-14", "text": body})
        + "\n",
        encoding="utf-8",
    )
    (folder / "feed.xml").write_text(FEED.format(body=FEED_BODY), encoding="utf-8")
    (folder / "article.txt").write_text(SUMMIT, encoding="utf-8")
    (folder / "issues.yaml").write_text(ISSUES, encoding="utf-8")


def run_example(example: str, folder: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    """Run one example line as a shell would: ``cat FILE | dossier ...`` feeds FILE to standard input."""
    stdin_file = None
    if "|" in example:
        feeder, example = (part.strip() for part in example.split("|", 1))
        cat, stdin_file = shlex.split(feeder)
        assert cat == "cat", f"unsupported pipe in example: {feeder}"
    if "STORY_ID" in example:
        # A story id is derived from article text: take the largest story of the store the examples made.
        from dossier.store import SqliteStore

        with SqliteStore(folder / "news.db") as store:
            largest = max(store.stories().stories, key=lambda story: (story.size, story.id))
        example = example.replace("STORY_ID", largest.id)
    words = shlex.split(example)
    assert words[0] == "dossier", example
    if stdin_file is not None:
        data = (folder / stdin_file).read_bytes()
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    return main(words[1:])


def test_every_help_example_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_workspace(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DOSSIER_DB", str(tmp_path / "default-store.db"))
    examples = [example for command in COMMANDS for example in help_examples(command, capsys)]
    assert len(examples) >= 10
    failed: list[str] = []
    for example in examples:
        code = run_example(example, tmp_path, monkeypatch)
        captured = capsys.readouterr()
        if code != 0:
            failed.append(f"{example!r} exited {code}: {captured.err.strip()}")
    assert not failed, "\n".join(failed)
    assert (tmp_path / "news.db").is_file() and (tmp_path / "default-store.db").is_file()
    assert (tmp_path / "out" / "briefing.json").is_file()
