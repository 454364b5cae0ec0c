"""The dictionary loader and matcher (expected matches worked out by hand)."""

import pytest

from toolkit.lexicons.dictionary import Dictionary, DictionaryError, load_dictionary


def test_globs_multiword_and_joined_tokens():
    d = Dictionary({"trade": ["export control*", "tariff?"], "talks": ["negotiat*"]})
    toks = ["Export", "controls", "and", "tariffs", "and", "export_controls", "negotiators"]
    got = [(m.start, m.end, m.category, m.pattern) for m in d.match(toks)]
    assert got == [
        (0, 2, "trade", "export control*"),
        (3, 4, "trade", "tariff?"),
        (5, 6, "trade", "export control*"),
        (6, 7, "talks", "negotiat*"),
    ]


def test_pattern_never_matches_inside_a_joined_token():
    d = Dictionary({"kr": ["korea"]})
    assert d.count(["North_Korea", "Korea", "korean"]) == {"kr": 1}


def test_multiword_entries_match_whatever_expressions_the_tokens_joined():
    # the same entry against tokens joined by different multi-word expression lists
    d = Dictionary({"pm": ["Prime Minister Kishida Fumio"]})
    for toks in (
        ["Prime", "Minister", "Kishida", "Fumio"],
        ["Prime_Minister", "Kishida", "Fumio"],
        ["Prime", "Minister", "Kishida_Fumio"],
        ["Prime_Minister", "Kishida_Fumio"],
    ):
        got = [(m.start, m.end) for m in d.match([*toks, "said"])]
        assert got == [(0, len(toks))], toks
    # but never a part of a joined token: "Minister Kishida" starts inside Prime_Minister
    assert Dictionary({"x": ["Minister Kishida"]}).count(["Prime_Minister", "Kishida"]) == {"x": 0}
    # one glob element may stand for a whole joined token
    d = Dictionary({"party": ["ruling *party"]})
    got = d.match(["the", "ruling", "Liberal_Democratic_Party", "won"])
    assert [(m.start, m.end) for m in got] == [(1, 3)]


def test_longest_match_wins_and_no_overlap_within_a_category():
    d = Dictionary({"x": ["trade", "trade war", "war"]})
    got = [(m.start, m.end, m.pattern) for m in d.match(["trade", "war", "war"])]
    assert got == [(0, 2, "trade war"), (2, 3, "war")]


def test_categories_match_independently():
    d = Dictionary({"a": ["peace"], "b": ["peace talks"]})
    got = [(m.category, m.start, m.end) for m in d.match(["peace", "talks"])]
    assert got == [("a", 0, 1), ("b", 0, 2)]


def test_excludes_cancel_covered_matches():
    d = Dictionary({"kr": ["seoul"]}, exclude={"kr": ["seoul national university"]})
    toks = ["Seoul", "National", "University", "and", "Seoul"]
    assert [(m.start, m.end) for m in d.match(toks)] == [(4, 5)]


def test_case_sensitivity_option():
    d = Dictionary({"us": ["US"]}, case_sensitive=True)
    assert d.count(["us", "US"]) == {"us": 1}


def test_yaml_nested_categories_values_and_metadata(tmp_path):
    path = tmp_path / "d.yaml"
    path.write_text(
        "_about: documentation keys are skipped\n"
        "tone:\n"
        "  positive: [cooperat*, {stability: 1.5}]\n"
        "  negative: [tension*]\n"
        "frames:\n"
        "  history:\n"
        "    label: History\n"
        "    patterns: [apolog*, colonial rule]\n"
        "    exclude: [apologist]\n",
        encoding="utf-8",
    )
    d = load_dictionary(path)
    assert d.categories == {
        "tone.positive": ["cooperat*", "stability"],
        "tone.negative": ["tension*"],
        "frames.history": ["apolog*", "colonial rule"],
    }
    assert d.values[("tone.positive", "stability")] == 1.5
    assert d.meta["frames.history"]["label"] == "History"
    assert d.count(["apologist", "apology"])["frames.history"] == 1
    assert d.name == "d"


def test_a_mapping_loads_like_the_same_yaml_file(tmp_path):
    mapping = {"_about": "documentation", "tone": {"positive": ["calm*"]}, "x": ["y"]}
    path = tmp_path / "d.yaml"
    path.write_text("_about: documentation\ntone:\n  positive: [calm*]\nx: [y]\n", encoding="utf-8")
    assert load_dictionary(mapping).categories == {"tone.positive": ["calm*"], "x": ["y"]}
    assert load_dictionary(path).categories == load_dictionary(mapping).categories
    # "_language" is the one documentation key that is read
    assert load_dictionary(mapping).language == ""
    assert load_dictionary({"_language": "en", "x": ["y"]}).language == "en"


def test_two_column_tables_with_categories_or_values(tmp_path):
    cats = tmp_path / "cats.csv"
    cats.write_text("word,category\nprovocation,negative\naccord,positive\n", encoding="utf-8")
    d = load_dictionary(cats)
    assert d.categories == {"negative": ["provocation"], "positive": ["accord"]}
    vals = tmp_path / "vals.tsv"
    vals.write_text("# comment\nfrayed\t-1.5\nstability\t2\n", encoding="utf-8")
    d = load_dictionary(vals)
    assert d.categories == {"negative": ["frayed"], "positive": ["stability"]}
    assert d.values[("negative", "frayed")] == -1.5


def test_malformed_files_name_the_line(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("word,category\nfine,pos\nbroken_line_without_category\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="line 3"):
        load_dictionary(bad)
    bad_yaml = tmp_path / "bad.yaml"
    bad_yaml.write_text("a: [x, y\nb: z\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="bad.yaml"):
        load_dictionary(bad_yaml)
    with pytest.raises(DictionaryError, match="unknown dictionary format"):
        load_dictionary(tmp_path / "bad.csv", format="nope")


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no dictionary file"):
        load_dictionary(tmp_path / "absent.yaml")


def test_korean_patterns_match_after_english_only_texts():
    # Korean patterns are indexed only once a text has Hangul; a matcher that
    # has already seen English tokens must still find them (constructed tokens).
    d = Dictionary({"territory": ["독도*", "dokdo"], "neg": ["tension*"]})
    english = [(m.category, m.pattern, m.start) for m in d.match(["Dokdo", "tensions"])]
    assert english == [("territory", "dokdo", 0), ("neg", "tension*", 1)]
    korean = [(m.category, m.pattern, m.start) for m in d.match(["독도", "는", "Dokdo"])]
    assert korean == [("territory", "독도*", 0), ("territory", "dokdo", 2)]
    assert d.count(["Dokdo"]) == {"territory": 1, "neg": 0}


def test_globs_match_by_first_letter_and_beyond_ascii():
    # "*crisis" starts with a wildcard; "s*t" must also match a token written
    # with the long s, which Python's case-insensitive regex matches to "s".
    d = Dictionary({"neg": ["tension*", "*crisis", "s*t"], "pos": ["Calm*"]})
    toks = ["Tensions", "crisis", "\u017fet", "Set", "calmer", "upset"]
    got = [(m.pattern, m.start) for m in d.match(toks)]
    assert got == [
        ("tension*", 0),
        ("*crisis", 1),
        ("s*t", 2),
        ("s*t", 3),
        ("Calm*", 4),
    ]
