"""What an organization's groups may do with an app's models, as the apps declare it.

Each app says so in its AppConfig (`organization_permissions`), read by
organizations.provisioning when it makes or updates the groups. This module imports no
model, so that an AppConfig can use it.
"""

from django.apps import apps


def app_role_permissions(kind, role):
    """The permissions of `kind` ("global" or "site") each installed app gives `role`.

    Each app defines the permissions on its own models in its AppConfig, as
    `organization_permissions = {"global": {role: [...]}, "site": {role: [...]}}`: "global"
    ones are narrowed to the organization's own objects by the model's permission policy
    (organizations.owned), "site" ones are held on the organization's site only.
    """
    return [
        codename
        for config in apps.get_app_configs()
        for codename in getattr(config, "organization_permissions", {}).get(kind, {}).get(role, [])
    ]


def owned_snippet_permissions(model_label):
    """The permissions on an organization-owned snippet ("app_label.model"): editors and
    moderators add, change and delete their organization's; translators change them, which
    is what translating takes. The model's permission policy (organizations.owned) narrows
    them to the user's own organizations."""
    app_label, model_name = model_label.lower().split(".")
    every = [f"{app_label}.{action}_{model_name}" for action in ("add", "change", "delete")]
    return {
        "global": {
            "editors": every,
            "moderators": every,
            "translators": [f"{app_label}.change_{model_name}"],
        }
    }
