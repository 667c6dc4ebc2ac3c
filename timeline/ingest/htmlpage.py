"""HTML pages: the article text, its title, its canonical URL and its publication date.

News pages wrap a few paragraphs of article in menus, banners, share buttons and scripts. The
text is taken from the ``<article>`` (the longest one, when a page lists related stories as
articles too), else ``<main>``, else ``<body>``, after dropping the elements that never hold
article text. Block elements become paragraphs separated by one blank line, and white space
inside a paragraph is collapsed, so sentence offsets do not depend on the page's indentation.

The metadata is read before anything is dropped, since the date often sits in the article's
``<header>``. BeautifulSoup runs with the standard library's ``html.parser`` (lxml is not a
dependency).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

# Elements whose content is never article text.
_DROPPED = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "button",
)

# Elements that start a new paragraph of text.
_BLOCKS = (
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
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "address",
    "hr",
)

# Meta tags that carry the publication date, by precedence: Open Graph / article namespace,
# schema.org microdata, then the older name="..." conventions (Dublin Core, pubdate).
_DATE_META_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
)

# A <br> is kept as a line break inside its paragraph, while the source's own line breaks are
# only indentation; the mark tells them apart until white space is collapsed.
_LINE_MARK = "\x1e"
_DOUBLE_LINE_MARK = re.compile(r"\x1e\s*\x1e[\s\x1e]*")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class HtmlPage:
    text: str
    title: str | None = None
    url: str | None = None
    site_name: str | None = None
    # Candidate publication dates as written, best first; the reader parses the first one.
    dates: tuple[str, ...] = ()


def parse_html(markup: str) -> HtmlPage:
    """Extract the article text and metadata of an HTML page.

    >>> page = parse_html('<title>T</title><nav>Menu</nav><article><p>One.</p><p>Two</p>'
    ...                   '<time datetime="2016-08-23T10:00Z">Aug 23</time></article>')
    >>> page.text, page.title, page.dates
    ('One.\\n\\nTwo\\n\\nAug 23', 'T', ('2016-08-23T10:00Z',))
    """
    soup = BeautifulSoup(markup, "html.parser")
    meta = _meta_values(soup)
    title = meta.get("og:title") or _element_text(soup.find("title"))
    url = meta.get("og:url") or _canonical_link(soup)
    root = _content_root(soup)
    dates = [meta[key] for key in _DATE_META_KEYS if meta.get(key)]
    dates.extend(_json_ld_dates(soup))
    dates.extend(_microdata_dates(soup))
    dates.extend(_time_elements(root))
    for element in root.find_all(_DROPPED):
        element.decompose()
    return HtmlPage(
        text=_block_text(root),
        title=title or None,
        url=url or None,
        site_name=meta.get("og:site_name") or None,
        dates=tuple(dict.fromkeys(value.strip() for value in dates if value.strip())),
    )


def _meta_values(soup: BeautifulSoup) -> dict[str, str]:
    """``<meta>`` contents keyed by their lower-cased property, name or itemprop; first wins."""
    values: dict[str, str] = {}
    for element in soup.find_all("meta"):
        content = element.get("content")
        if not isinstance(content, str):
            continue
        for attribute in ("property", "name", "itemprop"):
            key = element.get(attribute)
            if isinstance(key, str):
                values.setdefault(key.strip().lower(), content.strip())
    return values


def _element_text(element: object) -> str | None:
    if isinstance(element, Tag):
        return _SPACES.sub(" ", element.get_text()).strip() or None
    return None


def _canonical_link(soup: BeautifulSoup) -> str | None:
    for link in soup.find_all("link", href=True):
        rel = link.get("rel")
        rels = rel if isinstance(rel, list) else [rel]
        if "canonical" in rels:
            href = link.get("href")
            return href.strip() if isinstance(href, str) else None
    return None


def _content_root(soup: BeautifulSoup) -> Tag:
    articles = soup.find_all("article")
    if articles:
        return max(articles, key=lambda article: len(article.get_text(strip=True)))
    for name in ("main", "body"):
        element = soup.find(name)
        if isinstance(element, Tag):
            return element
    return soup


def _json_ld_dates(soup: BeautifulSoup) -> Iterator[str]:
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.get_text())
        except json.JSONDecodeError:
            continue  # broken structured data is common; the page's other metadata still counts
        yield from _find_key(data, "datePublished")


def _find_key(data: object, key: str) -> Iterator[str]:
    """Every string value of ``key`` in nested JSON (objects, lists, ``@graph``)."""
    if isinstance(data, dict):
        value = data.get(key)
        if isinstance(value, str):
            yield value
        for child in data.values():
            yield from _find_key(child, key)
    elif isinstance(data, list):
        for child in data:
            yield from _find_key(child, key)


def _microdata_dates(soup: BeautifulSoup) -> Iterator[str]:
    for element in soup.find_all(itemprop="datePublished"):
        if element.name == "meta":
            continue  # already read with the other meta tags
        value = element.get("datetime") or element.get("content") or element.get_text()
        if isinstance(value, str):
            yield value


def _time_elements(root: Tag) -> Iterator[str]:
    if root.name not in ("article", "main"):
        return  # a <time> elsewhere on the page may date anything (a comment, a sidebar story)
    for element in root.find_all("time"):
        value = element.get("datetime")
        if isinstance(value, str):
            yield value


def _block_text(root: Tag) -> str:
    for br in root.find_all("br"):
        br.replace_with(_LINE_MARK)
    for block in root.find_all(_BLOCKS):
        block.insert_before("\n\n")
        block.insert_after("\n\n")
    # Old news pages separate paragraphs with <br><br>: two marks make a paragraph break.
    text = _DOUBLE_LINE_MARK.sub("\n\n", root.get_text())
    paragraphs = []
    for part in _PARAGRAPH_BREAK.split(text):
        lines = (_SPACES.sub(" ", line).strip() for line in part.split(_LINE_MARK))
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)
