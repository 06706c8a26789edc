"""Reading a user-supplied list of issues (YAML or JSON) and refusing bad ones clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.errors import UsageError
from dossier.issues.steer import SteeringIssue, load_steering, parse_steering


def test_yaml_mapping_with_keywords(tmp_path: Path) -> None:
    path = tmp_path / "issues.yaml"
    path.write_text("issues:\n  - name: safety\n    keywords: [lifeboats, inspection]\n  - pay\n", "utf-8")
    assert load_steering(path) == (SteeringIssue("safety", ("lifeboats", "inspection")), SteeringIssue("pay"))


def test_json_list(tmp_path: Path) -> None:
    path = tmp_path / "issues.json"
    path.write_text('[{"name": "pay", "keywords": "wages"}]', "utf-8")
    assert load_steering(path) == (SteeringIssue("pay", ("wages",)),)


def test_pattern_matches_whole_words_case_insensitively() -> None:
    pattern = SteeringIssue("pay", ("pay rise",)).pattern()
    assert pattern.search("A PAY RISE of nine percent")
    assert not pattern.search("the payroll office")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("issues: []", "non-empty list"),
        ("- name: ''", "no 'name'"),
        ("- 12", "name or a mapping"),
        ("- {name: pay, keywords: [1, 2]}", "list of strings"),
        ("- pay\n- PAY", "same issue twice"),
        ("issues: [unbalanced", "not valid YAML"),
    ],
)
def test_bad_files_name_the_file_and_the_reason(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, "utf-8")
    with pytest.raises(UsageError, match=reason) as caught:
        load_steering(path)
    assert caught.value.source == str(path)


def test_binary_and_missing_files(tmp_path: Path) -> None:
    binary = tmp_path / "bin.yaml"
    binary.write_bytes(b"\xff\xfe\x00\x01")
    with pytest.raises(UsageError):
        load_steering(binary)
    with pytest.raises(UsageError, match="cannot read"):
        load_steering(tmp_path / "absent.yaml")


def test_too_many_issues() -> None:
    with pytest.raises(UsageError, match="at most"):
        parse_steering([f"issue {n}" for n in range(100)])


def test_a_mapping_of_names_to_keywords(tmp_path: Path) -> None:
    path = tmp_path / "issues.yaml"
    path.write_text("Fishing quotas: [fishing, quota]\nCustoms office: customs\nPort fees:\n", "utf-8")
    assert load_steering(path) == (
        SteeringIssue("Fishing quotas", ("fishing", "quota")),
        SteeringIssue("Customs office", ("customs",)),
        SteeringIssue("Port fees"),
    )


def test_both_forms_of_the_documented_example_read_the_same(tmp_path: Path) -> None:
    docs = (Path(__file__).parents[2] / "docs" / "issues-file.md").read_text(encoding="utf-8")
    blocks = docs.split("```yaml\n")[1:]
    listed, mapped = (block.split("```", 1)[0] for block in blocks)
    (tmp_path / "listed.yaml").write_text(listed, "utf-8")
    (tmp_path / "mapped.yaml").write_text(mapped, "utf-8")
    assert load_steering(tmp_path / "listed.yaml") == load_steering(tmp_path / "mapped.yaml")


def test_deep_nesting_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("issues: " + "[" * 5_000 + "]" * 5_000, "utf-8")
    with pytest.raises(UsageError, match="nested too deeply"):
        load_steering(path)
