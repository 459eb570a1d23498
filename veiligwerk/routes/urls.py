from django.urls import path

from veiligwerk.routes import views

app_name = "routes"

urlpatterns = [
    path("veilig-zoeken/", views.safety_view, name="safety"),
    path("<slug:sector_slug>/", views.sector_start_view, name="start"),
    path("<slug:sector_slug>/wegwijzer/", views.wizard_view, name="wizard"),
    path("<slug:sector_slug>/routes/", views.routes_list_view, name="routes"),
    path("<slug:sector_slug>/routes/<slug:route_slug>/", views.route_detail_view, name="route"),
    path("<slug:sector_slug>/gedragscode/", views.values_view, name="values"),
]
