"""The wizard editor's URLs (staff only; mounted under ``staff/wegwijzer/``)."""

from django.urls import path

from veiligwerk.routes import editor_views as views

app_name = "routes_editor"

urlpatterns = [
    path("", views.sector_list_view, name="sector_list"),
    path("<int:sector_id>/", views.overview_view, name="overview"),
    path("<int:sector_id>/versions/<int:number>/", views.version_view, name="version"),
    path("<int:sector_id>/draft/start/", views.draft_start_view, name="draft_start"),
    path("<int:sector_id>/draft/publish/", views.publish_view, name="publish"),
    path("<int:sector_id>/draft/", views.draft_view, name="draft"),
    path("<int:sector_id>/draft/new-question/", views.question_edit_view, name="question_add"),
    path(
        "<int:sector_id>/draft/questions/<slug:question_key>/",
        views.question_edit_view,
        name="question_edit",
    ),
    path(
        "<int:sector_id>/draft/questions/<slug:question_key>/move/",
        views.question_move_view,
        name="question_move",
    ),
    path(
        "<int:sector_id>/draft/questions/<slug:question_key>/delete/",
        views.question_delete_view,
        name="question_delete",
    ),
    path("<int:sector_id>/draft/new-rule/", views.rule_edit_view, name="rule_add"),
    path("<int:sector_id>/draft/rules/<slug:rule_key>/", views.rule_edit_view, name="rule_edit"),
    path(
        "<int:sector_id>/draft/rules/<slug:rule_key>/delete/",
        views.rule_delete_view,
        name="rule_delete",
    ),
]
