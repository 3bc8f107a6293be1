"""What an organization's visitors search for: counted per day, read in the admin.

A search is counted once, when its first page of results is shown (not again for the next
pages), under the words the search itself read (core.search.words_of), never what was
typed. What is kept is the organization, the language, the words, the day and two numbers.
"""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from .models import SearchTermDay

REPORT_DAYS = SearchTermDay.RETENTION_DAYS


def record_search(site, language, query, found_anything):
    """Count one search of `query` on the organization's site today: one query on a term
    already searched for today."""
    today = timezone.localdate()
    found_nothing = 0 if found_anything else 1
    same = SearchTermDay.objects.filter(site=site, language=language, query=query, date=today)
    counted = {"searches": F("searches") + 1, "found_nothing": F("found_nothing") + found_nothing}
    if same.update(**counted):
        return
    try:
        with transaction.atomic():
            SearchTermDay.objects.create(
                site=site,
                language=language,
                query=query,
                date=today,
                searches=1,
                found_nothing=found_nothing,
            )
    except IntegrityError:
        # Another visitor's search of the same words made the row first.
        same.update(**counted)
        return
    # The first search of these words today: a good moment to forget what is too old.
    SearchTermDay.objects.filter(
        site=site, date__lt=today - datetime.timedelta(days=SearchTermDay.RETENTION_DAYS)
    ).delete()


def search_terms(site_ids, days=REPORT_DAYS):
    """Per organization, language and words: searches and searches that found nothing in
    the last `days` days (today included), most searched first."""
    since = timezone.localdate() - datetime.timedelta(days=days - 1)
    return (
        SearchTermDay.objects.filter(site_id__in=site_ids, date__gte=since)
        .values("site_id", "language", "query")
        .annotate(total=Sum("searches"), nothing=Sum("found_nothing"))
        .order_by("-total", "query", "language")
    )
