"""Standard numbers: every variant of domain.md §4.2 parses to its canonical form."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sbsguide import numbers
from sbsguide.numbers import parse


@pytest.mark.parametrize(
    ("written", "canonical", "kind"),
    [
        ("GB/T 24421.1-2023", "GB/T 24421.1-2023", "national-recommended"),
        ("GB/T\u30001.1\u20142020", "GB/T 1.1-2020", "national-recommended"),
        ("GB\u2215T 1.2-2020", "GB/T 1.2-2020", "national-recommended"),
        ("GB 3100\u201493", "GB 3100-1993", "national-mandatory"),
        ("DB53/T1117-2022", "DB53/T 1117-2022", "local"),
        ("DB53/T 1117", "DB53/T 1117", "local"),
        ("DB/T 22-2020", "DB/T 22-2020", "industry"),
        ("T/SSFSIDC 001\u20142021", "T/SSFSIDC 001-2021", "group"),
        ("Q/KMGX 401-2024", "Q/KMGX 401-2024", "enterprise"),
        ("RB/T 214\u20142017", "RB/T 214-2017", "industry"),
        ("SB/T 10001-2016", "SB/T 10001-2016", "industry"),
        (
            "GB/T 10112\u20142019/ISO 704:2009",
            "GB/T 10112-2019/ISO 704:2009",
            "national-recommended",
        ),
        ("GBT 20000.1-2014", "GB/T 20000.1-2014", "national-recommended"),
        ("GB-T 15224.2-2004", "GB/T 15224.2-2004", "national-recommended"),
        ("GB/T 7027\u4e002002", "GB/T 7027-2002", "national-recommended"),
        ("GB/T 22373\u22122021", "GB/T 22373-2021", "national-recommended"),
        ("GB/Z 19579\u20152012", "GB/Z 19579-2012", "national-guidance"),
        (
            "\uff27\uff22\uff0f\uff34\u3000\uff11\uff19\uff10\uff10\uff11\uff0d\uff12\uff10\uff11\uff16",
            "GB/T 19001-2016",
            "national-recommended",
        ),
        ("云工信规【2022】1号", "云工信规〔2022〕1号", "policy"),
    ],
)
def test_variants_parse_to_the_canonical_form(written: str, canonical: str, kind: str) -> None:
    number = parse(written)
    assert number is not None
    assert (number.canonical, number.kind) == (canonical, kind)


def test_editions_share_a_base() -> None:
    assert parse("GB/T 24421.2-2009").base == parse("GB/T 24421.2\u20142023").base == "GB/T 24421.2"  # type: ignore[union-attr]


@pytest.mark.parametrize("written", ["服务标准化工作指南", "Q/KMGX401-2024", "GB/T", "12345", ""])
def test_non_numbers_do_not_parse(written: str) -> None:
    assert parse(written) is None


def test_an_unlisted_industry_code_parses_as_unknown() -> None:
    assert parse("XQ/T 1-2020").kind == "unknown"  # type: ignore[union-attr]


@settings(max_examples=500, deadline=None)
@given(
    st.from_regex(numbers._PLAIN, fullmatch=True)
    | st.sampled_from(
        ["GB/T 1.1-2020", "DB53/T 1117", "DB/T 22-2020", "Q/KMGX/J 4-2024", "T/CAS 1", "GBT 1"]
    )
)
def test_the_canonical_route_parses_as_the_general_one(text: str) -> None:
    """Canonical numbers take one match (``_CANONICAL``); what it gives is what the rest did."""
    if numbers._CANONICAL.fullmatch(text):
        assert numbers.parse.__wrapped__(text) == numbers.parse_written(text)


def test_catalogue_numbers_take_the_canonical_route_unchanged() -> None:
    from sbsguide.catalogue import load_catalogue

    taken = 0
    for edition in load_catalogue(()).editions:
        if numbers._CANONICAL.fullmatch(edition.canonical):
            taken += 1
            assert numbers.parse.__wrapped__(edition.canonical) == numbers.parse_written(
                edition.canonical
            )
    assert taken > 50
