"""How an event's dates read in Polish, Ukrainian and English: one function, every shape
of event."""

import pytest

from events.dates import event_date_parts, format_datetime, format_event_dates
from tests.events.helpers import warsaw

SINGLE_DAY = (warsaw(2023, 12, 14, 9, 30), warsaw(2023, 12, 14, 15, 30))
TWO_DAYS = (warsaw(2023, 12, 14, 9, 30), warsaw(2023, 12, 15, 15, 30))
ACROSS_MONTHS = (warsaw(2023, 11, 30, 10, 0), warsaw(2023, 12, 2, 16, 0))
ACROSS_YEARS = (warsaw(2023, 12, 30, 10, 0), warsaw(2024, 1, 2, 16, 0))


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("pl", "14 grudnia 2023, 9:30–15:30"),
        ("uk", "14 грудня 2023, 9:30–15:30"),
        ("en", "14 December 2023, 9:30–15:30"),
    ],
)
def test_one_day_with_times(language, expected):
    assert format_event_dates(*SINGLE_DAY, language) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [("pl", "14 grudnia 2023"), ("uk", "14 грудня 2023"), ("en", "14 December 2023")],
)
def test_one_whole_day_has_no_times(language, expected):
    assert format_event_dates(*SINGLE_DAY, language, all_day=True) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [("pl", "14–15 grudnia 2023"), ("uk", "14–15 грудня 2023"), ("en", "14–15 December 2023")],
)
def test_whole_days_in_one_month_share_the_month_and_year(language, expected):
    assert format_event_dates(*TWO_DAYS, language, all_day=True) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("pl", "30 listopada – 2 grudnia 2023"),
        ("uk", "30 листопада – 2 грудня 2023"),
        ("en", "30 November – 2 December 2023"),
    ],
)
def test_whole_days_across_months_name_both_months(language, expected):
    assert format_event_dates(*ACROSS_MONTHS, language, all_day=True) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("pl", "30 grudnia 2023 – 2 stycznia 2024"),
        ("uk", "30 грудня 2023 – 2 січня 2024"),
        ("en", "30 December 2023 – 2 January 2024"),
    ],
)
def test_whole_days_across_years_name_both_years(language, expected):
    assert format_event_dates(*ACROSS_YEARS, language, all_day=True) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("pl", "14 grudnia 2023, 9:30 – 15 grudnia 2023, 15:30"),
        ("uk", "14 грудня 2023, 9:30 – 15 грудня 2023, 15:30"),
        ("en", "14 December 2023, 9:30 – 15 December 2023, 15:30"),
    ],
)
def test_several_days_with_times_give_both_ends_in_full(language, expected):
    assert format_event_dates(*TWO_DAYS, language) == expected


def test_times_are_warsaw_times_whatever_zone_the_moment_comes_in():
    import datetime

    start = datetime.datetime(2024, 7, 1, 7, 0, tzinfo=datetime.UTC)  # 9:00 in summer
    end = datetime.datetime(2024, 7, 1, 9, 30, tzinfo=datetime.UTC)

    assert format_event_dates(start, end, "pl") == "1 lipca 2024, 9:00–11:30"


def test_parts_let_each_end_be_marked_up_on_its_own():
    assert event_date_parts(*SINGLE_DAY, "uk") == ("14 грудня 2023, 9:30", "–", "15:30")
    assert event_date_parts(*ACROSS_MONTHS, "pl", all_day=True) == (
        "30 listopada",
        " – ",
        "2 grudnia 2023",
    )
    assert event_date_parts(*SINGLE_DAY, "en", all_day=True) == ("14 December 2023", "", "")


def test_one_moment_reads_as_a_date_and_time():
    assert format_datetime(warsaw(2023, 12, 1, 9, 0), "uk") == "1 грудня 2023, 9:00"
