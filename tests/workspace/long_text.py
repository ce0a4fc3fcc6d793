"""A long article written for the tests: numbered paragraphs, so that no two are the same."""

PARAGRAPH = (
    "Harbour inspector Mara Lindqvist said on Tuesday that the eastern quay {n} would stay closed "
    "until engineers had checked its walls. \"We will not reopen a berth that might give way,\" "
    "she told reporters. The port authority allegedly ignored two warnings about cracks in quay "
    "{n}, according to documents seen by the Coastline Post. Officials denied that any warning had "
    "been received, and the shipping minister, Tomas Berg, said the claims were false."
)


def long_article(min_chars: int) -> str:
    """Paragraphs separated by blank lines until the text is at least `min_chars` long."""
    parts, size, n = [], 0, 0
    while size < min_chars:
        n += 1
        part = PARAGRAPH.format(n=n)
        parts.append(part)
        size += len(part) + 2
    return "Quays closed after inspection\n\n" + "\n\n".join(parts) + "\n"
