from django.urls import path

from veiligwerk.public import views

app_name = "public"

urlpatterns = [
    path("", views.home_view, name="home"),
    path("healthz", views.health_view, name="health"),
]
