"""When an event takes place, as a visitor reads it in the page's language.

    14 grudnia 2023, 9:30–15:30          one day, with times
    14–15 grudnia 2023                   several whole days in one month
    30 listopada – 2 grudnia 2023        across months
    30 grudnia 2023 – 2 stycznia 2024    across years
    14 grudnia 2023, 9:30 – 15 grudnia 2023, 15:30    several days, with times
    14 grudnia 2023, 9:30                only a start announced (no end)

Month names come from Django's own catalogues, in the genitive where a language
declines them ("14 грудня 2023", "14 grudnia 2023").
"""

from django.utils import dateformat, timezone, translation

from core.dates import WARSAW

DAY = "j"
DAY_MONTH = "j E"
DATE = "j E Y"
TIME = "G:i"
# Between two numbers ("14–15", "9:30–15:30"), and between two dates written in words.
SHORT_DASH = "–"
LONG_DASH = " – "


def event_date_parts(start, end, language, all_day=False):
    """(start text, separator, end text) of an event, in Warsaw time and `language`.

    A single whole day, and an event with only a start (`end` None), have no separator
    and no end text. The parts let a template mark up each end with its own
    <time datetime="…">.
    """
    start = timezone.localtime(start, WARSAW)
    with translation.override(language):
        if end is None:
            starts = dateformat.format(start, DATE)
            if not all_day:
                starts = f"{starts}, {dateformat.format(start, TIME)}"
            return (starts, "", "")
        end = timezone.localtime(end, WARSAW)
        if all_day:
            first, last = start.date(), end.date()
            if first >= last:
                return (dateformat.format(first, DATE), "", "")
            if (first.year, first.month) == (last.year, last.month):
                start_spec, separator = DAY, SHORT_DASH
            elif first.year == last.year:
                start_spec, separator = DAY_MONTH, LONG_DASH
            else:
                start_spec, separator = DATE, LONG_DASH
            return (dateformat.format(first, start_spec), separator, dateformat.format(last, DATE))
        starts = f"{dateformat.format(start, DATE)}, {dateformat.format(start, TIME)}"
        if start.date() == end.date():
            return (starts, SHORT_DASH, dateformat.format(end, TIME))
        ends = f"{dateformat.format(end, DATE)}, {dateformat.format(end, TIME)}"
        return (starts, LONG_DASH, ends)


def format_event_dates(start, end, language, all_day=False):
    """The event's dates (and times, unless it lasts whole days) as one line of text."""
    return "".join(event_date_parts(start, end, language, all_day=all_day))


def format_datetime(value, language):
    """One moment, e.g. when registration opens: "1 grudnia 2023, 9:00"."""
    value = timezone.localtime(value, WARSAW)
    with translation.override(language):
        return f"{dateformat.format(value, DATE)}, {dateformat.format(value, TIME)}"
