from django.urls import path

from veiligwerk.indicators import views

app_name = "indicators"

urlpatterns = [
    path("", views.overview_view, name="overview"),
    path("tevredenheid/", views.survey_view, name="survey"),
    path("tevredenheid/<int:score_id>/", views.survey_edit_view, name="survey_edit"),
    path(
        "tevredenheid/<int:score_id>/verwijderen/",
        views.survey_delete_view,
        name="survey_delete",
    ),
    path("diversiteit/", views.diversity_view, name="diversity"),
    path("diversiteit/<int:figure_id>/", views.diversity_edit_view, name="diversity_edit"),
    path(
        "diversiteit/<int:figure_id>/verwijderen/",
        views.diversity_delete_view,
        name="diversity_delete",
    ),
    path("termijnen/", views.terms_view, name="terms"),
    path("termijnen/<int:appointment_id>/", views.terms_edit_view, name="terms_edit"),
    path(
        "termijnen/<int:appointment_id>/verwijderen/",
        views.terms_delete_view,
        name="terms_delete",
    ),
]
