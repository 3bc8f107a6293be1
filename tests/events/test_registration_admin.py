"""Staff see, confirm, cancel, e-mail and erase registrations in the admin: only the
members of their organization's registrations group, and only their organization's.

Every refusal also checks the database: the other organization's registrations, e-mails
and log are as they were. Each has a control: the same action by the same kind of user, on
their own organization's event, works.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django_tasks import TaskResultStatus
from wagtail.models import Page

from core.models import SentEmail
from events.choices import AccessAction, RegistrationStatus
from events.models import EventPage, Registration
from events.models import RegistrationAccessLog as Log
from events.tasks import send_participant_message, send_registration_email
from tests.events.helpers import (
    add_event,
    add_questions,
    add_url,
    errors_of,
    event_form,
    in_days,
    login,
    register,
)
from tests.utils import (
    make_due,
    make_staff,
    run_worker,
    settings_form,
    settings_url,
    tasks_of,
    text_of,
)

pytestmark = pytest.mark.django_db

# --- Fixtures and helpers ------------------------------------------------------------


@pytest.fixture
def registrar_a(org_a):
    """A member of Fundacja Alfa's registrations group (and of no other group)."""
    return make_staff(org_a, "registrations")


@pytest.fixture
def registrar_b(org_b):
    return make_staff(org_b, "registrations")


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser(
        username="root", email="root@example.org", password="x"
    )


@pytest.fixture
def workshop_a(index_a):
    """Alfa's workshop: two places, both taken, and one person waiting."""
    event = add_event(
        index_a,
        "Warsztaty: prawo pracy",
        in_days(10, 17),
        registration_mode="form",
        capacity=2,
        waiting_list=True,
    )
    add_questions(event, "Dieta", "Tłumaczenie na")
    register(event, "Anna Nowak", "anna@example.org", dieta="wegańska", tlumaczenie_na="")
    register(event, "Олена Коваленко", "olena@example.org", language="uk", tlumaczenie_na="uk")
    register(event, "Piotr Wiśniewski", "piotr@example.org", RegistrationStatus.WAITING)
    return event


@pytest.fixture
def forum_b(index_b):
    event = add_event(index_b, "Forum Beta", in_days(20, 9), registration_mode="form", capacity=30)
    add_questions(event, "Organizacja")
    register(event, "Bogna Betowska", "bogna@example.org", organizacja="Beta")
    # The same person registered with both organizations.
    register(event, "Anna Nowak", "ANNA@example.org", organizacja="—")
    return event


def url(name, *args):
    return reverse(f"event_registrations:{name}", args=args)


def registrations_state(event):
    """What must not change when another organization's staff try their luck."""
    return sorted(
        Registration.objects.filter(event=event).values_list(
            "pk", "status", "name", "email", "answers", "anonymised_at"
        )
    )


def emails_state():
    """The e-mails recorded as sent (core.tasks.send_once)."""
    return sorted(SentEmail.objects.values_list("key", flat=True))


def log_of(event):
    return list(Log.objects.filter(event=event).values_list("username", "action", "rows"))


def assert_not_found(response):
    """A 404, as the admin gives it: LocaleMiddleware first sends a 404 under /admin/ to the
    same address under /pl/, where it is a 404 too."""
    if response.status_code == 302:
        location = response["Location"]
        assert location.startswith("/pl/admin/registrations/"), location
        assert response.client.get(location).status_code == 404
    else:
        assert response.status_code == 404


def assert_denied(response):
    """Refused as Wagtail refuses a view one lacks the permission for: back to the
    dashboard with an error message."""
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert errors_of(response)


# --- Who sees registrations ----------------------------------------------------------


def test_registrations_group_member_finds_registrations_in_the_menu(client, registrar_a):
    response = login(client, registrar_a).get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    assert url("index") in text_of(response)


def test_editor_without_the_group_sees_no_registrations_menu_item(client, editor_a):
    response = login(client, editor_a).get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    assert url("index") not in text_of(response)


def test_an_events_page_header_leads_its_registrations_group_to_its_registrations(
    client, org_a, registrar_a, editor_a, workshop_a
):
    # An editor who is also in the registrations group, and one who is not.
    both = make_staff(org_a, "editors", username="alfa-both")
    both.groups.add(registrar_a.groups.get())
    link = f'href="{url("event", workshop_a.pk)}"'
    edit = reverse("wagtailadmin_pages:edit", args=[workshop_a.pk])

    shown = login(client, both).get(edit)
    hidden = login(client, editor_a).get(edit)

    assert shown.status_code == hidden.status_code == 200
    assert link in text_of(shown)
    assert link not in text_of(hidden)


@pytest.mark.parametrize("role", ["editors", "moderators", "translators"])
def test_editing_events_does_not_open_their_registrations(client, org_a, workshop_a, role):
    user = make_staff(org_a, role)
    login(client, user)

    for address in [
        url("index"),
        url("event", workshop_a.pk),
        url("export_csv", workshop_a.pk),
        url("export_xlsx", workshop_a.pk),
        url("message", workshop_a.pk),
        url("erase"),
    ]:
        assert_denied(client.get(address))
    assert log_of(workshop_a) == []


def test_registrations_list_shows_the_organizations_events_with_their_numbers(
    client, registrar_a, workshop_a, forum_b
):
    response = login(client, registrar_a).get(url("index"))

    assert response.status_code == 200
    shown = text_of(response)
    assert "Warsztaty: prawo pracy" in shown
    assert "Forum Beta" not in shown
    [(event, organization)] = response.context["events"]
    assert (event.confirmed, event.waiting, event.cancelled, event.capacity) == (2, 1, 0, 2)
    assert organization.name == "Fundacja Alfa"


def test_event_registrations_show_people_answers_and_questions_and_are_logged(
    client, registrar_a, workshop_a
):
    response = login(client, registrar_a).get(url("event", workshop_a.pk))

    assert response.status_code == 200
    shown = text_of(response)
    for text in [
        "Anna Nowak",
        "anna@example.org",
        "wegańska",
        "Олена Коваленко",
        "Українська",
        "Piotr Wiśniewski",
        '<th scope="col">Dieta</th>',
        '<th scope="col">Tłumaczenie na</th>',
    ]:
        assert text in shown
    assert response.context["counts"] == {"confirmed": 2, "waiting": 1, "cancelled": 0}
    assert log_of(workshop_a) == [("alfa-registrations", AccessAction.VIEW, 3)]
    assert Log.objects.get(event=workshop_a).site_id == workshop_a.get_site().pk


def test_event_registrations_filter_by_status(client, registrar_a, workshop_a):
    response = login(client, registrar_a).get(url("event", workshop_a.pk), {"status": "waiting"})

    assert [row.registration.name for row in response.context["table"].rows] == ["Piotr Wiśniewski"]
    assert log_of(workshop_a) == [("alfa-registrations", AccessAction.VIEW, 1)]


def test_a_long_list_comes_in_pages_that_keep_the_status_filter(
    client, registrar_a, workshop_a, monkeypatch
):
    monkeypatch.setattr("events.admin_views.REGISTRATIONS_PAGE_SIZE", 2)
    register(workshop_a, "Ewa Nowa", "ewa@example.org")
    login(client, registrar_a)

    first = client.get(url("event", workshop_a.pk), {"status": "confirmed"})
    second = client.get(url("event", workshop_a.pk), {"status": "confirmed", "p": "2"})

    assert [row.registration.name for row in first.context["table"].rows] == [
        "Anna Nowak",
        "Олена Коваленко",
    ]
    assert 'href="?status=confirmed&amp;p=2" rel="next"' in text_of(first)
    assert [row.registration.name for row in second.context["table"].rows] == ["Ewa Nowa"]
    assert 'href="?status=confirmed&amp;p=1" rel="prev"' in text_of(second)
    # What was shown is what the log counts.
    assert log_of(workshop_a) == [
        ("alfa-registrations", AccessAction.VIEW, 1),
        ("alfa-registrations", AccessAction.VIEW, 2),
    ]


def test_answers_to_a_question_since_removed_are_still_shown(client, registrar_a, workshop_a):
    register(workshop_a, "Ewa Stara", "ewa@example.org", usunięte="stara odpowiedź")

    response = login(client, registrar_a).get(url("event", workshop_a.pk))

    assert "stara odpowiedź" in text_of(response)
    assert response.context["table"].questions[-1] == ("usunięte", "usunięte")


def test_registrations_list_makes_as_many_queries_for_30_registrations_as_for_3(
    client, registrar_a, workshop_a
):
    login(client, registrar_a)
    client.get(url("event", workshop_a.pk))  # sessions, caches and the like, once

    with CaptureQueriesContext(connection) as three:
        response = client.get(url("event", workshop_a.pk))
    assert len(response.context["table"].rows) == 3
    for n in range(27):
        register(workshop_a, f"Osoba {n}", f"osoba{n}@example.org", dieta="—")
    with CaptureQueriesContext(connection) as thirty:
        response = client.get(url("event", workshop_a.pk))

    assert len(response.context["table"].rows) == 30
    assert len(thirty) == len(three)


def test_index_makes_as_many_queries_for_many_events_as_for_one(
    client, registrar_a, workshop_a, index_a
):
    login(client, registrar_a)
    client.get(url("index"))
    with CaptureQueriesContext(connection) as one:
        client.get(url("index"))
    for n in range(5):
        event = add_event(index_a, f"Spotkanie {n}", in_days(n + 1), registration_mode="form")
        register(event, "Anna Nowak", "anna@example.org")
    with CaptureQueriesContext(connection) as six:
        response = client.get(url("index"))

    assert len(response.context["events"]) == 6
    assert len(six) == len(one)


# --- Confirming and cancelling -------------------------------------------------------


def test_staff_confirm_a_person_from_the_waiting_list_after_being_asked(
    client, registrar_a, workshop_a
):
    piotr = Registration.objects.get(event=workshop_a, email="piotr@example.org")
    login(client, registrar_a)

    asked = client.get(url("confirm", workshop_a.pk, piotr.pk))
    piotr.refresh_from_db()
    assert asked.status_code == 200
    assert "Piotr Wiśniewski" in text_of(asked)
    assert piotr.status == RegistrationStatus.WAITING  # asking changes nothing

    response = client.post(url("confirm", workshop_a.pk, piotr.pk))

    assert response.status_code == 302
    piotr.refresh_from_db()
    # Beyond the two places: staff decided so.
    assert piotr.status == RegistrationStatus.CONFIRMED
    assert (AccessAction.CONFIRM, 1) in [(a, r) for _u, a, r in log_of(workshop_a)]


def test_only_a_waiting_person_can_be_confirmed(client, registrar_a, workshop_a):
    anna = Registration.objects.get(event=workshop_a, email="anna@example.org")
    anna.status = RegistrationStatus.CANCELLED
    anna.save()

    response = login(client, registrar_a).post(url("confirm", workshop_a.pk, anna.pk))

    assert response.status_code == 302
    assert errors_of(response)
    anna.refresh_from_db()
    assert anna.status == RegistrationStatus.CANCELLED


def test_cancelling_a_place_gives_it_to_the_first_person_waiting(client, registrar_a, workshop_a):
    anna = Registration.objects.get(event=workshop_a, email="anna@example.org")

    response = login(client, registrar_a).post(url("cancel", workshop_a.pk, anna.pk))

    assert response.status_code == 302
    statuses = dict(Registration.objects.filter(event=workshop_a).values_list("email", "status"))
    assert statuses == {
        "anna@example.org": "cancelled",
        "olena@example.org": "confirmed",
        "piotr@example.org": "confirmed",
    }
    assert ("alfa-registrations", AccessAction.CANCEL, 1) in log_of(workshop_a)


def test_confirming_and_cancelling_need_a_post(client, registrar_a, workshop_a):
    anna = Registration.objects.get(event=workshop_a, email="anna@example.org")
    before = registrations_state(workshop_a)
    login(client, registrar_a)

    page = client.get(url("cancel", workshop_a.pk, anna.pk))

    assert page.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in text_of(page)
    assert registrations_state(workshop_a) == before


def test_a_change_without_the_csrf_token_is_refused(registrar_a, workshop_a):
    anna = Registration.objects.get(event=workshop_a, email="anna@example.org")
    before = registrations_state(workshop_a)
    client = Client(enforce_csrf_checks=True)
    client.force_login(registrar_a)

    response = client.post(url("cancel", workshop_a.pk, anna.pk))

    assert response.status_code == 403
    assert registrations_state(workshop_a) == before


# --- E-mail to the participants ------------------------------------------------------


def test_staff_email_every_confirmed_participant_after_checking_the_message(
    client, registrar_a, workshop_a, django_capture_on_commit_callbacks
):
    message = {"subject": "Zmiana sali", "body": "Spotykamy się w sali 2."}
    login(client, registrar_a)

    checked = client.post(url("message", workshop_a.pk), message)

    assert checked.status_code == 200
    assert checked.context["count"] == 2
    assert emails_state() == []
    assert mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(url("message", workshop_a.pk), {**message, "confirmed": "True"})

    assert sent.status_code == 302
    assert len(emails_state()) == 2
    assert all(key.startswith("message:") for key in emails_state())
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@example.org", "olena@example.org"]
    assert {m.subject for m in mail.outbox} == {"Zmiana sali"}
    assert ("alfa-registrations", AccessAction.MESSAGE, 2) in log_of(workshop_a)


def test_an_email_the_mail_server_refuses_is_tried_again_later(
    client, registrar_a, workshop_a, task_queue, monkeypatch
):
    def refuse(self, *args, **kwargs):
        raise OSError("Connection refused")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    login(client, registrar_a)
    client.post(url("message", workshop_a.pk), {"subject": "S", "body": "B", "confirmed": "True"})
    run_worker()

    tasks = tasks_of(send_participant_message)
    failed = [task for task in tasks if task.status == TaskResultStatus.FAILED]
    retries = [task for task in tasks if task.status == TaskResultStatus.READY]
    assert len(failed) == len(retries) == 2
    assert all("Connection refused" in task.traceback for task in failed)
    assert all(task.args_kwargs["kwargs"] == {"attempt": 2} for task in retries)
    assert emails_state() == []

    monkeypatch.undo()
    make_due()
    run_worker()

    assert sorted(m.to[0] for m in mail.outbox) == ["anna@example.org", "olena@example.org"]


# --- Erasing a person's data ---------------------------------------------------------


def test_staff_erase_a_persons_registrations_within_their_organization(
    client, registrar_a, workshop_a, forum_b, index_a, task_queue
):
    talk = add_event(index_a, "Rozmowa", in_days(3), registration_mode="form")
    anna_talk = register(talk, "Anna N.", "Anna@Example.org")
    send_registration_email.enqueue(anna_talk.pk, "confirmed")  # not yet sent
    forum_before = registrations_state(forum_b)
    login(client, registrar_a)

    found = client.post(url("erase"), {"email": "ANNA@example.ORG"})

    assert found.status_code == 200
    assert [(e.title, n) for e, n in found.context["found"]] == [
        ("Rozmowa", 1),
        ("Warsztaty: prawo pracy", 1),
    ]
    assert "Forum Beta" not in text_of(found)
    assert Registration.objects.filter(email__iexact="anna@example.org").count() == 3

    erased = client.post(url("erase"), {"email": "ANNA@example.ORG", "confirmed": "True"})

    assert erased.status_code == 302
    assert not Registration.objects.filter(
        event__in=[workshop_a, talk], email__iexact="anna@example.org"
    ).exists()
    run_worker()
    assert [m for m in mail.outbox if m.to == ["Anna@Example.org"]] == []
    assert Registration.objects.filter(event=workshop_a).count() == 2  # the others stay
    assert registrations_state(forum_b) == forum_before  # Beta's registration of Anna stays
    # Finding the address is looking at personal data too: logged (newest first).
    assert log_of(talk) == [
        ("alfa-registrations", AccessAction.ERASE, 1),
        ("alfa-registrations", AccessAction.LOOK_UP, 1),
    ]
    assert log_of(workshop_a) == [
        ("alfa-registrations", AccessAction.ERASE, 1),
        ("alfa-registrations", AccessAction.LOOK_UP, 1),
    ]
    # The log says how many, never whose.
    assert not Log.objects.filter(username__icontains="anna").exists()


def test_erasing_a_person_with_a_place_gives_it_to_the_first_person_waiting(
    client, registrar_a, index_a, django_capture_on_commit_callbacks
):
    full = add_event(
        index_a, "Warsztaty", in_days(5), registration_mode="form", capacity=1, waiting_list=True
    )
    register(full, "Anna N.", "anna@example.org")
    first = register(full, "Olena K.", "olena@example.org", status=RegistrationStatus.WAITING)
    second = register(full, "Iryna P.", "iryna@example.org", status=RegistrationStatus.WAITING)
    login(client, registrar_a)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("erase"), {"email": "anna@example.org", "confirmed": "True"})

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == RegistrationStatus.CONFIRMED
    assert second.status == RegistrationStatus.WAITING
    assert [message.to for message in mail.outbox] == [["olena@example.org"]]
    assert not Registration.objects.filter(email="anna@example.org").exists()


def test_erasing_an_unknown_address_finds_nothing_and_changes_nothing(
    client, registrar_a, workshop_a
):
    before = registrations_state(workshop_a)

    response = login(client, registrar_a).post(url("erase"), {"email": "nikt@example.org"})

    assert response.status_code == 200
    assert response.context["found"] == []
    assert registrations_state(workshop_a) == before


# --- Isolation: the other organization's registrations --------------------------------


def test_other_organizations_staff_neither_list_nor_open_its_events_registrations(
    client, registrar_b, workshop_a, forum_b
):
    login(client, registrar_b)

    listed = client.get(url("index"))
    opened = client.get(url("event", workshop_a.pk))
    own = client.get(url("event", forum_b.pk))

    assert "Warsztaty: prawo pracy" not in text_of(listed)
    assert "Forum Beta" in text_of(listed)
    assert_not_found(opened)
    assert "Anna Nowak" not in text_of(opened)
    assert "Bogna Betowska" in text_of(own)
    assert log_of(workshop_a) == []


@pytest.mark.parametrize("name", ["export_csv", "export_xlsx"])
def test_other_organizations_staff_cannot_export_its_registrations(
    client, registrar_b, workshop_a, forum_b, name
):
    login(client, registrar_b)

    refused = client.get(url(name, workshop_a.pk))
    own = client.get(url(name, forum_b.pk))

    assert_not_found(refused)
    assert b"anna@example.org" not in refused.content
    assert own.status_code == 200
    assert log_of(workshop_a) == []


@pytest.mark.parametrize("action", ["confirm", "cancel"])
def test_other_organizations_staff_cannot_change_its_registrations(
    client, registrar_b, workshop_a, forum_b, action
):
    piotr = Registration.objects.get(event=workshop_a, email="piotr@example.org")
    before = registrations_state(workshop_a)
    login(client, registrar_b)

    # By the other organization's event and registration ids…
    direct = client.post(url(action, workshop_a.pk, piotr.pk))
    # …and by their own event's id with the other organization's registration id.
    smuggled = client.post(url(action, forum_b.pk, piotr.pk))

    assert_not_found(direct)
    assert_not_found(smuggled)
    assert registrations_state(workshop_a) == before
    assert log_of(workshop_a) == []


def test_own_staff_cancel_a_registration_as_the_control(client, registrar_b, forum_b):
    bogna = Registration.objects.get(event=forum_b, email="bogna@example.org")

    client = login(client, registrar_b)
    response = client.post(url("cancel", forum_b.pk, bogna.pk))

    assert response.status_code == 302
    bogna.refresh_from_db()
    assert bogna.status == RegistrationStatus.CANCELLED


def test_other_organizations_staff_cannot_email_its_participants(
    client, registrar_b, workshop_a, django_capture_on_commit_callbacks
):
    login(client, registrar_b)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("message", workshop_a.pk),
            {"subject": "Promocja", "body": "Przyjdźcie do nas", "confirmed": "True"},
        )

    assert_not_found(response)
    assert emails_state() == []
    assert mail.outbox == []
    assert log_of(workshop_a) == []


def test_erasing_by_another_organizations_staff_leaves_its_registrations(
    client, registrar_b, workshop_a, forum_b
):
    before = registrations_state(workshop_a)
    login(client, registrar_b)

    found = client.post(url("erase"), {"email": "anna@example.org"})
    erased = client.post(url("erase"), {"email": "anna@example.org", "confirmed": "True"})

    # Beta finds and erases its own registration of the address, never Alfa's.
    assert [e.title for e, _n in found.context["found"]] == ["Forum Beta"]
    assert "Warsztaty" not in text_of(found)
    assert erased.status_code == 302
    assert not Registration.objects.filter(event=forum_b, email__iexact="anna@example.org")
    assert registrations_state(workshop_a) == before
    assert log_of(workshop_a) == []


def test_access_log_is_shown_to_superusers_only(
    client, superuser, registrar_a, registrar_b, workshop_a, forum_b
):
    login(client, registrar_a).get(url("event", workshop_a.pk))
    login(client, registrar_b).get(url("event", forum_b.pk))

    refused_a = login(client, registrar_a).get(url("log"))
    refused_b = login(client, registrar_b).get(url("log"))
    shown = login(client, superuser).get(url("log"))

    assert_denied(refused_a)
    assert_denied(refused_b)
    assert shown.status_code == 200
    rows = [(entry.username, organization) for entry, organization in shown.context["entries"]]
    assert ("alfa-registrations", "Fundacja Alfa") in rows
    assert ("beta-registrations", "Stowarzyszenie Beta") in rows
    only_b = client.get(url("log"), {"site": forum_b.get_site().pk})
    assert [entry.username for entry, _o in only_b.context["entries"]] == ["beta-registrations"]


def test_superuser_sees_every_organizations_registrations(client, superuser, workshop_a, forum_b):
    response = login(client, superuser).get(url("index"))

    assert {event.title for event, _org in response.context["events"]} == {
        "Warsztaty: prawo pracy",
        "Forum Beta",
    }
    assert response.context["several_organizations"]


# --- Events that keep their registrations --------------------------------------------


def test_an_event_with_registrations_is_not_deleted_and_staff_are_told_why(
    client, moderator_a, workshop_a
):
    delete_url = reverse("wagtailadmin_pages:delete", args=[workshop_a.pk])
    login(client, moderator_a)

    shown = client.get(delete_url)
    posted = client.post(delete_url)

    for response in (shown, posted):
        assert response.status_code == 302
        assert errors_of(response)
        assert all("Warsztaty: prawo pracy" in error for error in errors_of(response))
    assert EventPage.objects.filter(pk=workshop_a.pk).exists()
    assert Registration.objects.filter(event=workshop_a).count() == 3


def test_an_event_index_with_registered_events_below_it_is_not_deleted(
    client, superuser, workshop_a, index_a
):
    response = login(client, superuser).post(
        reverse("wagtailadmin_pages:delete", args=[index_a.pk])
    )

    assert response.status_code == 302
    assert errors_of(response)
    assert EventPage.objects.filter(pk=workshop_a.pk).exists()


def test_an_event_without_registrations_is_deleted_as_the_control(client, moderator_a, index_a):
    event = add_event(index_a, "Bez zapisów", in_days(5))

    response = login(client, moderator_a).post(
        reverse("wagtailadmin_pages:delete", args=[event.pk])
    )

    assert response.status_code == 302
    assert not errors_of(response)
    assert not Page.objects.filter(pk=event.pk).exists()


def test_bulk_delete_keeps_events_with_registrations(client, moderator_a, workshop_a, index_a):
    empty = add_event(index_a, "Bez zapisów", in_days(5))
    bulk_url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])

    response = login(client, moderator_a).post(
        f"{bulk_url}?id={workshop_a.pk}&id={empty.pk}&next=/admin/pages/{index_a.pk}/"
    )

    assert response.status_code == 302
    assert any("Warsztaty: prawo pracy" in error for error in errors_of(response))
    # Nothing of the batch is deleted: the whole action is refused.
    assert EventPage.objects.filter(pk__in=[workshop_a.pk, empty.pk]).count() == 2
    assert Registration.objects.filter(event=workshop_a).count() == 3


def test_an_event_with_registrations_is_not_moved_to_another_organization(
    client, superuser, moderator_a, workshop_a, index_b
):
    move_url = reverse("wagtailadmin_pages:move_confirm", args=[workshop_a.pk, index_b.pk])

    by_moderator = login(client, moderator_a).post(move_url)
    by_superuser = login(client, superuser).post(move_url)

    assert by_moderator.status_code in (302, 403)
    assert by_superuser.status_code == 302
    assert any("Warsztaty: prawo pracy" in error for error in errors_of(by_superuser))
    workshop_a.refresh_from_db()
    assert workshop_a.get_parent().pk != index_b.pk


def test_an_event_without_registrations_moves_as_the_control(client, superuser, index_a, index_b):
    event = add_event(index_a, "Bez zapisów", in_days(5))

    login(client, superuser).post(
        reverse("wagtailadmin_pages:move_confirm", args=[event.pk, index_b.pk])
    )

    event.refresh_from_db()
    assert event.get_parent().pk == index_b.pk


# --- Where registrations are sent: the organizer's address ---------------------------


def set_domains(org, domains):
    org.email_domains = domains
    org.save()


@pytest.mark.parametrize(
    ("domains", "address", "accepted"),
    [
        ("fundacja-alfa.pl, alfa.org.pl", "biuro@alfa.org.pl", True),
        ("fundacja-alfa.pl", "Biuro@Fundacja-Alfa.PL", True),
        ("fundacja-alfa.pl", "ktos@gmail.com", False),
        ("fundacja-alfa.pl", "biuro@sub.fundacja-alfa.pl", False),
        ("", "biuro@fundacja-alfa.pl", False),
    ],
)
def test_registrations_go_only_to_an_address_in_the_organizations_domains(
    client, editor_registrar_a, org_a, index_a, domains, address, accepted
):
    set_domains(org_a, domains)
    login(client, editor_registrar_a)

    response = client.post(add_url(index_a), event_form(organizer_email=address))

    created = EventPage.objects.filter(slug="porozmawiajmy-o-integracji").exists()
    assert created is accepted
    if not accepted:
        assert "organizer_email" in response.context["form"].errors


def test_without_domains_staff_are_told_to_set_them_in_the_settings(
    client, editor_registrar_a, org_a, index_a
):
    set_domains(org_a, "")

    response = login(client, editor_registrar_a).post(
        add_url(index_a), event_form(organizer_email="biuro@fundacja-alfa.pl")
    )

    errors = response.context["form"].errors["organizer_email"]
    with translation.override("en"):
        [error] = list(errors)
    assert "organization settings" in error
    assert not EventPage.objects.filter(slug="porozmawiajmy-o-integracji").exists()


def test_organization_settings_keep_domains_in_a_clean_list(client, editor_registrar_a, org_a):
    response = login(client, editor_registrar_a).post(
        settings_url(org_a),
        settings_form(org_a, email_domains=" Fundacja-Alfa.PL,@alfa.org.pl , fundacja-alfa.pl,"),
    )

    assert response.status_code == 302
    org_a.refresh_from_db()
    assert org_a.email_domains == "fundacja-alfa.pl, alfa.org.pl"


@pytest.mark.parametrize(
    "domains", ["biuro@fundacja-alfa.pl", "https://fundacja-alfa.pl", "fundacja alfa", "alfa"]
)
def test_organization_settings_refuse_what_is_not_a_domain(
    client, editor_registrar_a, org_a, domains
):
    response = login(client, editor_registrar_a).post(
        settings_url(org_a), settings_form(org_a, email_domains=domains)
    )

    assert response.status_code == 200
    assert "email_domains" in response.context["form"].errors
    org_a.refresh_from_db()
    assert org_a.email_domains == ""
