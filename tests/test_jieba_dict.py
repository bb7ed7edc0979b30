"""The chunked jieba dictionary (studio.jieba_dict): same words as jieba's own load, a dictionary
per tokenizer, a broken cache read again."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest

import studio.jieba_dict as jd

SENTENCES = ("这个口红适合黄皮吗", "福袋什么时候开奖", "主播的链接三号多少钱", "秒杀库存还有吗")


def test_tokenizers_cut_as_jiebas_own_load() -> None:
    """A tokenizer from the chunked dictionary splits text exactly as jieba's own does."""
    jieba = jd._jieba()
    own = jieba.Tokenizer()
    own.initialize()
    ours = jd.new_tokenizer()
    assert ours.total == own.total and len(ours.FREQ) == len(own.FREQ)
    for text in SENTENCES:
        assert list(ours.cut(text, HMM=False)) == list(own.cut(text, HMM=False))


def test_each_tokenizer_has_its_own_dictionary() -> None:
    """Words one feature adds do not move another feature's boundaries."""
    a, b = jd.new_tokenizer(), jd.new_tokenizer()
    a.add_word("口红适合", freq=500_000)
    assert "口红适合" in a.FREQ and "口红适合" not in b.FREQ
    assert "口红适合" not in jd.prefix_dict()[0]


def test_the_cache_is_kept_in_short_chunks(tmp_path: Path) -> None:
    """The cache holds the dictionary in chunks of at most CHUNK entries (each one short load)."""
    freq, total = jd.prefix_dict()
    path = tmp_path / "dict.chunks"
    jd._write_chunks(path, freq, total)
    stored_total, chunks = marshal.loads(path.read_bytes())
    assert stored_total == total and len(chunks) > 10
    assert all(len(marshal.loads(c)) <= jd.CHUNK for c in chunks)
    assert jd._read_chunks(path) == (freq, total)


@pytest.mark.parametrize("content", [b"", b"not marshal at all", marshal.dumps((1, [b"x"]))])
def test_a_broken_cache_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes
) -> None:
    """An empty, corrupt or truncated cache file is rebuilt from jieba's dictionary text."""
    path = tmp_path / "broken.chunks"
    path.write_bytes(content)
    monkeypatch.setattr(jd, "cache_path", lambda _jieba: path)
    monkeypatch.setattr(jd, "_prefix", None)
    freq, total = jd.prefix_dict()
    assert len(freq) > 400_000 and total > 0
    assert jd._read_chunks(path) == (freq, total)  # written again, whole
