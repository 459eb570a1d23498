from django.urls import path

from veiligwerk.security import views

app_name = "security"

urlpatterns = [
    path("", views.audit_log_view, name="audit_log"),
]
