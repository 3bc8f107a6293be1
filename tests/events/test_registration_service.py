"""The pool of places of an event (events/registration.py): confirmed while places last, then
the waiting list in arrival order, never a place too many — also under concurrency."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections

from events import tasks
from events.choices import RegistrationStatus
from events.models import Registration
from events.pool import FULL, WAITING_LIST, Change, availability, counts, places_left
from events.registration import (
    Result,
    cancel_by_token,
    cancel_registration,
    confirm_registration,
    register,
)
from tests.events.helpers import add_event, event_index, in_days, translate_event
from tests.utils import needs_postgresql

CONSENT = {"consent_text": "Zgadzam się", "consent_version": "1"}


def sign_up(event, email, language="pl", **extra):
    return register(
        event, name=email.split("@")[0], email=email, language=language, **CONSENT, **extra
    )


def statuses(event):
    return list(
        Registration.objects.filter(event=event).order_by("pk").values_list("email", "status")
    )


@pytest.fixture
def workshop(org_a):
    return add_event(
        event_index(org_a),
        "Warsztaty",
        in_days(10, 9, 30),
        in_days(10, 15, 30),
        registration_mode="form",
        capacity=2,
        waiting_list=True,
    )


@pytest.fixture
def changes(monkeypatch):
    """The changes registration tells the e-mail tasks about, in order: (e-mail, change)."""
    seen = []
    queue = tasks.queue_registration_emails

    def record(registration, change):
        seen.append((registration.email, change))
        return queue(registration, change)

    monkeypatch.setattr(tasks, "queue_registration_emails", record)
    return seen


@pytest.mark.django_db
class TestPool:
    def test_places_go_first_then_the_waiting_list_in_order(self, workshop, changes):
        outcomes = [sign_up(workshop, f"osoba{n}@example.org") for n in range(1, 5)]

        assert [o.result for o in outcomes] == [
            Result.CONFIRMED,
            Result.CONFIRMED,
            Result.WAITING,
            Result.WAITING,
        ]
        assert [o.position for o in outcomes[2:]] == [1, 2]
        assert counts(workshop) == {"confirmed": 2, "waiting": 2, "cancelled": 0}
        assert places_left(workshop) == 0
        assert availability(workshop) == (WAITING_LIST, 0)
        assert changes == [(f"osoba{n}@example.org", Change.REGISTERED) for n in range(1, 5)]

    def test_without_a_waiting_list_a_full_event_takes_nobody(self, workshop):
        workshop.waiting_list = False
        workshop.save()
        sign_up(workshop, "a@example.org")
        sign_up(workshop, "b@example.org")

        outcome = sign_up(workshop, "c@example.org")

        assert outcome.result == Result.FULL
        assert outcome.registration is None
        assert Registration.objects.filter(event=workshop).count() == 2
        assert availability(workshop) == (FULL, 0)

    def test_the_same_address_registers_once_whatever_its_case(self, workshop):
        sign_up(workshop, "Anna@Example.org")

        outcome = sign_up(workshop, "anna@example.ORG")

        assert outcome.result == Result.DUPLICATE
        assert Registration.objects.filter(event=workshop).count() == 1

    def test_translations_share_one_pool(self, workshop):
        ukrainian = translate_event(workshop, "uk", title="Майстерня")
        sign_up(workshop, "a@example.org")

        outcome = sign_up(ukrainian, "b@example.org", language="uk")

        assert outcome.result == Result.CONFIRMED
        assert outcome.registration.event_id == workshop.pk
        assert outcome.registration.language == "uk"
        assert sign_up(ukrainian, "c@example.org", language="uk").result == Result.WAITING
        assert places_left(ukrainian) == 0
        assert counts(ukrainian)["confirmed"] == 2

    def test_closed_and_not_yet_open_registration_take_nobody(self, org_a):
        index = event_index(org_a)
        started = add_event(
            index, "Trwa", in_days(-1), in_days(1), registration_mode="form", capacity=5
        )
        later = add_event(
            index,
            "Później",
            in_days(20),
            in_days(20, 12),
            registration_mode="form",
            registration_opens_at=in_days(5),
        )
        no_form = add_event(index, "Bez zapisów", in_days(3), in_days(3, 12))

        assert sign_up(started, "a@example.org").result == Result.CLOSED
        assert sign_up(later, "a@example.org").result == Result.NOT_YET_OPEN
        assert sign_up(no_form, "a@example.org").result == Result.CLOSED
        assert not Registration.objects.exists()

    def test_unlimited_event_confirms_everyone(self, org_a):
        open_day = add_event(
            event_index(org_a),
            "Dzień otwarty",
            in_days(4),
            in_days(4, 16),
            registration_mode="form",
        )

        outcomes = [sign_up(open_day, f"o{n}@example.org") for n in range(5)]

        assert {o.result for o in outcomes} == {Result.CONFIRMED}
        assert places_left(open_day) is None


@pytest.mark.django_db
class TestCancelling:
    def test_a_cancelled_place_goes_to_the_first_in_line(self, workshop, changes):
        first, _second, third, fourth = (
            sign_up(workshop, f"osoba{n}@example.org").registration for n in range(1, 5)
        )

        outcome = cancel_registration(first)

        assert outcome.result == Result.CANCELLED
        assert [r.email for r in outcome.promoted] == [third.email]
        assert statuses(workshop) == [
            ("osoba1@example.org", "cancelled"),
            ("osoba2@example.org", "confirmed"),
            ("osoba3@example.org", "confirmed"),
            ("osoba4@example.org", "waiting"),
        ]
        assert changes[-2:] == [
            ("osoba1@example.org", Change.CANCELLED),
            ("osoba3@example.org", Change.PROMOTED),
        ]
        fourth.refresh_from_db()
        assert fourth.status == RegistrationStatus.WAITING

    def test_cancelling_from_the_waiting_list_promotes_nobody(self, workshop):
        registrations = [sign_up(workshop, f"o{n}@example.org").registration for n in range(4)]

        outcome = cancel_registration(registrations[2])

        assert outcome.promoted == []
        assert counts(workshop) == {"confirmed": 2, "waiting": 1, "cancelled": 1}

    def test_a_second_cancel_changes_nothing(self, workshop):
        registration = sign_up(workshop, "a@example.org").registration
        cancel_registration(registration)

        assert cancel_by_token(registration.cancel_token).result == Result.ALREADY_CANCELLED
        assert cancel_by_token("no-such-token") is None
        assert cancel_by_token("") is None

    def test_after_cancelling_the_person_may_register_again(self, workshop):
        registration = sign_up(workshop, "a@example.org").registration
        cancel_registration(registration)

        assert sign_up(workshop, "a@example.org").result == Result.CONFIRMED

    def test_staff_confirm_someone_from_the_waiting_list_beyond_the_places(self, workshop, changes):
        *_confirmed, waiting = [
            sign_up(workshop, f"o{n}@example.org").registration for n in range(3)
        ]

        outcome = confirm_registration(waiting)

        assert outcome.result == Result.CONFIRMED
        assert counts(workshop) == {"confirmed": 3, "waiting": 0, "cancelled": 0}
        assert changes[-1] == ("o2@example.org", Change.CONFIRMED_BY_STAFF)

    def test_staff_cannot_restore_a_cancelled_registration_that_was_made_again(self, workshop):
        old = sign_up(workshop, "a@example.org").registration
        cancel_registration(old, by_staff=True)
        sign_up(workshop, "a@example.org")

        assert confirm_registration(old).result == Result.DUPLICATE
        old.refresh_from_db()
        assert old.status == RegistrationStatus.CANCELLED


def forum_with_twenty_places(org):
    return add_event(
        event_index(org),
        "Forum",
        in_days(10, 9, 30),
        in_days(10, 15, 30),
        registration_mode="form",
        capacity=20,
        waiting_list=True,
    )


def run_concurrently(jobs, workers=40):
    """Run the callables at once from `workers` threads, each with its own connection."""
    start = threading.Barrier(min(workers, len(jobs)))

    def run(job):
        try:
            if len(jobs) <= workers:
                start.wait()
            return job()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(run, jobs))


@needs_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_one_hundred_and_twenty_concurrent_registrations_never_overbook(org_a):
    forum = forum_with_twenty_places(org_a)
    emails = [f"osoba{n:03}@example.org" for n in range(120)]
    # A few people press "send" twice: the second must not become a second registration.
    jobs = [lambda e=e: sign_up(forum, e) for e in emails + emails[:10]]

    outcomes = run_concurrently(jobs)

    registrations = list(Registration.objects.filter(event=forum).order_by("pk"))
    assert len(registrations) == 120  # nothing lost, nothing twice
    assert sorted(r.email for r in registrations) == sorted(emails)
    assert sorted(o.result for o in outcomes).count(Result.DUPLICATE) == 10
    confirmed = [r for r in registrations if r.status == RegistrationStatus.CONFIRMED]
    waiting = [r for r in registrations if r.status == RegistrationStatus.WAITING]
    assert len(confirmed) == 20
    assert len(waiting) == 100
    # Arrival order (the order in which the pool's lock was granted, which is the order of
    # the rows): the first twenty got the places, the others queue behind them.
    assert confirmed == registrations[:20]
    positions = sorted(o.position for o in outcomes if o.result == Result.WAITING)
    assert positions == list(range(1, 101))
    by_email = {o.registration.email: o for o in outcomes if o.result == Result.WAITING}
    for rank, registration in enumerate(waiting, start=1):
        assert by_email[registration.email].position == rank


@needs_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_cancellations_racing_promotions_and_new_registrations_keep_the_count(org_a):
    forum = forum_with_twenty_places(org_a)
    first = [sign_up(forum, f"pierwsi{n:02}@example.org").registration for n in range(50)]
    cancelling = first[:15] + first[30:35]  # 15 with a place, 5 waiting
    newcomers = [f"nowi{n:02}@example.org" for n in range(40)]
    jobs = [lambda r=r: cancel_registration(r) for r in cancelling]
    jobs += [lambda r=r: cancel_registration(r) for r in cancelling[:10]]  # clicked twice
    jobs += [lambda e=e: sign_up(forum, e) for e in newcomers]

    outcomes = run_concurrently(jobs)

    registrations = list(Registration.objects.filter(event=forum).order_by("pk"))
    assert len(registrations) == 90
    by_status = {status: [] for status in RegistrationStatus.values}
    for registration in registrations:
        by_status[registration.status].append(registration)
    assert len(by_status["cancelled"]) == 20
    assert len(by_status["confirmed"]) == 20  # never more, and no free place left unfilled
    assert len(by_status["waiting"]) == 50
    # Promotion follows arrival: the places are held by the twenty earliest registrations
    # that still stand, whatever order the cancellations came in.
    standing = [r for r in registrations if r.status != RegistrationStatus.CANCELLED]
    assert by_status["confirmed"] == standing[:20]
    promoted = [p.pk for o in outcomes if o.result == Result.CANCELLED for p in o.promoted]
    # 15 places freed; a few more if someone promoted then had their own cancel go through.
    assert 15 <= len(promoted) <= 20
    assert len(set(promoted)) == len(promoted)
    assert sum(o.result == Result.ALREADY_CANCELLED for o in outcomes) == 10
