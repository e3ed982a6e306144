"""The line reader (plainyaml) reads a file the same as the parser, or leaves it to the parser.

For every text it takes, the data (values and their types) and the position of every node must
be the parser's, and the parser must find nothing wrong with it. Texts: the examples, the
fixtures, every rule case, texts mutated a character or a line at a time, and small documents
made from the pieces YAML is subtle about.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.test_rules import case_bytes, load_cases

from sbsguide import loader, plainyaml
from sbsguide.yamlscalars import safe_scalars

ROOT = Path(__file__).resolve().parents[1]
TEXTS = sorted(
    [*ROOT.glob("examples/**/*.yaml"), *ROOT.glob("tests/fixtures/**/*.yaml")],
    key=lambda p: str(p),
)


def typed(value: Any) -> Any:
    """A value with its types spelled out: 1, 1.0, True and "1" differ."""
    if isinstance(value, dict):
        return ("map", [(key, typed(item)) for key, item in value.items()])
    if isinstance(value, list):
        return ("seq", [typed(item) for item in value])
    return (type(value).__name__, repr(value))


def same_as_parser(text: str) -> bool:
    """Whether the line reader took ``text`` (it then must agree with the parser).

    Read twice: for `sbs check` (positions) and for `sbs fix` (exact spans too).
    """
    read = plainyaml.read(text)
    spanned = plainyaml.read(text, spans=True)
    if read is None:
        assert spanned is None or "\r" in text, text
        return False
    parsed = by_the_parser(text)
    assert parsed.problems == [], text
    assert typed(read.data) == typed(parsed.data), text
    assert read.source.tree == parsed.source.tree, text
    assert read.problems == []
    if spanned is not None:
        assert typed(spanned.data) == typed(parsed.data), text
        assert spanned.source.tree == parsed.source.tree, text
        assert spanned.source.spans == parsed.source.spans, text
    else:
        assert "\r" in text  # the only text the reader takes without spans
    return True


def by_the_parser(text: str) -> loader.Document:
    """The parser's reading of a text, with spans, as loader.read_yaml made it before."""
    from ruamel.yaml.error import YAMLError

    from sbsguide.yamldata import INNER_COLON, MASK, build

    try:
        return build(text, pure=False, spans=True)
    except YAMLError:
        pass
    # libyaml, with the inner colons masked: what the reader takes, libyaml must take too (the
    # pure-Python parser, the loader's last resort, places some things elsewhere)
    return build(INNER_COLON.sub(MASK, text), pure=False, masked=True, spans=True)


def _text(path: Path) -> str | None:
    text, _ = loader.decode(path.read_bytes())
    return text


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_examples_and_fixtures(path: Path) -> None:
    text = _text(path)
    if text is not None:
        same_as_parser(text)


def test_the_examples_are_read_by_lines() -> None:
    """The shipped examples are what system files look like: the line reader takes them all."""
    for path in ROOT.glob("examples/*/*.yaml"):
        text = _text(path)
        assert text is not None and same_as_parser(text), path


def test_rule_cases() -> None:
    taken = 0
    cases = load_cases()
    for case in cases:
        text = case_bytes(case).decode("utf-8", "replace")
        taken += same_as_parser(text)
    assert taken > len(cases) * 3 // 4  # edits of the example: nearly all stay in the subset


_PIECES = [
    ": ",
    ":",
    " #",
    "#",
    "- ",
    "-",
    "'",
    '"',
    "''",
    "{",
    "}",
    "[",
    "]",
    ", ",
    ",",
    " ",
    "  ",
    "\n",
    "\n  ",
    "\r\n",
    "\t",
    "\u3000",
    "&a ",
    "*a",
    "!!str ",
    "|",
    ">",
    "?",
    "---",
    "...",
    "~",
    "null",
    "true",
    "0x1F",
    "1.5",
    "2024-02-30",
    "2024-02-01",
    "<<",
    "=",
    "\\",
    "%",
    "@",
    "a",
    "标准",
]


def _mutations(text: str, rng: random.Random, count: int) -> list[str]:
    lines = text.split("\n")
    out = []
    for _ in range(count):
        edited = list(lines)
        for _ in range(rng.randint(1, 3)):
            row = rng.randrange(len(edited))
            line = edited[row]
            choice = rng.random()
            if choice < 0.5:
                at = rng.randint(0, len(line))
                edited[row] = line[:at] + rng.choice(_PIECES) + line[at:]
            elif choice < 0.65 and line:
                at = rng.randrange(len(line))
                edited[row] = line[:at] + line[at + 1 :]
            elif choice < 0.8:
                edited[row] = " " * rng.choice([1, 2, 4]) + line
            elif choice < 0.9:
                edited[row] = line.lstrip(" ")
            else:
                edited.insert(row, rng.choice(lines))
        out.append("\n".join(edited))
    return out


@pytest.mark.parametrize(
    "name", ["kunming-hightech/system.yaml", "qujing-draft/system.yaml", "dali-base/system.yaml"]
)
def test_mutated_examples(name: str) -> None:
    text = (ROOT / "examples" / name).read_text(encoding="utf-8")
    rng = random.Random(name)
    taken = sum(same_as_parser(mutated) for mutated in _mutations(text, rng, 150))
    assert taken > 20  # the mutations reach the reader, not only its refusals


_KEY = st.sampled_from(["a", "name", "number", "k:v", "x y", "'q'", '"d"', "1", "no", "n#o"])
_SCALAR = st.sampled_from(
    [
        "b",
        "GB/T 1.1-2020",
        "第1部分:总则",
        "a b",
        "a  b",
        "'s'",
        "'it''s'",
        '"d"',
        '""',
        "''",
        "2024-02-01",
        "2024-2-1",
        "12",
        "012",
        "1_000",
        "-1",
        "-",
        "+1",
        ".5",
        "1e3",
        "true",
        "True",
        "yes",
        "null",
        "~",
        "a#b",
        "a #b",
        "a:b",
        "a: b",
        "a:",
        "http://x.y/z",
        "国统字〔2017〕213号",
        "x\u3000y",
        "-x",
        "@x",
    ]
)


@st.composite
def _flow(draw: Any, depth: int = 0) -> str:
    if draw(st.booleans()):
        pairs = draw(st.lists(st.tuples(_KEY, _value(depth)), max_size=4))
        sep = draw(st.sampled_from([", ", ",", " , ", ",\n    "]))
        return "{" + sep.join(f"{k}: {v}" for k, v in pairs) + draw(st.sampled_from(["}", " }"]))
    items = draw(st.lists(_value(depth), max_size=4))
    return "[" + ", ".join(items) + "]"


def _value(depth: int) -> Any:
    if depth >= 2:
        return _SCALAR
    return st.one_of(_SCALAR, _flow(depth + 1), st.just(""))


@st.composite
def _block(draw: Any, indent: int = 0, depth: int = 0) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    if draw(st.booleans()):
        for _ in range(draw(st.integers(1, 3))):
            key = draw(_KEY)
            comment = draw(st.sampled_from(["", "  # c", " #c", "#c"]))
            if depth < 3 and draw(st.integers(0, 3)) == 0:
                lines.append(f"{pad}{key}:{comment}")
                child = draw(st.sampled_from([indent + 2, indent + 4, indent]))
                lines += draw(_block(child, depth + 1))
            else:
                lines.append(f"{pad}{key}: {draw(_value(depth))}{comment}")
    else:
        for _ in range(draw(st.integers(1, 3))):
            if depth < 3 and draw(st.integers(0, 3)) == 0:
                nested = draw(_block(indent + 2, depth + 1))
                lines.append(f"{pad}- {nested[0].lstrip(' ')}")
                lines += nested[1:]
            else:
                lines.append(f"{pad}- {draw(_value(depth))}")
    if draw(st.integers(0, 5)) == 0:
        lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(["", "# c", "   "])))
    return lines


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(_block(), st.sampled_from(["", "---\n", "# head\n"]), st.sampled_from(["\n", "\r\n"]))
def test_generated_documents(lines: list[str], head: str, newline: str) -> None:
    same_as_parser(head + newline.join(lines) + newline)


def test_refused_texts_go_to_the_parser() -> None:
    """Some of what the reader leaves to the parser: it says None, and the parser reads it."""
    for text in [
        "a: |\n  text\n",
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        'a: "\\u5f85"\n',
        "a: b\n  c\n",
        "a: 1\na: 2\n",
        "a:\n\tb: 1\n",
        "a: 1\n---\nb: 2\n",
        "<<: {a: 1}\n",
        "1: a\n",
        "a: [1, 2,]\n",
        "a: {b: 1\n",
        "a: b\rc: d\n",
        "",
        "# only a comment\n",
    ]:
        assert plainyaml.read(text) is None, text


def _refusal_by_the_parser(text: str) -> Any:
    """The problem the parser's builder stops at (libyaml, then with inner colons masked)."""
    from ruamel.yaml.error import YAMLError

    from sbsguide.yamldata import INNER_COLON, MASK, Rejected, build

    for attempt, masked in ((text, False), (INNER_COLON.sub(MASK, text), True)):
        try:
            build(attempt, pure=False, masked=masked)
        except YAMLError:
            continue
        except Rejected as rejected:
            return rejected.problem
        return None
    raise AssertionError("libyaml refused a text the line reader took")


@pytest.mark.parametrize(
    "name", ["kunming-hightech/system.yaml", "qujing-draft/system.yaml", "dali-base/system.yaml"]
)
def test_the_node_limit_stops_at_the_parsers_node(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the limit (SPEC §7) the reader refuses the file itself, at the builder's node: a file
    too large is not read twice."""
    from sbsguide import yamldata

    text = (ROOT / "examples" / name).read_text(encoding="utf-8")
    total = 0
    for limit in [*range(1, 40), *range(40, 3000, 23)]:
        monkeypatch.setattr(yamldata, "MAX_NODES", limit)
        read = plainyaml.read(text)
        assert read is not None
        if not read.problems:
            total = limit  # the whole file fits
            break
        assert read.data is None
        assert read.problems == [_refusal_by_the_parser(text)], limit
    assert total > 100


def test_over_the_limit_the_reader_keeps_few_typed_values() -> None:
    """A million distinct numbers are read, not remembered (the scalar cache has a bound)."""
    scalars = safe_scalars()
    text = "x: [" + ", ".join(str(n) for n in range(30_000)) + "]\n"
    read = plainyaml.read(text)
    assert read is not None and read.data == {"x": list(range(30_000))}
    assert len(scalars.typed) <= 10_000 and len(scalars.constructed) <= 10_000


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"[1-9][0-9]{0,40}", fullmatch=True))
def test_plain_decimals_are_what_ruamel_constructs(text: str) -> None:
    """Decimal integers skip ruamel's constructor (2,000,000 of them in a hostile file)."""
    from ruamel.yaml.nodes import ScalarNode

    scalars = safe_scalars()
    tag = "tag:yaml.org,2002:int"
    assert scalars.resolve(text) == tag
    expected = scalars.constructor.construct_yaml_int(ScalarNode(tag, text, None))
    assert scalars.tagged(tag, text) == expected and type(expected) is int


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(_block(), st.integers(1, 40))
def test_generated_documents_past_the_limit(lines: list[str], limit: int) -> None:
    from sbsguide import yamldata

    text = "\n".join(lines) + "\n"
    saved = yamldata.MAX_NODES
    yamldata.MAX_NODES = limit
    try:
        read = plainyaml.read(text)
        if read is not None and read.problems:
            assert read.problems == [_refusal_by_the_parser(text)], text
    finally:
        yamldata.MAX_NODES = saved


@pytest.mark.parametrize("limit", [5, 4_999, 12_000, 15_004, 15_007, 15_009])
def test_a_long_flow_line_past_the_limit(limit: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Item by item past 10,000 entries; refused where libyaml would be, lines and all."""
    from sbsguide import yamldata

    monkeypatch.setattr(yamldata, "MAX_NODES", limit)
    text = "version: 1\nx: [" + ", ".join(f"v{n}" for n in range(15_000)) + "]\ny: {a: 1}\n"
    read = plainyaml.read(text)
    refused = _refusal_by_the_parser(text)
    assert (refused is None) == (limit >= 15_009)  # the file's own nodes: 15,009
    assert read is not None
    assert read.problems == ([refused] if refused else [])
