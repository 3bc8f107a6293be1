"""The lemmatizer (core.lemmas): word forms to one key, the project's overrides, folded
diacritics, and excerpts whose matched words are marked and everything else escaped."""

import pytest

from core.lemmas import (
    OVERRIDES,
    highlighted_excerpt,
    lemma_key,
    lemmas_of,
    query_keys,
    query_words,
)


@pytest.mark.parametrize(
    ("language", "forms"),
    [
        ("pl", ["integracja", "integracji", "integrację", "integracje"]),
        ("pl", ["żołnierz", "żołnierzy", "żołnierzom", "zolnierz"]),
        ("pl", ["organizacja", "organizacji", "organizacjami"]),
        ("pl", ["pozarządowa", "pozarządowych", "pozarządowy"]),
        ("uk", ["інтеграція", "інтеграцію", "інтеграції"]),
        ("uk", ["мігранти", "мігрантів", "мігрант"]),
        ("uk", ["біженці", "біженців", "біженцем"]),
        ("en", ["integration", "integrating", "integrate"]),
        ("en", ["meeting", "meetings", "meet"]),
        ("en", ["refugee", "refugees"]),
    ],
)
def test_every_form_of_a_word_has_one_key(language, forms):
    assert len({lemma_key(form, language) for form in forms}) == 1, [
        lemma_key(form, language) for form in forms
    ]


def test_the_project_dictionary_overrides_simplemma():
    # "polityk" is the genitive plural of "polityka" here ("brak polityk integracyjnych"),
    # and simplemma knows no "fundraisingu".
    assert lemma_key("polityk", "pl") == lemma_key("polityki", "pl") == "polityka"
    assert lemma_key("fundraisingu", "pl") == lemma_key("fundraising", "pl") == "fundraising"
    assert lemma_key("фандрейзингу", "uk") == lemma_key("фандрейзинг", "uk")
    for language, overrides in OVERRIDES.items():
        for form, lemma in overrides.items():
            assert form == form.lower()
            assert lemma_key(form, language) == lemma_key(lemma, language)


def test_what_is_indexed_keeps_lemmas_and_the_folded_words_as_written():
    assert lemmas_of("Żołnierzy w Toruniu", "pl").split() == [
        "zolnierz",
        "zolnierzy",
        "w",
        "torun",
        "toruniu",
    ]
    assert lemmas_of("об'єднання", "uk") == "обєднання"
    assert lemmas_of("", "pl") == ""


def test_a_query_drops_stop_words_and_repeats_unless_nothing_else_is_left():
    assert query_words("integracja w Toruniu i integracja", "pl") == [
        ("integracja",),
        ("torun", "toruniu"),
    ]
    assert query_words("w", "pl") == [("w",)]
    assert query_keys("the refugees", "en") == ["refuge", "refugees"]
    assert query_keys('" * -', "pl") == []


def test_a_word_typed_without_diacritics_is_also_asked_for_as_written():
    # simplemma's rules misread "pozarzadowy"; the page's own "pozarządowy" is indexed
    # folded as written, so the query asks for that too.
    assert "pozarzadowy" in query_keys("pozarzadowy", "pl")
    assert "pozarzadowy" in lemmas_of("pozarządowy", "pl").split()


def test_an_unknown_language_is_read_as_polish():
    assert lemma_key("integracji", "de") == "integracja"


def test_an_excerpt_marks_every_form_and_escapes_the_rest():
    text = "Zaproszenie <script>alert(1)</script> na rozmowę o integracji. Integracja & co dalej?"

    excerpt = highlighted_excerpt(text, query_keys("integracja", "pl"), "pl")

    assert "<script>" not in excerpt
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in excerpt
    assert "<mark>integracji.</mark>" in excerpt
    assert "<mark>Integracja</mark>" in excerpt
    assert "&amp;" in excerpt


def test_an_excerpt_is_cut_around_the_first_match():
    text = " ".join(["słowo"] * 100 + ["migrantów"] + ["koniec"] * 100)

    excerpt = highlighted_excerpt(text, query_keys("migrant", "pl"), "pl", length=20)

    assert excerpt.startswith("… ")
    assert excerpt.endswith(" …")
    assert "<mark>migrantów</mark>" in excerpt
    assert len(excerpt.split()) <= 23
