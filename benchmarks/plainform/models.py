from django.db import models


class PlainEntry(models.Model):
    """One unencrypted row per POST: the baseline for a report submission."""

    title = models.CharField(max_length=200)
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.title
