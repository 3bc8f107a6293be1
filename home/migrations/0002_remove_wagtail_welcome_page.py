from django.db import migrations


def remove_welcome_page(apps, schema_editor):
    """Remove the placeholder site and page that Wagtail's first migration creates.

    Organizations are added with `manage.py create_organization`; the placeholder
    would otherwise stay the default site. Left alone if anyone has edited it.
    """
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    welcome = Page.objects.filter(
        depth=2, slug="home", title="Welcome to your new Wagtail site!", numchild=0
    ).first()
    if welcome is None:
        return
    Site.objects.filter(root_page_id=welcome.pk).delete()
    welcome.delete()
    root = Page.objects.filter(depth=1).first()
    if root is not None:
        root.numchild = Page.objects.filter(depth=2).count()
        root.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(remove_welcome_page, migrations.RunPython.noop)]
