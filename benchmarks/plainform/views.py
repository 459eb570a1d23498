from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from benchmarks.plainform.forms import PlainEntryForm


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def plain_view(request: HttpRequest) -> HttpResponse:
    """A normal CSRF-protected form: validate, save one row, redirect."""
    if request.method == "POST":
        form = PlainEntryForm(request.POST)
        if form.is_valid():
            form.save()
            return HttpResponseRedirect(reverse("bench_plain") + "?saved=1")
    else:
        form = PlainEntryForm()
    return render(request, "plainform/form.html", {"form": form})
