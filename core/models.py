from django.db import models
from django.utils.translation import gettext_lazy as _


class SentEmail(models.Model):
    """That the e-mail of one event of the domain has been handed to the mail server.

    Written in the transaction that sends it (core.tasks.send_once), under a key naming the
    event (`registration:42:confirmed`), so that a task run twice, retried after a timeout or
    enqueued twice never sends that e-mail twice. Holds no address and no text.
    """

    key = models.CharField(_("key"), max_length=200, unique=True)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("sent e-mail")
        verbose_name_plural = _("sent e-mails")

    def __str__(self):
        return self.key
