"""How much essaycheck agrees to read: the numbers behind every "too large" message.

An essay, even a thesis, stays far below these; they exist so that a hostile or broken
file is refused within a second and without using more than a few hundred MB of memory.
"""

MAX_FILE_BYTES = 50_000_000  # any file on disk (a .docx with photos can be tens of MB)
MAX_TEXT_FILE_BYTES = 8_000_000  # a .txt / .md file: 2,000,000 characters of UTF-8 at most
MAX_CHARS = 2_000_000  # characters of text in the whole document (about 300,000 words)
MAX_PARAGRAPH_CHARS = 100_000  # one paragraph or line (about 15,000 words)

MAX_ZIP_MEMBERS = 1_000  # files inside a .docx (Word writes a few dozen, plus images)
MAX_DECLARED_BYTES = 1_000_000_000  # sum of the sizes the zip directory claims when unpacked
MAX_PART_BYTES = 20_000_000  # one XML part once decompressed (checked while decompressing)
MAX_XML_BYTES = 40_000_000  # all XML parts read, together
MAX_XML_ELEMENTS = 600_000  # elements in one part (a 300-page thesis has about 200,000)
