from django.urls import path

from veiligwerk.intake import staff_views

app_name = "cases"

urlpatterns = [
    path("", staff_views.report_list_view, name="list"),
    path("<int:report_id>/", staff_views.report_detail_view, name="detail"),
    path(
        "<int:report_id>/bijlagen/<int:attachment_id>/",
        staff_views.attachment_download_view,
        name="attachment",
    ),
    path("mondeling/", staff_views.oral_report_view, name="oral"),
    path("mondeling/code/", staff_views.oral_report_code_view, name="oral_code"),
]
