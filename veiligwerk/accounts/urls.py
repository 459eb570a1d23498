from django.urls import path

from veiligwerk.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.home_view, name="home"),
    path("login/", views.login_view, name="login"),
    path("login/second-factor/", views.verify_view, name="verify"),
    path("login/enrol/", views.enrol_view, name="enrol"),
    path("logout/", views.logout_view, name="logout"),
    path("logged-out/", views.logged_out_view, name="logged_out"),
    path("password/", views.password_change_view, name="password_change"),
    path("password/reset/", views.password_reset_view, name="password_reset"),
    path("password/reset/sent/", views.password_reset_done_view, name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>/",
        views.password_reset_confirm_view,
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        views.password_reset_complete_view,
        name="password_reset_complete",
    ),
]
