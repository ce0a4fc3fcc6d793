"""Article text from an HTML page: trafilatura for the main text, lxml when trafilatura gives up."""

from __future__ import annotations

import re
from typing import Any

from claimscope.errors import NoArticleText

HTML_EXTENSIONS = frozenset({".html", ".htm"})
HTML_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml"})

_SNIFF = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]",
    re.IGNORECASE | re.DOTALL,
)

# Elements whose text is never article prose.
_NOISE_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "template",
    "svg",
    "iframe",
    "button",
    "select",
)
# Block elements: their text is put on a line of its own, so paragraphs stay apart.
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "blockquote",
        "pre",
        "tr",
        "table",
        "ul",
        "ol",
        "dd",
        "dt",
        "figcaption",
        "br",
        "hr",
    }
)


# Article text, as opposed to menus and headline lists: lines (paragraphs) of at least
# MIN_SENTENCE_WORDS words that end like a sentence, MIN_ARTICLE_WORDS words of them in all.
# Link labels and headlines rarely end with a full stop; one short news item passes.
MIN_SENTENCE_WORDS = 8
MIN_ARTICLE_WORDS = 20
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")


def prose_words(body: str) -> int:
    """Words in the lines of `body` that read as sentences (see MIN_SENTENCE_WORDS)."""
    total = 0
    for line in body.splitlines():
        n = len(line.split())
        if n >= MIN_SENTENCE_WORDS and _SENTENCE_END.search(line.rstrip()):
            total += n
    return total


def looks_like_html(text: str) -> bool:
    """True when the text opens like an HTML document (doctype or <html>)."""
    return bool(_SNIFF.match(text[:2048]))


def extract_article(name: str, html: str, *, url: str | None = None) -> tuple[str, dict[str, Any]]:
    """Return (text, meta): the title on the first line, a blank line, then the paragraphs.

    The layout matches plain-text inputs so that later stages see one shape of document.
    """
    meta = _metadata(html, url)
    body = _trafilatura_text(html, url)
    meta["extractor"] = "trafilatura"
    if not body or not prose_words(body):
        # trafilatura returns nothing (or a menu) for short or oddly built pages; take all
        # visible text.
        fallback = _lxml_text(html)
        if fallback and (not body or prose_words(fallback)):
            body = fallback
            meta["extractor"] = "lxml"
    if not body or not body.strip():
        raise NoArticleText(name, "no article text found in the HTML page")
    words = len(body.split())
    if prose_words(body) < MIN_ARTICLE_WORDS:
        # Menus, link lists and headline indexes: words, but no article to take apart.
        raise NoArticleText(name, f"no article text found in the HTML page ({words} words, fewer than "
                            f"{MIN_ARTICLE_WORDS} in sentences of {MIN_SENTENCE_WORDS} or more words: "
                            "a navigation or index page?)")
    title = (meta.get("title") or "").strip()
    # trafilatura puts one paragraph per line; plain-text inputs separate them by blank lines.
    body = "\n\n".join(line.strip() for line in body.splitlines() if line.strip())
    if title and not body.startswith(title):
        return f"{title}\n\n{body}\n", meta
    return body + "\n", meta


def _metadata(html: str, url: str | None) -> dict[str, Any]:
    from trafilatura import extract_metadata

    try:
        doc = extract_metadata(html, default_url=url)
    except Exception:  # noqa: BLE001 -- metadata is a nicety, never a reason to fail
        doc = None
    meta: dict[str, Any] = {}
    if doc is not None:
        for key in ("title", "author", "date", "sitename", "url", "description"):
            value = getattr(doc, key, None)
            if value:
                meta[key] = value
    return meta


def _trafilatura_text(html: str, url: str | None) -> str | None:
    from trafilatura import extract

    try:
        text = extract(
            html,
            url=url,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            deduplicate=False,
        )
    except Exception:  # noqa: BLE001 -- any parser failure means: try the lxml fallback
        return None
    return text or None


def _lxml_text(html: str) -> str | None:
    """Plain fallback for pages trafilatura cannot read: all visible text, one block per line."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    for el in list(root.iter(*_NOISE_TAGS)):  # a list: dropping while iterating skips nodes
        if el.getparent() is not None:
            el.drop_tree()
    root = root.find("body") if root.find("body") is not None else root
    parts: list[str] = []
    _walk(root, parts)
    lines = [" ".join(line.split()) for line in "".join(parts).split("\n")]
    return "\n\n".join(line for line in lines if line) or None


def _walk(el: Any, out: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _BLOCK_TAGS:
        out.append("\n")
    if isinstance(el.tag, str) and el.text:
        out.append(el.text)
    for child in el:
        _walk(child, out)
        if child.tail:
            out.append(child.tail)
    if tag in _BLOCK_TAGS:
        out.append("\n")
