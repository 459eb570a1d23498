from django.urls import path

from veiligwerk.tenancy import views

app_name = "tenancy"

urlpatterns = [
    path("", views.organisation_list_view, name="organisation_list"),
    path("<int:organisation_id>/", views.organisation_detail_view, name="organisation_detail"),
    path(
        "<int:organisation_id>/memberships/<int:membership_id>/revoke/",
        views.membership_revoke_view,
        name="membership_revoke",
    ),
    path(
        "<int:organisation_id>/recovery-key/",
        views.recovery_key_create_view,
        name="recovery_key_create",
    ),
    path(
        "<int:organisation_id>/key-recovery/<int:request_id>/",
        views.key_recover_view,
        name="key_recover",
    ),
]
