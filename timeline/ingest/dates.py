"""Publication dates: parse the values found in document metadata, and find a date in a file name.

Metadata dates come in many spellings (ISO days, ISO datetimes with a zone, compact
``20160823``, RFC 2822 from RSS-minded sites). A datetime gives the day *as written*:
``2016-08-23T23:30:00-05:00`` is 2016-08-23, because that is the date the article carries for
its own readers; converting to UTC would move evening articles of the Americas to the next day.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from email.utils import parsedate_tz

from timeline.ingest.types import DateSource

# A calendar date at the start of the value, optionally followed by a time and a zone
# ("2016-08-23", "2016-08-23T10:00:00Z", "2016/08/23 10:00", "20160823T1000").
_LEADING_DATE = re.compile(
    r"^(?P<year>\d{4})(?P<sep>[-/.]?)(?P<month>\d{2})(?P=sep)(?P<day>\d{2})(?:$|[T\s_])",
)

# The same with one-digit months or days, which need a separator ("2016-8-3", "2016/08/3").
_LEADING_SHORT_DATE = re.compile(
    r"^(?P<year>\d{4})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?:$|[T\s_])",
)

# English dates as some sites write them in meta tags ("August 23, 2016", "23 Aug 2016"); the
# strptime month names are those of the C locale, which is English.
_WRITTEN_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y")

# A date inside a file name: 2016-08-23, 2016_08_23 or 20160823, not part of a longer number.
# The separator must be the same on both sides, so "2016-0823" is not read as a date.
_FILENAME_DATE = re.compile(
    r"(?<!\d)(?P<year>\d{4})(?P<sep>[-_]?)(?P<month>\d{2})(?P=sep)(?P<day>\d{2})(?!\d)",
)

# File names are full of numbers (ids, sizes, timestamps); only years in this range are taken for
# dates, so that "12345678.txt" is not read as the year 1234.
_PLAUSIBLE_YEARS = range(1900, 2101)


class InvalidDate(ValueError):
    """A metadata value that is not a date, or an impossible one such as 2016-02-30."""

    def __init__(self, value: str) -> None:
        super().__init__(f"invalid published date {value!r}")
        self.value = value


def parse_published(value: str) -> date:
    """Return the calendar day of a metadata date value; raise :class:`InvalidDate` otherwise.

    >>> parse_published("2016-08-23T10:00:00Z")
    datetime.date(2016, 8, 23)
    >>> parse_published("Tue, 23 Aug 2016 22:00:00 -0500")
    datetime.date(2016, 8, 23)
    """
    text = value.strip()
    match = _LEADING_DATE.match(text) or _LEADING_SHORT_DATE.match(text)
    if match is not None:
        try:
            return date(int(match["year"]), int(match["month"]), int(match["day"]))
        except ValueError:
            raise InvalidDate(text) from None
    parsed = parsedate_tz(text)
    if parsed is not None:
        year, month, day = parsed[:3]
        try:
            return date(year, month, day)
        except ValueError:
            raise InvalidDate(text) from None
    for written in _WRITTEN_FORMATS:
        try:
            return datetime.strptime(text, written).date()
        except ValueError:
            continue
    raise InvalidDate(text)


def date_from_filename(name: str) -> date | None:
    """Return the first plausible date in a file name, or None.

    >>> date_from_filename("reuters_2016_08_23_iran.txt")
    datetime.date(2016, 8, 23)
    >>> date_from_filename("AFP_ENG_19970401.0006.tml")
    datetime.date(1997, 4, 1)
    >>> date_from_filename("report-20161399.txt") is None
    True
    """
    for match in _FILENAME_DATE.finditer(name):
        year = int(match["year"])
        if year not in _PLAUSIBLE_YEARS:
            continue
        try:
            return date(year, int(match["month"]), int(match["day"]))
        except ValueError:
            continue
    return None


def resolve_published(
    cli: date | None,
    candidates: Sequence[str],
    file_name: str,
) -> tuple[date | None, DateSource]:
    """Apply the precedence: command line, the document's metadata, its file name, none.

    Of several metadata candidates (an HTML page has many) the first that is a date wins; when
    none is, :class:`InvalidDate` names the first. A date given on the command line wins
    without the metadata being looked at, so it also rescues a file whose own date is wrong.

    >>> resolve_published(None, ["", "soon", "2016-08-23"], "2016-01-01.txt")
    (datetime.date(2016, 8, 23), <DateSource.METADATA: 'metadata'>)
    >>> resolve_published(None, [], "2016-01-01.txt")
    (datetime.date(2016, 1, 1), <DateSource.FILENAME: 'filename'>)
    """
    if cli is not None:
        return cli, DateSource.CLI
    # An empty value ("published:" left blank in a template) means no date, not a bad one.
    present = [candidate for candidate in candidates if candidate.strip()]
    for candidate in present:
        try:
            return parse_published(candidate), DateSource.METADATA
        except InvalidDate:
            continue
    if present:
        raise InvalidDate(present[0])
    from_name = date_from_filename(file_name)
    if from_name is not None:
        return from_name, DateSource.FILENAME
    return None, DateSource.NONE
