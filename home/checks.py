from django.conf import settings
from django.core.checks import Error, Tags, register
from django.db import DatabaseError


@register(Tags.security, deploy=True)
def demo_password_not_in_use(app_configs, **kwargs):
    """`check --deploy` fails while any user still has the demo password."""
    if not getattr(settings, "REFUSE_DEMO_CREDENTIALS", False):
        return []
    from .security import users_with_demo_password

    try:
        found = users_with_demo_password()
    except DatabaseError:
        return []
    return [
        Error(
            f"User {username!r} has the demo password.",
            hint="Change it with `manage.py changepassword` before going live.",
            id="home.E001",
        )
        for username in found
    ]
