from django.db import migrations

WAGTAIL_GROUPS = ["Editors", "Moderators"]
WAGTAIL_WORKFLOW = "Moderators approval"


def remove_installation_wide_groups(apps, schema_editor):
    """Remove Wagtail's own Editors and Moderators groups and its default workflow.

    Wagtail's migrations give those groups add/change/publish on the root page and the root
    collection: a member would reach every organization. Here every group belongs to one
    organization (organizations.provisioning makes them, with a moderation workflow of the
    organization's own); administrators are superusers.
    """
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    workflows = Workflow.objects.filter(name=WAGTAIL_WORKFLOW)
    task_ids = list(
        GroupApprovalTask.objects.filter(
            workflow_tasks__workflow__in=workflows, groups__name__in=WAGTAIL_GROUPS
        ).values_list("pk", flat=True)
    )
    workflows.delete()
    for task in GroupApprovalTask.objects.filter(pk__in=task_ids):
        task.delete()
    # Their page, collection and site permissions go with them (cascade).
    Group.objects.filter(name__in=WAGTAIL_GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("organizations", "0001_initial"),
        # Every migration that gives those groups permissions or makes the workflow.
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.RunPython(remove_installation_wide_groups, migrations.RunPython.noop),
    ]
