from django import forms

from benchmarks.plainform.models import PlainEntry


class PlainEntryForm(forms.ModelForm):
    class Meta:
        model = PlainEntry
        fields = ["title", "text"]
