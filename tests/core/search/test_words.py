"""Word search: titles, caption phrases with their time, partial words, accents, snippets."""

import pytest

from boss_bot.core.search.sqlite import SqliteSearchIndex, _words

from .conftest import A, captions, entry


def test_a_title_word_finds_the_item(index: SqliteSearchIndex) -> None:
    """A word of the title finds its item, highlighted in the snippet, with no time."""
    index.add(entry("j1", title="Walking across the Golden Gate bridge"))
    index.add(entry("j2", title="Sourdough bread at home"))
    [hit] = index.search(A, "bridge")
    assert hit.entry.job_id == "j1"
    assert "**bridge**" in hit.snippet
    assert hit.at is None


def test_a_caption_phrase_finds_the_item_at_its_time(index: SqliteSearchIndex) -> None:
    """A phrase said in the video finds it, with the start of the stretch that says it."""
    said = captions("welcome back everyone", "today we fix a leaking tap", "thanks for watching")
    index.add(entry("j1", title="Plumbing basics", captions=said))
    [hit] = index.search(A, "leaking tap")
    assert hit.at == 30.0
    assert "**leaking**" in hit.snippet
    assert hit.entry.captions == ()


def test_stems_match_other_forms_of_a_word(index: SqliteSearchIndex) -> None:
    """Porter stems: "running" finds "runs"."""
    index.add(entry("j1", title="How she runs a marathon"))
    assert [h.entry.job_id for h in index.search(A, "running")] == ["j1"]


def test_a_partial_word_finds_the_item_through_trigrams(index: SqliteSearchIndex) -> None:
    """The query "brid" is no word, but it is part of "bridge": trigrams find it."""
    index.add(entry("j1", title="The old bridge"))
    index.add(entry("j2", title="Cooking rice"))
    [hit] = index.search(A, "brid")
    assert hit.entry.job_id == "j1"


def test_a_title_word_beats_the_same_word_in_a_description(index: SqliteSearchIndex) -> None:
    """BM25 weights: the item titled with the word ranks above one that only describes it."""
    index.add(entry("j1", title="Weekend vlog", description="we saw a volcano on the way home"))
    index.add(entry("j2", title="Volcano eruption", description="filmed from the beach"))
    assert [h.entry.job_id for h in index.search(A, "volcano")] == ["j2", "j1"]


def test_items_with_every_word_come_before_items_with_some(index: SqliteSearchIndex) -> None:
    """An item holding all the words ranks above ones holding one word many times."""
    index.add(entry("j1", title="Red red red red car"))
    index.add(entry("j2", title="A red bicycle"))
    index.add(entry("j3", title="Bicycle repair"))
    assert index.search(A, "red bicycle")[0].entry.job_id == "j2"


def test_one_hit_per_item_with_its_best_passage(index: SqliteSearchIndex) -> None:
    """Many matching passages of one item give one hit; the limit counts items."""
    said = captions(*(f"the piano part number {n}" for n in range(10)))
    index.add(entry("j1", title="Piano lesson", captions=said))
    index.add(entry("j2", title="Guitar lesson", description="no piano here, just piano talk"))
    hits = index.search(A, "piano", limit=5)
    assert sorted(h.entry.job_id for h in hits) == ["j1", "j2"]
    assert index.search(A, "piano", limit=1)[0].entry.job_id == "j1"


def test_accents_and_case_are_folded(index: SqliteSearchIndex) -> None:
    """A query "cafe" finds "Café", "CRÈME" finds "crème", and non-Latin words are found too."""
    index.add(entry("j1", title="Café crème in Paris"))
    index.add(entry("j2", title="東京 タワー 夜景", tags=("東京",)))
    assert [h.entry.job_id for h in index.search(A, "cafe")] == ["j1"]
    assert [h.entry.job_id for h in index.search(A, "CRÈME")] == ["j1"]
    assert [h.entry.job_id for h in index.search(A, "東京")] == ["j2"]


def test_tags_uploader_and_host_are_searchable(index: SqliteSearchIndex) -> None:
    """Tags, the uploader's name and the source's host are words of the item."""
    index.add(entry("j1", uploader="Marta Lind", tags=("woodworking",)))
    index.add(entry("j2", source_url="https://vimeo.com/123"))
    assert [h.entry.job_id for h in index.search(A, "woodworking")] == ["j1"]
    assert [h.entry.job_id for h in index.search(A, "lind")] == ["j1"]
    assert [h.entry.job_id for h in index.search(A, "vimeo")] == ["j2"]


def test_words_in_too_many_passages_are_left_out(
    index: SqliteSearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A word as common as "the" neither ranks nor blocks; alone, it is searched after all."""
    monkeypatch.setattr(_words, "COMMON", 5)  # "the" is in 5 passages, "common" in 4
    for n in range(4):
        index.add(entry(f"c{n}", title=f"the the the common {n}"))
    index.add(entry("j1", title="the bridge"))
    assert [h.entry.job_id for h in index.search(A, "the bridge")] == ["j1"]
    assert len(index.search(A, "the")) == 5
    assert len(index.search(A, "common")) == 4
    assert [h.entry.job_id for h in index.search("guild:2", "the bridge")] == []


def test_commonness_is_counted_in_the_owners_own_passages(
    index: SqliteSearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another server's many bridges do not make "bridge" common here."""
    monkeypatch.setattr(_words, "COMMON", 3)
    for n in range(5):
        index.add(entry(f"a{n}", owner="guild:9", title=f"bridge {n}"))
    index.add(entry("b1", title="old bridge footage"))
    assert [h.entry.job_id for h in index.search(A, "bridge recipe")] == ["b1"]
