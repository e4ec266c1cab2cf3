"""Plain-text reading: UTF-8 only, one paragraph per non-empty line, line numbers kept."""

import pytest

from essaycheck.errors import InputError
from essaycheck.read import document_from_text, read_document


def test_one_paragraph_per_non_empty_line_with_line_numbers():
    document = document_from_text("Title\n\n  First line (Smith, 2020).  \n\n\nReferences\nSmith, J. (2020).\n")
    assert document.kind == "txt" and document.path == "<text>"
    assert [(p.index, p.line, p.text) for p in document.paragraphs] == [
        (0, 1, "Title"), (1, 3, "First line (Smith, 2020)."), (2, 6, "References"), (3, 7, "Smith, J. (2020)."),
    ]
    assert all(p.part == "body" and not p.is_heading and p.style == "" for p in document.paragraphs)


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_newlines_are_normalised(newline):
    document = document_from_text(f"one{newline}{newline}two{newline}")
    assert [(p.line, p.text) for p in document.paragraphs] == [(1, "one"), (3, "two")]


def test_utf8_with_bom_is_fine(tmp_path):
    path = tmp_path / "essay.txt"
    path.write_bytes("\ufeffCafé (Müller, 2020).\r\nReferences\r\n".encode("utf-8"))
    document = read_document(path)
    assert [p.text for p in document.paragraphs] == ["Café (Müller, 2020).", "References"]
    assert document.path == str(path)


def test_text_extension_and_no_extension_are_text(tmp_path):
    for name in ("essay.text", "essay", "ESSAY.TXT"):
        path = tmp_path / name
        path.write_text("Hello.\n")
        assert read_document(path).kind == "txt"


def test_plain_text_named_docx_is_read_as_text(tmp_path):
    path = tmp_path / "essay.docx"
    path.write_text("Really plain text.\n")
    document = read_document(path)
    assert document.kind == "txt" and document.paragraphs[0].text == "Really plain text."


def test_unicode_line_separators_do_not_shift_line_numbers():
    document = document_from_text("a\u2028b\x0cc\nd")
    assert [(p.line, p.text) for p in document.paragraphs] == [(1, "a\u2028b\x0cc"), (2, "d")]


def test_non_breaking_spaces_are_kept_inside_lines():
    assert document_from_text("\u00a0I\u00a0am here\u00a0").paragraphs[0].text == "I\u00a0am here"


@pytest.mark.parametrize("text, words", [
    ("", "no text"),
    ("   \n\t\n", "no text"),
    ("a\x00b", "binary"),
    ("x" * 2_000_001, "2,000,000 characters"),
    ("x" * 100_001, "single paragraph"),
])
def test_document_from_text_refuses(text, words):
    with pytest.raises(InputError, match=words):
        document_from_text(text)


def test_unknown_kind_is_refused():
    with pytest.raises(InputError, match="'txt' or 'md'"):
        document_from_text("hello", kind="docx")


def test_word_count():
    assert document_from_text("one two\n\nthree").word_count == 3
