from django.urls import path

from veiligwerk.intake import views

app_name = "intake"

urlpatterns = [
    path("inloggen/", views.login_view, name="login"),
    path("inbox/", views.inbox_view, name="inbox"),
    path("inbox/bestanden/<int:attachment_id>/", views.inbox_file_view, name="inbox_file"),
    path("uitloggen/", views.logout_view, name="logout"),
    path("vraag/<slug:step>/", views.step_view, name="step"),
    path("controleren/", views.check_view, name="check"),
    path("ontvangen/", views.receipt_view, name="receipt"),
    path("<slug:sector_slug>/<slug:route_slug>/", views.start_view, name="start"),
]
