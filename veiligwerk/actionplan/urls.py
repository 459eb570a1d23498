from django.urls import path

from veiligwerk.actionplan import views

app_name = "plan"

urlpatterns = [
    path("", views.plan_list_view, name="list"),
    path("nieuw/", views.plan_create_view, name="create"),
    path("<int:plan_id>/", views.plan_detail_view, name="detail"),
    path("<int:plan_id>/thema/", views.theme_add_view, name="theme_add"),
    path("<int:plan_id>/thema/<str:letter>/actie/", views.action_add_view, name="action_add"),
    path("periode/<int:period_id>/", views.period_view, name="period"),
    path("periode/<int:period_id>/publiceren/", views.period_publish_view, name="publish"),
    path(
        "periode/<int:period_id>/thema/<str:letter>/",
        views.theme_update_view,
        name="theme_update",
    ),
    path(
        "periode/<int:period_id>/thema/<str:letter>/beoordelen/",
        views.theme_review_view,
        name="theme_review",
    ),
    path("periode/<int:period_id>/verslag/<str:audience>/", views.report_view, name="report"),
    path(
        "periode/<int:period_id>/verslag/<str:audience>/pdf/",
        views.report_pdf_view,
        name="report_pdf",
    ),
    path(
        "periode/<int:period_id>/verslag/<str:audience>/html/",
        views.report_html_download_view,
        name="report_html",
    ),
    path("actie/<int:action_id>/", views.action_history_view, name="action"),
    path("contracten/", views.contract_check_view, name="contracts"),
]
