"""``frontwatch analyze`` end to end, in-process: formats, exit codes, every kind of bad input."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from frontwatch import __version__
from tests.conftest import parse_document

GOOD = (
    "Ukrainian forces recaptured Lyman in Donetsk Oblast on Saturday, officials said.\n\n"
    "The Russian Defence Ministry said its troops had withdrawn to more advantageous lines."
)

Invoke = Callable[..., Result]


def _bad_jsonl(root: Path) -> Path:
    path = root / "records.jsonl"
    lines = [json.dumps({"text": GOOD}), '{"text": "cut off', json.dumps({"text": "Kyiv held."})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _huge(root: Path) -> Path:
    path = root / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: 200 MB by size, no disk used
    return path


def _junk_dir(root: Path) -> Path:
    junk = root / "junk"
    junk.mkdir()
    (junk / "good.txt").write_text(GOOD, encoding="utf-8")
    (junk / "empty.html").write_bytes(b"")
    (junk / "core.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)))
    (junk / "notes.txt").write_bytes(b"\x01\x02\xfa" * 10 + b"\x00")
    (junk / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    return junk


BAD_INPUTS: dict[str, tuple[Callable[[Path], Path], list[str]]] = {
    "empty": (lambda r: _write(r / "empty.txt", b""), ["empty.txt: empty file"]),
    "binary": (
        lambda r: _write(r / "binary.txt", b"\x00\x01\x02\x03" * 64),
        ["binary.txt: binary data"],
    ),
    "huge": (_huge, ["huge.txt: 209,715,200 bytes is larger than the limit"]),
    "invalid-utf8": (
        lambda r: _write(r / "invalid.txt", "Kyiv \u2014 ".encode() + b"\xc3\x28 broken"),
        ["invalid.txt: invalid UTF-8 at byte 9"],
    ),
    "truncated-html": (
        lambda r: _write(
            r / "truncated.html",
            b"<html><head><title>Izium</title></head><body><p>Ukrainian troops entered Izi",
        ),
        ["truncated.html: HTML is truncated"],
    ),
    "malformed-jsonl-line": (_bad_jsonl, ["records.jsonl:2: invalid JSON"]),
    "malformed-feed": (
        lambda r: _write(r / "broken.rss", b"<rss version='2.0'><channel><item><title>oops"),
        ["broken.rss: not a valid RSS/Atom feed"],
    ),
    "missing-path": (lambda r: r / "does-not-exist.txt", ["does-not-exist.txt: no such file"]),
    "junk-directory": (
        _junk_dir,
        [
            "empty.html: empty file",
            "core.txt: binary data (an executable)",
            "notes.txt: binary data",
            "skipped: ",
            "photo.jpg: unsupported file extension",
        ],
    ),
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.model
@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_analyze_bad_input_is_reported_and_batch_goes_on(
    case: str, run_cli: Invoke, tmp_path: Path
) -> None:
    make, messages = BAD_INPUTS[case]
    bad = make(tmp_path)
    good = _write(tmp_path / "good-article.txt", GOOD.encode())
    result = run_cli("analyze", str(good), str(bad), "--format", "json")
    assert result.exit_code == 1, result.stderr
    for message in messages:
        assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    document = parse_document(result.stdout)
    origins = [a["article"]["origin"] for a in document["articles"]]
    assert str(good) in origins
    assert document["failures"], "failures are in the document too"
    assert all(f["source"] and f["reason"] for f in document["failures"])


@pytest.mark.model
def test_analyze_malformed_jsonl_keeps_other_lines(run_cli: Invoke, tmp_path: Path) -> None:
    result = run_cli("analyze", str(_bad_jsonl(tmp_path)))
    assert result.exit_code == 1
    document = parse_document(result.stdout)
    assert [a["article"]["origin"][-2:] for a in document["articles"]] == [":1", ":3"]
    (failure,) = document["failures"]
    assert failure["source"].endswith("records.jsonl:2")


def test_analyze_only_bad_inputs_still_prints_a_document(run_cli: Invoke, tmp_path: Path) -> None:
    result = run_cli("analyze", str(_write(tmp_path / "e.txt", b"")))
    assert result.exit_code == 1
    document = parse_document(result.stdout)
    assert document["articles"] == []
    assert document["failures"][0]["error"] == "EmptyInputError"


@pytest.mark.model
def test_analyze_json_has_metadata_sentences_entities(run_cli: Invoke, tmp_path: Path) -> None:
    path = _write(tmp_path / "lyman.txt", GOOD.encode())
    result = run_cli("analyze", str(path), "--published", "2022-10-04", "--outlet", "Kyiv Ledger")
    assert result.exit_code == 0, result.stderr
    document = parse_document(result.stdout)
    stages = document["generator"]["stages"]
    assert stages[:4] == [
        "frontwatch.ingest.v1",
        "frontwatch.analyze.v1",
        "frontwatch.dates.v1",
        "frontwatch.places.v1",
    ]
    (analysis,) = document["articles"]
    article = analysis["article"]
    assert (article["published"], article["outlet"]) == ("2022-10-04", "Kyiv Ledger")
    assert [s["text"] for s in analysis["sentences"]] == GOOD.split("\n\n")
    text = article["text"]
    for span in analysis["sentences"] + analysis["entities"]:
        assert text[span["start"] : span["end"]] == span["text"]
    assert any(
        e["text"] == "the Russian Defence Ministry" or e["label"] == "ORG"
        for e in analysis["entities"]
    )
    assert [p["place"]["name"] for p in analysis["places"]][:2] == ["Lyman", "Donetsk Oblast"]
    assert [(t["text"], t["value"]) for t in analysis["times"]] == [("on Saturday", "2022-10-01")]
    assert "frontwatch.events.v1" in stages
    (capture,) = [e for e in analysis["events"] if e["type"] == "control.capture"]
    assert capture["place"]["name"] == "Lyman"
    assert capture["actor"]["side"] == "UA"
    assert capture["time"]["earliest"] == "2022-10-01"
    evidence = capture["evidence"][0]
    assert text[evidence["start"] : evidence["end"]].rstrip() == evidence["sentence"].rstrip()


@pytest.mark.model
def test_analyze_jsonl_and_markdown(run_cli: Invoke, tmp_path: Path) -> None:
    first = _write(tmp_path / "a.txt", GOOD.encode())
    second = _write(tmp_path / "b.txt", b"Russia withdrew from Snake Island on 30 June 2022.")
    result = run_cli("analyze", str(first), str(second), "--format", "jsonl")
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["schema"] for line in lines] == ["frontwatch/1"] * 2
    markdown = run_cli("analyze", str(first), "--format", "md", "--title-unused", "x")
    assert markdown.exit_code == 2  # unknown option is a usage error
    markdown = run_cli("analyze", str(first), "--format", "md")
    assert markdown.exit_code == 0
    assert markdown.stdout.startswith("# frontwatch analysis")
    assert "### Sentences (2)" in markdown.stdout


@pytest.mark.model
def test_analyze_reads_stdin(run_cli: Invoke) -> None:
    result = run_cli("analyze", "-", "--format", "jsonl", input=GOOD)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["article"]["origin"] == "<stdin>"


@pytest.mark.model
def test_analyze_output_file(run_cli: Invoke, tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt", GOOD.encode())
    target = tmp_path / "out" / "result.json"
    result = run_cli("analyze", str(path), "--output", str(target))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert parse_document(target.read_text())["articles"]


@pytest.mark.parametrize(
    "args",
    [
        ["analyze"],
        ["analyze", "x.txt", "--format", "xml"],
        ["analyze", "x.txt", "--published", "4 Oct 2022"],
        ["nonsense-command"],
    ],
)
def test_analyze_usage_errors_exit_2(run_cli: Invoke, args: list[str]) -> None:
    assert run_cli(*args).exit_code == 2


def test_analyze_config_error_exit_2(run_cli: Invoke, tmp_path: Path) -> None:
    (tmp_path / "frontwatch.toml").write_text("batch_size = -1\n")
    result = run_cli("analyze", "x.txt")
    assert result.exit_code == 2
    assert "setting 'batch_size' from frontwatch.toml" in result.stderr


def test_analyze_missing_model_exit_2(run_cli: Invoke, tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt", GOOD.encode())
    result = run_cli("analyze", str(path), "--model", "no_such_model_xyz")
    assert result.exit_code == 2
    assert "spaCy model 'no_such_model_xyz' is not installed" in result.stderr


@pytest.mark.parametrize("command", [[], ["analyze"], ["schema"]])
def test_cli_help_on_every_command(run_cli: Invoke, command: list[str]) -> None:
    result = run_cli(*command, "--help")
    assert result.exit_code == 0
    assert "Usage:" in result.stdout
    assert len(result.stdout.splitlines()) > 5


def test_cli_version(run_cli: Invoke) -> None:
    result = run_cli("--version")
    assert result.stdout.strip() == f"frontwatch {__version__}"


@pytest.mark.model
@pytest.mark.shared
def test_analyze_seed_article(run_cli: Invoke, shared_data: Path) -> None:
    seed = shared_data / "seed" / "lyman-2022-10-04.txt"
    result = run_cli("analyze", str(seed), "--published", "2022-10-04", "--format", "json")
    assert result.exit_code == 0, result.stderr
    (analysis,) = parse_document(result.stdout)["articles"]
    assert analysis["article"]["published"] == "2022-10-04"
    assert analysis["article"]["title"]
    assert len(analysis["sentences"]) >= 20
    text = analysis["article"]["text"]
    assert "Lyman" in text
    assert all(text[s["start"] : s["end"]] == s["text"] for s in analysis["sentences"])
