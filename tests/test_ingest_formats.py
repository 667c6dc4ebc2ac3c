"""The format parsers behind the readers: metadata dates, front matter, HTML, TimeML."""

from __future__ import annotations

import doctest
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from timeline.ingest import dates, frontmatter, htmlpage, jsonlines, textstream, timeml
from timeline.ingest.dates import InvalidDate, date_from_filename, parse_published
from timeline.ingest.frontmatter import split_front_matter
from timeline.ingest.htmlpage import parse_html
from timeline.ingest.textstream import byte_lines, split_parts, text_lines
from timeline.ingest.timeml import NotTimeML, parse_timeml

TE3_SILVER = Path("/work/shared/corpora/te3-silver")


@pytest.mark.parametrize("module", [dates, frontmatter, htmlpage, jsonlines, textstream, timeml])
def test_docstring_examples(module: ModuleType) -> None:
    result = doctest.testmod(module)
    assert result.failed == 0


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("2016-08-23", date(2016, 8, 23), id="iso-day"),
        pytest.param("2016-08-23T10:00:00Z", date(2016, 8, 23), id="utc-datetime"),
        pytest.param("2016-08-23T23:30:00-05:00", date(2016, 8, 23), id="local-date-as-written"),
        pytest.param("2016-08-23 10:00", date(2016, 8, 23), id="space-time"),
        pytest.param("  2016-08-23  ", date(2016, 8, 23), id="padded"),
        pytest.param("2016/08/23", date(2016, 8, 23), id="slashes"),
        pytest.param("20160823", date(2016, 8, 23), id="compact"),
        pytest.param("Tue, 23 Aug 2016 22:00:00 GMT", date(2016, 8, 23), id="rfc2822"),
        pytest.param("2016-8-3", date(2016, 8, 3), id="one-digit-parts"),
        pytest.param("2016/8/3 10:00", date(2016, 8, 3), id="one-digit-parts-time"),
        pytest.param("August 23, 2016", date(2016, 8, 23), id="month-day-year"),
        pytest.param("Aug 23, 2016", date(2016, 8, 23), id="short-month"),
        pytest.param("23 August 2016", date(2016, 8, 23), id="day-month-year"),
    ],
)
def test_parse_published(value: str, expected: date) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("2016-02-30", id="impossible-day"),
        pytest.param("2016-13-01", id="impossible-month"),
        pytest.param("yesterday", id="not-a-date"),
        pytest.param("2016-08", id="month-only"),
        pytest.param("201608-23", id="mixed-separators"),
        pytest.param("February 30, 2016", id="impossible-written"),
        pytest.param("", id="empty"),
    ],
)
def test_parse_published_rejects(value: str) -> None:
    with pytest.raises(InvalidDate, match=r"^invalid published date '"):
        parse_published(value)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("2016-08-23-iran.txt", date(2016, 8, 23), id="dashes"),
        pytest.param("iran_2016_08_23.md", date(2016, 8, 23), id="underscores"),
        pytest.param("AFP_ENG_19970401.0006.tml", date(1997, 4, 1), id="compact"),
        pytest.param("report-20161399.txt", None, id="impossible"),
        pytest.param("id-18001231.txt", None, id="implausible-year"),
        pytest.param("123201608230.txt", None, id="inside-longer-number"),
        pytest.param("2016-0823.txt", None, id="mixed-separators"),
        pytest.param("x-20160230-20160301.txt", date(2016, 3, 1), id="first-valid"),
        pytest.param("notes.txt", None, id="none"),
    ],
)
def test_date_from_filename(name: str, expected: date | None) -> None:
    assert date_from_filename(name) == expected


@pytest.mark.parametrize(
    ("text", "fields", "body"),
    [
        pytest.param(
            "---\ntitle: Iran\npublished: 2016-08-23\nurl: http://x.org/a\nsource: AFP\n"
            "id: a-1\n---\nBody",
            {
                "title": "Iran",
                "published": "2016-08-23",
                "url": "http://x.org/a",
                "source": "AFP",
                "id": "a-1",
            },
            "Body",
            id="all-keys",
        ),
        pytest.param(
            '---\ntitle: "Quoted: yes"\n---\nB', {"title": "Quoted: yes"}, "B", id="double-quotes"
        ),
        pytest.param("---\ntitle: 'Single'\n---\nB", {"title": "Single"}, "B", id="single-quotes"),
        pytest.param("---\nTitle: Case\n---\nB", {"title": "Case"}, "B", id="key-case"),
        pytest.param(
            "---\nlayout: post\ntags: a\ntitle: T\n---\nB",
            {"title": "T"},
            "B",
            id="unknown-keys-ignored",
        ),
        pytest.param(
            "---\n# comment\n\ntitle: T\nnot a pair\n---\nB",
            {"title": "T"},
            "B",
            id="comments-blank-and-junk-lines",
        ),
        pytest.param("---\ntitle: A\ntitle: B\n---\nB", {"title": "A"}, "B", id="first-wins"),
        pytest.param("---\r\ntitle: T\r\n---\r\nB", {"title": "T"}, "B", id="crlf"),
        pytest.param("---\ntitle: T\n---", {"title": "T"}, "", id="no-body"),
        pytest.param(
            "---\ntitle: T\nno closing fence",
            {},
            "---\ntitle: T\nno closing fence",
            id="unclosed-is-text",
        ),
        pytest.param(
            "Text\n---\ntitle: T\n---\n", {}, "Text\n---\ntitle: T\n---\n", id="not-at-top"
        ),
        pytest.param("----\nx\n", {}, "----\nx\n", id="longer-rule-is-text"),
    ],
)
def test_front_matter(text: str, fields: dict[str, str], body: str) -> None:
    front = split_front_matter(text)
    assert front.fields == fields
    assert text[front.end :] == body


HTML_PAGE = """<!doctype html>
<html><head>
<title>Page title | Site</title>
<meta property="og:title" content="OG title">
<meta property="og:site_name" content="The Daily">
<link rel="canonical" href="https://daily.example/a">
{meta}
</head><body>
<header>Site header</header><nav><a>Home</a></nav>
<script>var x = "script text";</script><style>p {{color: red}}</style>
<article>
  <header><h1>Headline</h1>{time}</header>
  <p>First   paragraph,
     over two lines.</p>
  <p>Second &amp; last<br>line.</p>
  <div>Old<br> <br>style</div>
  <aside>Related story</aside>
  <form><input value="subscribe">Subscribe</form>
</article>
<footer>Copyright</footer>
</body></html>
"""


def test_html_text_and_metadata() -> None:
    page = parse_html(HTML_PAGE.format(meta="", time=""))
    assert page.text == ("First paragraph, over two lines.\n\nSecond & last\nline.\n\nOld\n\nstyle")
    assert page.title == "OG title"
    assert page.url == "https://daily.example/a"
    assert page.site_name == "The Daily"
    assert page.dates == ()


@pytest.mark.parametrize(
    ("meta", "time", "expected"),
    [
        pytest.param(
            '<meta property="article:published_time" content="2016-08-23T10:00:00Z">',
            "",
            "2016-08-23T10:00:00Z",
            id="article-published-time",
        ),
        pytest.param(
            '<meta property="og:published_time" content="2016-08-24">',
            "",
            "2016-08-24",
            id="og-published-time",
        ),
        pytest.param(
            '<meta itemprop="datePublished" content="2016-08-25">',
            "",
            "2016-08-25",
            id="itemprop-meta",
        ),
        pytest.param(
            '<script type="application/ld+json">{"@context": "https://schema.org",'
            ' "@type": "NewsArticle", "datePublished": "2016-08-26"}</script>',
            "",
            "2016-08-26",
            id="json-ld",
        ),
        pytest.param(
            '<script type="application/ld+json">[{"@graph": [{"datePublished":'
            ' "2016-08-27"}]}]</script>',
            "",
            "2016-08-27",
            id="json-ld-graph",
        ),
        pytest.param('<meta name="date" content="2016-08-28">', "", "2016-08-28", id="name-date"),
        pytest.param(
            '<meta name="pubdate" content="2016-08-29">', "", "2016-08-29", id="name-pubdate"
        ),
        pytest.param(
            '<meta name="PublishDate" content="2016-08-30">',
            "",
            "2016-08-30",
            id="name-publishdate-any-case",
        ),
        pytest.param(
            '<meta name="DC.date" content="2016-08-31">', "", "2016-08-31", id="dublin-core"
        ),
        pytest.param(
            "",
            '<time datetime="2016-09-01T08:00">Sept 1</time>',
            "2016-09-01T08:00",
            id="time-in-article",
        ),
        pytest.param(
            '<meta name="date" content="2016-08-28">'
            '<meta property="article:published_time" content="2016-08-23">',
            "",
            "2016-08-23",
            id="article-namespace-first",
        ),
    ],
)
def test_html_publication_date(meta: str, time: str, expected: str) -> None:
    page = parse_html(HTML_PAGE.format(meta=meta, time=time))
    assert page.dates[0] == expected


def test_html_broken_json_ld_is_skipped() -> None:
    meta = (
        '<script type="application/ld+json">{broken</script><meta name="date" content="2016-08-28">'
    )
    assert parse_html(HTML_PAGE.format(meta=meta, time="")).dates == ("2016-08-28",)


def test_html_title_falls_back_to_title_element() -> None:
    page = parse_html("<html><head><title> A  title </title></head><body><p>x</p></body></html>")
    assert (page.title, page.text) == ("A title", "x")


def test_html_prefers_main_then_body() -> None:
    page = parse_html("<body><div>Menu</div><main><p>Main text</p></main></body>")
    assert page.text == "Main text"
    page = parse_html("<body><div>One</div><div>Two <b>bold</b></div></body>")
    assert page.text == "One\n\nTwo bold"


def test_html_longest_article_wins() -> None:
    page = parse_html("<article><p>Related</p></article><article><p>The real story.</p></article>")
    assert page.text == "The real story."


def test_html_time_outside_article_is_ignored() -> None:
    page = parse_html('<body><time datetime="2001-01-01">x</time><p>Text</p></body>')
    assert page.dates == ()


TIMEML = """<?xml version="1.0" ?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<DOCID>DOC_1</DOCID>
<DCT>PARIS, <TIMEX3 tid="t0" type="DATE" value="1997-04-01"
 functionInDocument="CREATION_TIME">April 1, 1997</TIMEX3> (AFP)</DCT>
<TITLE>Prices
 fall</TITLE>
<TEXT>

Shares <EVENT class="OCCURRENCE" eid="e1">fell</EVENT> <TIMEX3 tid="t1" type="DATE" value="1997-04-01">Tuesday</TIMEX3> at AT&amp;T &lt;NYSE&gt;.
</TEXT>
</TimeML>
"""


def test_timeml() -> None:
    doc = parse_timeml(TIMEML)
    assert doc.text == "\n\nShares fell Tuesday at AT&T <NYSE>.\n"
    assert (doc.dct, doc.title, doc.doc_id) == ("1997-04-01", "Prices fall", "DOC_1")


def test_timeml_namespaced_and_creation_time_outside_dct() -> None:
    doc = parse_timeml(
        '<TimeML xmlns="http://timeml.org/"><TEXT>x '
        '<TIMEX3 functionInDocument="CREATION_TIME" value="2001-02-03">now'
        "</TIMEX3></TEXT></TimeML>"
    )
    assert (doc.text, doc.dct) == ("x now", "2001-02-03")


@pytest.mark.parametrize(
    ("markup", "message"),
    [
        pytest.param("<TimeML><TEXT>x</TimeML>", "malformed XML", id="malformed"),
        pytest.param(
            "<rss><TEXT>x</TEXT></rss>",
            r"not a TimeML document \(root element <rss>\)",
            id="other-root",
        ),
        pytest.param("<TimeML><DCT/></TimeML>", "TimeML document without <TEXT>", id="no-text"),
    ],
)
def test_timeml_rejects(markup: str, message: str) -> None:
    with pytest.raises(NotTimeML, match=message):
        parse_timeml(markup)


@pytest.mark.skipif(not TE3_SILVER.is_dir(), reason="TempEval-3 silver corpus not available")
def test_timeml_tempeval3_sample() -> None:
    files = sorted(TE3_SILVER.glob("*.tml"))[::250]
    for path in files:
        markup = path.read_text(encoding="utf-8")
        doc = parse_timeml(markup)
        assert doc.dct is not None and parse_published(doc.dct).year in range(1990, 2020)
        start = markup.index("<TEXT>") + len("<TEXT>")
        assert doc.text.startswith(markup[start : start + 2])  # the text keeps its leading lines
        assert "<EVENT" not in doc.text and "&amp;" not in doc.text


@pytest.mark.parametrize(
    ("chunks", "size", "parts"),
    [
        pytest.param(["short"], 10, ["short"], id="no-split"),
        pytest.param(["aaaa\n\nbbbb\n\ncccc"], 12, ["aaaa\n\nbbbb\n\n", "cccc"], id="paragraph"),
        pytest.param(
            ["aaaa\n\nbb\nbb\n\ncc"], 13, ["aaaa\n\nbb\nbb\n\n", "cc"], id="paragraph-before-line"
        ),
        pytest.param(["aaaa\nbbbb\ncc"], 10, ["aaaa\nbbbb\n", "cc"], id="line"),
        pytest.param(["aaa bbb ccc"], 10, ["aaa bbb ", "ccc"], id="space"),
        pytest.param(["abcdefghijkl"], 5, ["abcde", "fghij", "kl"], id="hard"),
        pytest.param(["aaa\r\n", "\r\nbbbb"], 7, ["aaa\r\n\r\n", "bbbb"], id="crlf-paragraph"),
        pytest.param(["aaaa\r\nbb"], 5, ["aaaa", "\r\nbb"], id="crlf-kept-whole"),
        pytest.param(["a", "b", "c", "d"], 2, ["ab", "cd"], id="many-chunks"),
    ],
)
def test_split_parts(chunks: list[str], size: int, parts: list[str]) -> None:
    assert list(split_parts(chunks, size)) == parts


@pytest.mark.parametrize(
    ("chunks", "lines"),
    [
        pytest.param(["a\nb", "c\n", "\nd"], ["a\n", "bc\n", "\n", "d"], id="across-chunks"),
        pytest.param(["abc"], ["abc"], id="no-newline"),
        pytest.param(["", "a\n"], ["a\n"], id="empty-chunk"),
        pytest.param([], [], id="nothing"),
    ],
)
def test_lines(chunks: list[str], lines: list[str]) -> None:
    assert list(text_lines(chunks)) == lines
    assert list(byte_lines(chunk.encode() for chunk in chunks)) == [line.encode() for line in lines]
