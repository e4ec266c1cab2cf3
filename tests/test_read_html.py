"""The HTML reader: Moodle online-text fragments and ordinary pages, one feature at a time."""


import pytest
from equivalence import assert_read_as_the_docx

from essaycheck.errors import InputError
from essaycheck.read import read_document
from essaycheck.read.html import html_paragraphs
from html_factory import html_from_paragraphs


def read(html, encoding="utf-8"):
    data = html.encode(encoding) if isinstance(html, str) else html
    return html_paragraphs(data, "onlinetext.html")


def texts(html):
    return [paragraph.text for paragraph in read(html)]


def italics(paragraph):
    return [paragraph.text[start:end] for start, end in paragraph.italic]


def test_moodle_fragment_with_paragraphs_and_emphasis():
    paragraphs = read('<p dir="ltr" style="text-align: left;">Networks matter (Granovetter, 1973).</p>'
                      "<p><strong>References</strong></p>"
                      "<p>Granovetter, M. S. (1973). The strength of weak ties. <em>American Journal of "
                      "Sociology</em>, <i>78</i>(6), 1360&ndash;1380.</p>")
    assert [(q.index, q.text, q.is_heading, q.part) for q in paragraphs] == [
        (0, "Networks matter (Granovetter, 1973).", False, "body"),
        (1, "References", True, "body"),  # a short bold line is a heading, as in a .docx
        (2, "Granovetter, M. S. (1973). The strength of weak ties. American Journal of Sociology, 78(6), "
            "1360–1380.", False, "body"),
    ]
    assert italics(paragraphs[2]) == ["American Journal of Sociology", "78"]


def test_text_straight_in_the_body_with_line_breaks():
    assert texts("First paragraph (Smith, 2020).<br><br>Second paragraph.<br />\nThird line") == [
        "First paragraph (Smith, 2020).", "Second paragraph.", "Third line"]


def test_a_reference_list_typed_one_entry_per_line():
    assert texts("<p>References<br>Lee, A. (2019). <i>Book</i>. Pub.<br>Ng, B. (2018). <i>Other</i>. Pub.</p>") == [
        "References", "Lee, A. (2019). Book. Pub.", "Ng, B. (2018). Other. Pub."]


def test_italic_from_cite_and_inline_styles_and_normal_cancels():
    (paragraph,) = read('<p><cite>Cited</cite> <span style="font-style: italic">styled</span> '
                        '<span style="color:red; font-style:oblique">oblique</span> '
                        '<em>em <span style="font-style: normal">upright</span> again</em></p>')
    assert italics(paragraph) == ["Cited", "styled", "oblique", "em ", " again"]


def test_headings_h1_to_h6():
    paragraphs = read("<h1>Title</h1><h3>Deep <em>one</em></h3><p>Text.</p>")
    assert [(q.text, q.style, q.is_heading) for q in paragraphs] == [
        ("Title", "Heading 1", True), ("Deep one", "Heading 3", True), ("Text.", "", False)]
    assert italics(paragraphs[1]) == ["one"]


def test_links_keep_their_text_and_url():
    (paragraph,) = read('<p>See <a href="https://doi.org/10.1037/a0001">https://doi.org/10.1037/a0001</a>, '
                        '<a href="#top">top</a>, <a href="javascript:void(0)">js</a> and '
                        '<a href="https://example.org/?a=1&amp;b=2">a <b>page</b></a>.</p>')
    assert paragraph.text == "See https://doi.org/10.1037/a0001, top, js and a page."
    assert [(paragraph.text[x.start:x.end], x.url) for x in paragraph.links] == [
        ("https://doi.org/10.1037/a0001", "https://doi.org/10.1037/a0001"), ("a page", "https://example.org/?a=1&b=2")]


def test_entities_are_decoded():
    assert texts("<p>Sch&ouml;n &amp; Caf&#233; &#x2013; &ldquo;quoted&rdquo;&nbsp;end &lt;tag&gt;</p>") == [
        "Schön & Café – “quoted”\u00a0end <tag>"]


def test_lists_and_tables():
    paragraphs = read("<ul><li>One</li><li>Two<ol><li>Nested</li></ol></li></ul>"
                      "<table><caption>Table 1</caption><tr><th>Activity</th><th>Hours</th></tr>"
                      "<tr><td><i>Reading</i></td><td>12<p>more</p></td></tr></table><p>After</p>")
    assert [(q.text, q.part) for q in paragraphs] == [
        ("One", "body"), ("Two", "body"), ("Nested", "body"), ("Table 1", "table"), ("Activity", "table"),
        ("Hours", "table"), ("Reading", "table"), ("12", "table"), ("more", "table"), ("After", "body")]
    assert not any(q.is_heading for q in paragraphs)


def test_plain_page_skips_head_scripts_styles_nav_and_hidden_elements():
    page = ("<!DOCTYPE html><html><head><title>Page title</title><style>p {color: red}</style>"
            "<script>var x = '<p>no</p>';</script></head><body><nav><a href='/'>Home</a></nav>"
            "<main><p>Visible (Smith, 2020).</p><div hidden>hidden attr</div><p style='display: none'>gone</p>"
            "<span style='visibility:hidden'>invisible</span><span aria-hidden='true'>icon</span>"
            "<noscript>enable js</noscript><template><p>t</p></template>"
            "<form><button>Submit</button><input value='x'></form><p>End.<!-- a comment --></p></main></body></html>")
    assert texts(page) == ["Visible (Smith, 2020).", "End."]


def test_whitespace_collapses_but_not_in_pre():
    assert texts("<p>\n  Smith,\n   J.   (2020)\t end  </p><pre>line  one\nline two</pre>") == [
        "Smith, J. (2020) end", "line  one", "line two"]


def test_inline_quotes_become_curly_quotes():
    assert texts("<p>He said <q>networks matter</q> (Lee, 2019, p. 4).</p>") == [
        "He said “networks matter” (Lee, 2019, p. 4)."]


@pytest.mark.parametrize("head", ['<meta charset="windows-1252">',
                                  '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'])
def test_charset_from_the_meta_tag(head):
    data = f"<html><head>{head}</head><body><p>Sch\u00f6n \u2013 \u201cq\u201d</p></body></html>".encode("cp1252")
    assert texts(data) == ["Schön – “q”"]


def test_utf8_by_default_and_cp1252_for_bad_bytes():
    assert texts("<p>Schön – “q”</p>".encode("utf-8")) == ["Schön – “q”"]
    assert texts("<p>Schön – “q”</p>".encode("cp1252")) == ["Schön – “q”"]
    assert texts(b"\xef\xbb\xbf<p>with BOM \xc3\xa9</p>") == ["with BOM é"]
    assert texts("\ufeff<p>UTF-16 caf\u00e9</p>".encode("utf-16-le")) == ["UTF-16 café"]


def test_an_unknown_charset_falls_back_to_utf8():
    assert texts('<meta charset="x-no-such-thing"><p>café</p>'.encode()) == ["café"]


def test_external_entities_and_network_are_never_used():
    page = ('<!DOCTYPE html SYSTEM "http://127.0.0.1:9/evil.dtd" [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            "<html><body><p>a &x; b</p></body></html>")
    paragraphs = read(page)  # HTML has no internal subset: a browser shows its "]>" too
    assert paragraphs[-1].text == "a &x; b" and not any("root:" in q.text for q in paragraphs)


def test_empty_or_blank_input_has_no_paragraphs():
    assert read("") == ()
    assert read("   <!-- nothing --> ") == ()
    assert read("<p> </p><div><br></div>") == ()


def test_binary_data_is_refused():
    with pytest.raises(InputError, match="binary data"):
        read(b"<p>x</p>\x00\x01\x02")


def test_too_many_elements_is_refused():
    with pytest.raises(InputError, match="HTML elements"):
        read("<b>x</b>" * 600_001)


def test_deep_nesting_is_cut_by_the_parser_not_a_crash():
    assert texts("<div>" * 200 + "deep" + "</div>" * 200) == ["deep"]
    assert texts("<div>" * 50_000 + "too deep" + "</div>" * 50_000 + "<p>after</p>") in ([], ["after"])


# --- the same essay as .docx and HTML -----------------------------------------------------


@pytest.mark.parametrize("sample", ["clean-essay", "mistakes-essay"])
def test_same_essay_as_docx_and_html(tmp_path, sample):
    original = read_document(f"samples/{sample}.docx")
    path = tmp_path / "onlinetext.html"
    path.write_text(html_from_paragraphs(original.paragraphs), encoding="utf-8")
    paragraphs = html_paragraphs(path.read_bytes(), str(path))
    assert_read_as_the_docx(original, "html", path, paragraphs)
