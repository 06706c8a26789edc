"""The pages of ``dossier serve`` and their JSON twins, over the demo story."""

from __future__ import annotations

import re

from fastapi import FastAPI
from fastapi.testclient import TestClient


def first_story(client: TestClient) -> dict[str, object]:
    rows = client.get("/?format=json").json()["rows"]
    assert rows
    return dict(rows[0])


def test_the_story_list_has_label_size_outlets_and_span(client: TestClient) -> None:
    data = client.get("/", headers={"Accept": "application/json"}).json()
    assert data["total"] == len(data["rows"]) >= 1
    row = data["rows"][0]
    assert row["label"] and row["size"] >= 2 and row["outlets"] and row["span"]
    page = client.get("/").text
    assert row["label"].split()[0] in page and f'data-story="{row["id"]}"' in page


def test_search_uses_the_cli_syntax_and_bad_queries_are_400(client: TestClient) -> None:
    assert client.get("/?format=json&q=river").json()["total"] >= 1
    assert client.get("/?format=json&q=zebra%20NOT%20zebra").json()["total"] == 0
    assert client.get('/?q="never closed').status_code == 400
    assert client.get("/?since=yesterday").status_code == 400


def test_outlet_and_date_filters_and_paging(client: TestClient) -> None:
    data = client.get("/?format=json").json()
    outlet = data["outlets"][0]
    filtered = client.get("/", params={"format": "json", "outlet": outlet}).json()
    assert all(outlet in row["outlets"] for row in filtered["rows"])
    assert client.get("/?format=json&since=2100-01-01").json()["total"] == 0
    assert client.get("/?format=json&page=99").json()["page"] == data["pages"]


def test_the_briefing_page_puts_the_factbox_first(client: TestClient) -> None:
    story = first_story(client)
    page = client.get(str(story["href"])).text
    order = [page.index(f'id="{key}"') for key in ("factbox", "summary", "quotes", "conflicts", "timeline")]
    assert order == sorted(order)
    assert 'class="card"' in page and "<svg" in page
    twin = client.get(f"{story['href']}?format=json").json()
    assert twin["story"]["id"] == story["id"] and twin["briefing"]["issues"]
    assert twin["briefing"]["texts"] == []  # full texts live on the article pages


def test_a_citation_opens_its_span_in_its_paragraph(client: TestClient) -> None:
    story = first_story(client)
    page = client.get(str(story["href"])).text
    href = re.search(r'data-cite="1" href="([^"]+)"', page)
    assert href is not None
    cited = client.get(href.group(1), headers={"Accept": "application/json"}).json()
    assert cited["cited"] and cited["back"] == story["href"]
    article = client.get(f"/articles/{cited['article_id']}?format=json").json()
    text = "".join(run["text"] for run in article["runs"])
    assert text[cited["start"] : cited["end"]] == cited["cited"]
    assert cited["before"] + cited["cited"] + cited["after"] in text
    html = client.get(href.group(1)).text
    assert '<mark class="cited">' in html and "Back to the briefing" in html


def test_the_article_page_marks_spans_by_kind_and_collapses_what_was_stripped(client: TestClient) -> None:
    story = client.get(f"{first_story(client)['href']}?format=json").json()
    article_id = story["article_ids"][0]
    page = client.get(f"/articles/{article_id}").text
    assert 'class="k-quote"' in page or 'class="k-entity"' in page
    assert '<details class="stripped">' in page


def test_unknown_things_are_404_and_the_openapi_description_is_served(client: TestClient) -> None:
    assert client.get("/stories/s-nothing").status_code == 404
    assert client.get("/articles/0000").status_code == 404
    assert client.get("/jobs/j999").status_code == 404
    assert client.get("/static/../../etc/passwd").status_code == 404
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/", "/stories/{story_id}", "/articles/{article_id}", "/add"} <= set(paths)


def test_pasted_text_becomes_a_stored_article_in_a_story(client: TestClient, app: FastAPI) -> None:
    before = client.get("/?format=json").json()["articles"]
    text = (
        "Harbour pilots vote to strike\n\nThe pilots of Cassel harbour voted to strike from Monday over pay."
    )
    response = client.post(
        "/add", data={"text": text, "csrf": app.state.csrf.token()}, follow_redirects=False
    )
    assert response.status_code == 303
    assert app.state.jobs.wait_idle(120)
    job = client.get(f"{response.headers['location']}?format=json").json()
    assert job["state"] == "done" and job["added"] == 1 and job["stories"]
    assert client.get("/?format=json").json()["articles"] == before + 1
    assert client.get(f"/stories/{job['stories'][0]}").status_code == 200
