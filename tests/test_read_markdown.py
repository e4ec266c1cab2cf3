"""Markdown reading: blocks as paragraphs, headings marked, emphasis as italic spans, links kept."""

from essaycheck.read import document_from_text, read_document


def read(text):
    return document_from_text(text, kind="md").paragraphs


def test_blocks_join_soft_wrapped_lines_and_keep_start_line():
    paragraphs = read("First line\nwraps here.\n\n\nSecond block.\n")
    assert [(p.line, p.text) for p in paragraphs] == [(1, "First line wraps here."), (5, "Second block.")]


def test_atx_and_setext_headings():
    paragraphs = read("# Title #\n\nText.\n\nReferences\n==========\n\nSub\n---\n\n### Three\n")
    assert [(p.text, p.is_heading, p.style, p.line) for p in paragraphs] == [
        ("Title", True, "Heading 1", 1), ("Text.", False, "", 3), ("References", True, "Heading 1", 5),
        ("Sub", True, "Heading 2", 8), ("Three", True, "Heading 3", 11),
    ]


def test_list_items_are_their_own_paragraphs():
    paragraphs = read("Intro.\n\n- Smith, J. (2020). One.\n- Lee, A. (2019). Two\n  continued.\n\n1. Numbered.\n")
    assert [(p.line, p.text) for p in paragraphs] == [
        (1, "Intro."), (3, "Smith, J. (2020). One."), (4, "Lee, A. (2019). Two continued."), (7, "Numbered."),
    ]


def test_emphasis_becomes_italic_spans_and_bold_markers_go():
    (paragraph,) = read("Smith, J. (2020). *The title*. **Bold** _Journal_, ***both***.")
    assert paragraph.text == "Smith, J. (2020). The title. Bold Journal, both."
    assert [paragraph.text[s:e] for s, e in paragraph.italic] == ["The title", "Journal", "both"]


def test_underscores_inside_words_and_urls_are_not_emphasis():
    (paragraph,) = read("See https://example.org/some_path_here and snake_case_name.")
    assert paragraph.text == "See https://example.org/some_path_here and snake_case_name."
    assert paragraph.italic == ()


def test_links_and_autolinks():
    (paragraph,) = read("Read [the report](https://example.org/r) or <https://doi.org/10.1/x>.")
    assert paragraph.text == "Read the report or https://doi.org/10.1/x."
    assert [(paragraph.text[l.start:l.end], l.url) for l in paragraph.links] == [
        ("the report", "https://example.org/r"), ("https://doi.org/10.1/x", "https://doi.org/10.1/x")]


def test_italic_inside_link_and_escapes():
    (paragraph,) = read("[*Book*](https://x.org) costs \\*5\\*.")
    assert paragraph.text == "Book costs *5*."
    assert paragraph.italic == ((0, 4),) and paragraph.links[0].end == 4


def test_code_tables_and_thematic_breaks():
    paragraphs = read("Text `a*b*c`.\n\n---\n\n| Author | Year |\n|---|---|\n| Smith | 2020 |\n\n    code block\n")
    assert [(p.text, p.part) for p in paragraphs] == [
        ("Text a*b*c.", "body"), ("Author", "table"), ("Year", "table"), ("Smith", "table"),
        ("2020", "table"), ("code block", "body"),
    ]
    assert paragraphs[0].italic == ()


def test_markdown_file_from_disk(tmp_path):
    path = tmp_path / "essay.md"
    path.write_text("# Essay\r\n\r\nBody (Smith, 2020).\r\n\r\n## References\r\n\r\nSmith, J. (2020). *T*.\r\n")
    document = read_document(path)
    assert document.kind == "md"
    assert [(p.line, p.text) for p in document.paragraphs] == [
        (1, "Essay"), (3, "Body (Smith, 2020)."), (5, "References"), (7, "Smith, J. (2020). T.")]
