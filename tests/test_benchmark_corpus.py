"""The benchmark's corpus generator (benchmarks/corpus.py): reproducible, and like news in size.

The benchmark's figures are only worth what its text is worth: a corpus whose words all repeat
lets a tokenizer with a word cache run several times faster than it does on news.
"""

from __future__ import annotations

import random
from pathlib import Path
from types import ModuleType

import pytest

from _support import benchmark_corpus


@pytest.fixture(scope="module")
def corpus() -> ModuleType:
    return benchmark_corpus()


def _texts(corpus: ModuleType, share: float, count: int, seed: int = 7) -> list[str]:
    stream = corpus.records(share, seed, "test")
    return [next(stream)["text"] for _ in range(count)]


def test_the_same_seed_gives_the_same_articles(corpus: ModuleType) -> None:
    assert _texts(corpus, 0.2, 20) == _texts(corpus, 0.2, 20)
    assert _texts(corpus, 0.2, 20) != _texts(corpus, 0.2, 20, seed=8)


def test_a_smaller_corpus_is_a_prefix_of_a_larger_one(corpus: ModuleType, tmp_path: Path) -> None:
    small, large = tmp_path / "small.jsonl", tmp_path / "large.jsonl"
    corpus.write_corpus(small, 0.05, 0.2, 11, "x")
    corpus.write_corpus(large, 0.2, 0.2, 11, "x")
    assert large.read_text(encoding="utf-8").startswith(small.read_text(encoding="utf-8"))


def test_articles_are_about_three_kilobytes(corpus: ModuleType) -> None:
    sizes = [len(text) for text in _texts(corpus, 0.2, 50)]
    assert min(sizes) >= 2_900
    assert max(sizes) <= 3_800


def _types(texts: list[str]) -> int:
    return len({word for text in texts for word in text.split()})


def test_the_vocabulary_keeps_growing_with_the_text_like_news(corpus: ModuleType) -> None:
    # Heaps' law: news over n words has some k * n**b distinct words, b about 0.5 to 0.6.
    texts = _texts(corpus, 0.2, 600)
    first, both = _types(texts[:300]), _types(texts)
    assert first > 4_000  # with fixed lists of fillers it was under 800
    assert both > 1.3 * first  # twice the text brings more new words, not a saturated list


def test_names_recur_few_times_most_once(corpus: ModuleType) -> None:
    rng = random.Random(3)
    names = [corpus._surname(rng) for _ in range(5_000)]
    counts = {name: names.count(name) for name in set(names)}
    assert max(counts.values()) > 20  # the commonest names come back (Zipf)
    assert sum(1 for count in counts.values() if count == 1) > len(counts) // 2


@pytest.mark.parametrize("share", [0.01, 0.2])
def test_the_share_of_measure_sentences_is_the_one_asked_for(
    corpus: ModuleType, share: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[bool] = []
    fill = corpus._fill

    def recording_fill(template: str, rng: random.Random) -> str:
        drawn.append(template in corpus.MEASURE_TEMPLATES)
        return str(fill(template, rng))

    monkeypatch.setattr(corpus, "_fill", recording_fill)
    _texts(corpus, share, 1_000)
    assert len(drawn) > 15_000  # about 20 sentences an article
    assert abs(sum(drawn) / len(drawn) - share) < 0.2 * share
