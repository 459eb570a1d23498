"""Root URLconf. Everything requires a staff log-in with a second factor unless the view is
explicitly public (``login_not_required``); the access-matrix test lists every pattern."""

from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from veiligwerk.routes.views import quick_exit_view

urlpatterns = [
    path("", include("veiligwerk.public.urls")),
    path("hulp/", include("veiligwerk.routes.urls")),
    path("melden/", include("veiligwerk.intake.urls")),
    path("weg/", quick_exit_view, name="quick_exit"),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("staff/", include("veiligwerk.accounts.urls")),
    path("staff/organisations/", include("veiligwerk.tenancy.urls")),
    path("staff/audit/", include("veiligwerk.security.urls")),
    path("staff/wegwijzer/", include("veiligwerk.routes.editor_urls")),
    path("staff/meldingen/", include("veiligwerk.intake.staff_urls")),
    path("staff/plan/", include("veiligwerk.actionplan.urls")),
    path("staff/indicatoren/", include("veiligwerk.indicators.urls")),
]

handler404 = "veiligwerk.public.errors.not_found"
handler500 = "veiligwerk.public.errors.server_error"
