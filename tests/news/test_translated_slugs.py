"""Translations made with wagtail-localize get slugs of their own, which the translator may
change; the addresses they had before keep leading to them."""

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

from news.models import ArticlePage
from organizations.provisioning import translate_and_publish
from tests.news.helpers import add_article, translate_article
from tests.utils import visit

TITLE = "Forum we Lwowie"


def slug_translation(locale):
    """The translation of the article's slug as the translation editor shows it."""
    return StringTranslation.objects.get(
        context__path="slug", locale=locale, translation_of__data="forum-we-lwowie"
    )


def test_a_translation_gets_a_slug_from_its_title_and_the_translator_sees_it(
    org_a, index_a, django_capture_on_commit_callbacks
):
    article = add_article(index_a, TITLE, "2024-03-01")
    ukrainian, english = (
        Locale.objects.get(language_code="uk"),
        Locale.objects.get(language_code="en"),
    )

    with django_capture_on_commit_callbacks(execute=True):
        translate_and_publish(
            article,
            [ukrainian, english],
            texts={TITLE: {"uk": "Форум у Львові", "en": "Forum in Lviv"}},
        )

    translations = {
        page.locale.language_code: page
        for page in ArticlePage.objects.filter(translation_key=article.translation_key)
    }
    assert translations["uk"].slug == "forum-u-lvovi"
    assert translations["en"].slug == "forum-in-lviv"
    assert translations["pl"].slug == "forum-we-lwowie"
    # In the translation editor the slug reads as translated, with the slug made.
    assert slug_translation(ukrainian).data == "forum-u-lvovi"
    assert visit(org_a, "/uk/novyny/forum-u-lvovi/").status_code == 200
    # The Polish slug in /uk/ leads to the translation.
    old = visit(org_a, "/uk/novyny/forum-we-lwowie/")
    assert (old.status_code, old["Location"]) == (301, "/uk/novyny/forum-u-lvovi/")


def test_a_slug_the_translator_changes_is_kept_and_the_old_address_redirects(
    org_a, index_a, django_capture_on_commit_callbacks
):
    article = add_article(index_a, TITLE, "2024-03-01")
    ukrainian = Locale.objects.get(language_code="uk")
    with django_capture_on_commit_callbacks(execute=True):
        translate_and_publish(article, [ukrainian], texts={TITLE: {"uk": "Форум у Львові"}})

    translation = slug_translation(ukrainian)
    translation.data = "lvivskyi-forum"
    translation.save()
    with django_capture_on_commit_callbacks(execute=True):
        translate_and_publish(article, [ukrainian])

    page = ArticlePage.objects.get(translation_key=article.translation_key, locale=ukrainian)
    assert page.slug == "lvivskyi-forum"
    assert Redirect.objects.filter(old_path="/uk/novyny/forum-u-lvovi", redirect_page=page).exists()
    old = visit(org_a, "/uk/novyny/forum-u-lvovi/")
    assert old.status_code == 301
    assert old["Location"].endswith("/uk/novyny/lvivskyi-forum/")


def test_a_translation_with_its_own_slug_keeps_it_when_its_title_changes(org_a, index_a):
    article = add_article(index_a, TITLE, "2024-03-01")
    translated = translate_article(article, "uk", title="Форум у Львові")
    translated.title = "Форум у Львові 2024"
    translated.save_revision().publish()
    translated.refresh_from_db()

    assert translated.slug == "forum-u-lvovi"
