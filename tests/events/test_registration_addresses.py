"""Where registrations are e-mailed (the organization's e-mail domains, an event's
notification address) is said only by those who may see registrations: the organization's
registrations group, and superusers. An editor cannot send each new registrant's name and
address to a mailbox of their own; every change is in Wagtail's log, with who made it.
"""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry, PageLogEntry

from events import apps as events_apps
from events.models import EventPage
from organizations.models import OrganizationSettings
from organizations.roles import app_role_permissions
from tests.events.helpers import add_event, add_url, event_form, in_days
from tests.utils import settings_form, settings_url

pytestmark = pytest.mark.django_db

ATTACKER = "attacker.example"


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", "x")


@pytest.fixture
def alfa_domains(org_a):
    org_a.email_domains = "fundacja-alfa.pl"
    org_a.save()
    return org_a


def domains_of(org):
    return OrganizationSettings.objects.get(pk=org.pk).email_domains


def domain_log(org):
    return ModelLogEntry.objects.filter(
        action="organizations.email_domains", object_id=str(org.pk)
    ).order_by("pk")


def test_the_permission_is_the_one_the_registrations_group_holds():
    assert app_role_permissions("site", "registrations") == [events_apps.REGISTRATIONS_PERMISSION]


# --- The organization's e-mail domains -----------------------------------------------


def test_an_editor_neither_sees_nor_changes_the_email_domains(client, editor_a, alfa_domains):
    client.force_login(editor_a)

    shown = client.get(settings_url(alfa_domains))
    posted = client.post(
        settings_url(alfa_domains),
        settings_form(alfa_domains, short_name="Alfa", email_domains=ATTACKER),
    )

    assert shown.status_code == 200
    assert "email_domains" not in shown.context["form"].fields
    assert 'name="email_domains"' not in shown.content.decode()
    assert posted.status_code == 302  # the rest of the settings is theirs to change
    assert OrganizationSettings.objects.get(pk=alfa_domains.pk).short_name == "Alfa"
    assert domains_of(alfa_domains) == "fundacja-alfa.pl"
    assert not domain_log(alfa_domains).exists()


@pytest.mark.parametrize("role", ["editor_registrar_a", "superuser"])
def test_the_registrations_group_or_a_superuser_changes_them_and_it_is_logged(
    client, request, alfa_domains, role
):
    user = request.getfixturevalue(role)
    client.force_login(user)

    shown = client.get(settings_url(alfa_domains))
    posted = client.post(
        settings_url(alfa_domains),
        settings_form(alfa_domains, email_domains="fundacja-alfa.pl, alfa.org.pl"),
    )

    assert "email_domains" in shown.context["form"].fields
    assert posted.status_code == 302
    assert domains_of(alfa_domains) == "fundacja-alfa.pl, alfa.org.pl"
    [entry] = domain_log(alfa_domains)
    assert entry.user == user
    assert entry.data == {"before": "fundacja-alfa.pl", "after": "fundacja-alfa.pl, alfa.org.pl"}
    assert "fundacja-alfa.pl, alfa.org.pl" in entry.message


def test_saving_the_settings_without_changing_the_domains_logs_nothing(
    client, editor_registrar_a, alfa_domains
):
    client.force_login(editor_registrar_a)

    client.post(
        settings_url(alfa_domains),
        settings_form(alfa_domains, short_name="Alfa", email_domains="Fundacja-Alfa.PL"),
    )

    assert not domain_log(alfa_domains).exists()


# --- An event's notification address -------------------------------------------------


def organizer_log(event):
    return PageLogEntry.objects.filter(action="events.organizer_email", page=event).order_by("pk")


def test_an_editor_adding_an_event_cannot_set_where_registrations_go(
    client, editor_a, alfa_domains, index_a
):
    client.force_login(editor_a)

    shown = client.get(add_url(index_a))
    posted = client.post(add_url(index_a), event_form(organizer_email="ja@fundacja-alfa.pl"))

    assert "organizer_email" not in shown.context["form"].fields
    assert posted.status_code == 302
    event = EventPage.objects.get(slug="porozmawiajmy-o-integracji")
    assert event.organizer_email == ""
    assert not organizer_log(event).exists()


def edit_url(event):
    return reverse("wagtailadmin_pages:edit", args=[event.pk])


@pytest.fixture
def workshop(alfa_domains, index_a):
    return add_event(
        index_a,
        "Porozmawiajmy o integracji",
        in_days(10),
        registration_mode="form",
        organizer_email="zapisy@fundacja-alfa.pl",
    )


def latest_organizer_email(event):
    return EventPage.objects.get(pk=event.pk).get_latest_revision_as_object().organizer_email


def test_an_editor_editing_an_event_cannot_change_where_registrations_go(
    client, editor_a, workshop
):
    client.force_login(editor_a)

    shown = client.get(edit_url(workshop))
    posted = client.post(
        edit_url(workshop),
        event_form(slug=workshop.slug, intro="Nowy opis.", organizer_email="ja@fundacja-alfa.pl"),
    )

    assert "organizer_email" not in shown.context["form"].fields
    assert posted.status_code == 302
    latest = EventPage.objects.get(pk=workshop.pk).get_latest_revision_as_object()
    assert latest.intro == "Nowy opis."  # the editor's own changes are saved
    assert latest.organizer_email == "zapisy@fundacja-alfa.pl"
    assert EventPage.objects.get(pk=workshop.pk).organizer_email == "zapisy@fundacja-alfa.pl"
    assert not organizer_log(workshop).exists()


@pytest.mark.parametrize("role", ["editor_registrar_a", "superuser"])
def test_the_registrations_group_or_a_superuser_changes_it_and_it_is_logged(
    client, request, workshop, role
):
    user = request.getfixturevalue(role)
    client.force_login(user)

    posted = client.post(
        edit_url(workshop),
        event_form(slug=workshop.slug, organizer_email="biuro@fundacja-alfa.pl"),
    )

    assert posted.status_code == 302
    assert latest_organizer_email(workshop) == "biuro@fundacja-alfa.pl"
    [entry] = organizer_log(workshop)
    assert entry.user == user
    assert entry.data == {"before": "zapisy@fundacja-alfa.pl", "after": "biuro@fundacja-alfa.pl"}
    assert "biuro@fundacja-alfa.pl" in entry.message


def test_a_new_event_with_a_notification_address_is_logged(
    client, editor_registrar_a, alfa_domains, index_a
):
    client.force_login(editor_registrar_a)

    client.post(add_url(index_a), event_form(organizer_email="zapisy@fundacja-alfa.pl"))

    event = EventPage.objects.get(slug="porozmawiajmy-o-integracji")
    assert event.organizer_email == "zapisy@fundacja-alfa.pl"
    [entry] = organizer_log(event)
    assert entry.data == {"before": "", "after": "zapisy@fundacja-alfa.pl"}
