"""Refusing to run in production with the demo administrator's password."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError


def users_with_demo_password():
    """Usernames of the superusers and demo users whose password is the demo password.

    Only those are checked, so that start-up does not hash every staff password.
    """
    from django.db.models import Q

    from .demo import demo_usernames

    User = get_user_model()
    users = User.objects.filter(
        Q(is_superuser=True) | Q(**{f"{User.USERNAME_FIELD}__in": demo_usernames()}),
        is_active=True,
    )
    return [
        user.get_username()
        for user in users.only("password", User.USERNAME_FIELD)
        if user.has_usable_password() and user.check_password(settings.DEMO_ADMIN_PASSWORD)
    ]


def refuse_demo_credentials():
    try:
        found = users_with_demo_password()
    except DatabaseError:
        # No database yet (e.g. before the first migrate): nothing to refuse.
        return
    if found:
        raise ImproperlyConfigured(
            "Refusing to start: these users still have the demo password: "
            f"{', '.join(found)}. Change it with `manage.py changepassword`."
        )
