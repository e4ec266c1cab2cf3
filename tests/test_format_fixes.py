"""One test per correction of citeproc-py (essaycheck/formatting/fixes.py and sorting.py)."""

import sys

from essaycheck.formatting import fixes, markup, render_entries
from essaycheck.formatting.sorting import apa_order, suffix


def one(item, **kw):
    return render_entries([{"id": "x", **item}], **kw)[0]


def person(family, given):
    return {"family": family, "given": given}


BOOK = {"type": "book", "author": [person("Smith", "Jane")], "issued": {"date-parts": [[2020]]},
        "title": "A book", "publisher": "Wiley"}


def test_importing_formatting_does_not_import_citeproc():
    import subprocess

    code = "import essaycheck.formatting, sys; print('citeproc' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_year_suffixes_in_apa_order_by_title():
    a = {**BOOK, "id": "a", "title": "Zebra"}
    b = {**BOOK, "id": "b", "title": "The apple"}
    entries = render_entries([a, b], in_text=True)
    assert [e.id for e in entries] == ["b", "a"]
    assert [e.parenthetical for e in entries] == ["(Smith, 2020a)", "(Smith, 2020b)"]
    assert "(2020a). The apple" in entries[0].text


def test_year_suffix_on_no_date():
    a = {k: v for k, v in BOOK.items() if k != "issued"}
    entries = render_entries([{**a, "id": "1", "title": "B"}, {**a, "id": "2", "title": "A"}])
    assert [e.text.split(". ")[1] for e in entries] == ["(n.d.-a)", "(n.d.-b)"]


def test_suffix_letters():
    assert [suffix(n) for n in (0, 1, 25, 26)] == ["a", "b", "z", "aa"]


def test_editor_labels_capitalised():
    chapter = {"type": "chapter", "author": [person("Lee", "Ann")], "editor": [person("Ng", "Bo"), person("Ho", "Cy")],
               "issued": {"date-parts": [[2013]]}, "title": "Ch", "container-title": "Book", "page": "1-2",
               "publisher": "P"}
    assert "(Eds.)," in one(chapter).text
    edited = {**BOOK, "editor": BOOK["author"]}
    del edited["author"]
    assert one(edited).text.startswith("Smith, J. (Ed.). (2020). A book. Wiley.")


def test_translator_label_capitalised():
    assert "(M. Cook, Trans.)" in one({**BOOK, "translator": [person("Cook", "Margaret")]}).text


def test_substituted_editor_not_repeated():
    edited = {**BOOK, "editor": BOOK["author"]}
    del edited["author"]
    assert one(edited).text.count("Smith") == 1


def test_authorless_web_page_title_printed_once():
    page = {"type": "webpage", "title": "Anxiety", "container-title": "Mind", "URL": "https://mind.example/a",
            "issued": {"date-parts": [[2021, 5, 1]]}}
    text = one(page).text
    assert text.count("Anxiety") == 1 and text.startswith("Anxiety. (2021, May 1). Mind.")


def test_html_escapes_ampersand_in_titles():
    article = {"type": "article-journal", "author": [person("Ng", "Bo")], "issued": {"date-parts": [[2019]]},
               "title": "Risk & resilience <3", "container-title": "Child Psychology & Psychiatry", "volume": "6"}
    html = one(article).html
    assert "Risk &amp; resilience &lt;3" in html and "<i>Child Psychology &amp; Psychiatry</i>" in html
    assert " & " not in html


def test_markup_does_not_leak_into_plain_text():
    article = {"type": "article-journal", "author": [person("Ng", "Bo")], "issued": {"date-parts": [[2019]]},
               "title": "Genes of <i>Drosophila</i> <sup>2</sup>", "container-title": "Genetics", "volume": "6"}
    entry = one(article)
    assert "<" not in entry.text and "Genes of Drosophila 2" in entry.text
    assert "Drosophila" in [entry.text[s:e] for s, e in entry.italic]


def test_nested_italics_flip_to_roman():
    entry = one({**BOOK, "title": "Reading <i>Hamlet</i> today"})
    assert [entry.text[s:e] for s, e in entry.italic] == ["Reading ", " today"]


def test_hyphenated_given_names():
    assert fixes.initials("Ji-woo", ".") == "J.-W."
    assert fixes.initials("Jean-Paul", ".") == "J.-P."
    assert fixes.initials("Nathanael J.", ". ").strip() == "N. J."
    assert one({**BOOK, "author": [person("Park", "Ji-woo")]}).text.startswith("Park, J.-W. (2020)")


def test_lower_case_initials_stay_initials():
    """danah boyd writes her name in lower case; her initials are not particles."""
    assert fixes.initials("d. m.", ". ").strip() == "d. m."
    assert fixes.initials("Jean de", ".") == "J. de"
    assert one({**BOOK, "author": [person("boyd", "d. m.")]}).text.startswith("boyd, d. m. (2020)")


def test_curly_apostrophes_and_quotes():
    assert fixes.curly_quotes("O'Brien's \"best\" 'idea'") == "O\u2019Brien\u2019s \u201cbest\u201d \u2018idea\u2019"
    assert one({**BOOK, "author": [person("O'Brien", "Ann")]}).text.startswith("O\u2019Brien, A.")


def test_sorting_by_letter_not_code_point():
    names = ["Zhang", "Øvrebø", "Łukasz", "Adams", "Müller"]
    items = [{**BOOK, "id": n, "author": [person(n, "A")]} for n in names]
    assert [i["id"] for i in apa_order(items)] == ["Adams", "Łukasz", "Müller", "Øvrebø", "Zhang"]


def test_sorting_nothing_precedes_something_and_single_before_multiple():
    items = [{**BOOK, "id": "browning", "author": [person("Browning", "A")]},
             {**BOOK, "id": "brown2", "author": [person("Brown", "J"), person("Abel", "C")]},
             {**BOOK, "id": "brown", "author": [person("Brown", "J")]}]
    assert [i["id"] for i in apa_order(items)] == ["brown", "brown2", "browning"]


def test_dates_sorted_nd_first_then_years_then_in_press():
    nd = {k: v for k, v in BOOK.items() if k != "issued"}
    items = [{**BOOK, "id": "2020"}, {**nd, "id": "press", "status": "in press"}, {**nd, "id": "nd"},
             {**BOOK, "id": "2019", "issued": {"date-parts": [[2019]]}}]
    assert [i["id"] for i in apa_order(items)] == ["nd", "2019", "2020", "press"]


def test_no_dangling_retrieved_without_date():
    page = {"type": "webpage", "author": [person("Ng", "Bo")], "title": "Page", "URL": "https://x.example/p"}
    assert "Retrieved" not in one(page).text
    assert fixes.drop_dangling_retrieved("A. Retrieved https://x", {}) == "A. https://x"


def test_publisher_same_as_group_author_dropped():
    report = {"type": "report", "author": [{"literal": "World Health Organization"}], "issued": {"date-parts": [[2018]]},
              "title": "Road safety", "publisher": "World Health Organization"}
    assert one(report).text == "World Health Organization. (2018). Road safety."


def test_report_number_with_hyphen_is_numeric_and_singular():
    assert fixes.is_numeric("18-2059") and fixes.is_numeric("2b, 3") and not fixes.is_numeric("draft")
    report = {"type": "report", "author": [{"literal": "NCI"}], "issued": {"date-parts": [[2019]]},
              "title": "T", "genre": "NIH Publication", "number": "18-2059", "publisher": "HHS"}
    assert "(NIH Publication No. 18-2059)" in one(report).text


def test_group_with_only_empty_variables_suppressed():
    thesis = {"type": "thesis", "author": [person("Lee", "Ann")], "issued": {"date-parts": [[2016]]},
              "title": "T", "genre": "Doctoral dissertation", "publisher": "U"}
    assert "(Publication)" not in one(thesis).text


def test_apa_ellipsis_for_21_authors():
    assert fixes.apa_ellipsis("A, A., \u2026 Z, Z.") == "A, A., . . . Z, Z."


def test_collation_key_ignores_marks_accents_and_apostrophes():
    key = fixes.collation_key
    assert key("\ue000Title\ue001")[1] == "title"
    assert key("O\u2019Brien") < key("Øvrebø")
    assert key("12") < key("9a")


def test_numbered_style_gets_a_space_after_the_label():
    assert fixes.space_after_label("[1]M. Raj") == "[1] M. Raj"
    entry = render_entries([{**BOOK, "id": "b"}], style="ieee")[0]
    assert entry.text.startswith("[1] J. Smith")


def test_italic_spans_and_outputs():
    text, spans = markup.italic_spans("a \ue000b & c\ue001 d")
    assert (text, spans) == ("a b & c d", ((2, 7),))
    assert markup.to_html(text, spans) == "a <i>b &amp; c</i> d"
    assert markup.to_markdown(text, spans) == "a *b & c* d"


def test_no_period_after_a_title_that_ends_in_a_question_mark():
    entry = one({**BOOK, "title": "Is networking worth it?"})
    assert "worth it? " in entry.text and "?." not in entry.text
    assert fixes.no_period_after_question("a?. b") == "a? b"


def test_an_entry_renders_once_and_keeps_the_id_it_is_asked_under():
    from essaycheck.formatting import render as rendering

    first = render_entries([{**BOOK, "id": "ref-0"}])[0]
    rendering._RENDERED.clear()
    calls = []
    original = rendering._render_one
    rendering._render_one = lambda *a, **k: calls.append(1) or original(*a, **k)
    try:
        again = [render_entries([{**BOOK, "id": f"ref-{n}"}])[0] for n in (3, 7)]
    finally:
        rendering._render_one = original
    assert len(calls) == 1  # the second essay citing the same work reuses the rendering
    assert [e.id for e in again] == ["ref-3", "ref-7"]
    assert {e.text for e in again} == {first.text}
