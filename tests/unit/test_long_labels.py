"""A long Chinese label costs work in proportion to its length: the label's characters that read as a
pinyin span are looked for among windows of the span's syllable count (a 100,000-character label took
minutes when every substring was romanised). The work is counted, not timed."""

from __future__ import annotations

import random
from types import SimpleNamespace

import pytest

import compare.classify as classify

HAN = "安溪铁观音普洱茶西湖龙井香槟酒波尔多帕尔马火腿景德镇瓷器绍兴黄酒宁夏枸杞"


def counted_search(monkeypatch: pytest.MonkeyPatch, run: str, *spans: str) -> tuple[str | None, int]:
    """han_for_pinyin's answer for the last span, and the characters it romanised to answer all of them
    (the candidate names of one label ask in turn)."""
    work = [0]
    real = classify.pinyin

    def counting(text: str, **kwargs: str) -> str:
        work[0] += len(text)
        return real(text, **kwargs)

    monkeypatch.setattr(classify, "pinyin", counting)
    analysis = SimpleNamespace(han_runs=[run], memo={})
    found = None
    for span in spans:
        found = classify.han_for_pinyin(span, analysis)  # type: ignore[arg-type]
    return found, work[0]


def test_the_work_grows_linearly_with_the_label(monkeypatch: pytest.MonkeyPatch) -> None:
    rnd = random.Random(7)
    short = "".join(rnd.choice(HAN) for _ in range(400))
    long = "".join(rnd.choice(HAN) for _ in range(4000))
    span = "xiang bin zz"  # three syllables that never occur: the worst case, every window is read
    _, small = counted_search(monkeypatch, short, span)
    _, large = counted_search(monkeypatch, long, span)
    assert small == 3 * (400 - 2)
    assert large == 3 * (4000 - 2)  # ten times the label, ten times the work (was a hundred times)
    # the label's other candidate names ask again: windows of a size already read cost nothing more
    _, many = counted_search(monkeypatch, long, span, "bo er zz", "long jing cha", "xiang bin")
    assert many == 3 * (4000 - 2) + 2 * (4000 - 1)


def test_the_characters_that_read_as_the_span_are_still_found(monkeypatch: pytest.MonkeyPatch) -> None:
    found, _ = counted_search(monkeypatch, "法国香宾酒", "xiang bin")
    assert found == "香宾"
    assert counted_search(monkeypatch, "法国香宾酒", "")[0] is None
    assert counted_search(monkeypatch, "香宾", "xiang bin jiu")[0] is None


def test_one_request_holds_at_most_its_caps() -> None:
    from briefings.screening import brief_size
    from compare.services import check_label_texts
    from errors import InputError
    from validation import MAX_BRIEF_LABELS, MAX_LABELS

    assert check_label_texts(["Champagne"] * MAX_LABELS) == ["Champagne"] * MAX_LABELS
    with pytest.raises(
        InputError, match=f"{MAX_LABELS + 1} labels; one request screens at most {MAX_LABELS}"
    ):
        check_label_texts(["Champagne"] * (MAX_LABELS + 1))
    with pytest.raises(InputError) as caught:
        check_label_texts(["ok", "茶" * 501, "bad\u202e"])
    assert caught.value.problems == [
        "label 2: longer than 500 characters",
        "label 3: contains the character U+202E RIGHT-TO-LEFT OVERRIDE at position 4; remove it",
    ]
    brief_size(MAX_BRIEF_LABELS)
    with pytest.raises(InputError, match=f"a screening brief holds at most {MAX_BRIEF_LABELS}"):
        brief_size(MAX_BRIEF_LABELS + 1)
