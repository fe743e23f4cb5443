from django.contrib.auth import views as auth_views
from django.urls import path

from . import second_factor, views

urlpatterns = [
    path("sign-in/", views.SignInView.as_view(), name="login"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("language/", views.change_language, name="set_language"),
    path("second-factor/setup/", second_factor.mfa_setup, name="mfa_setup"),
    path("second-factor/", second_factor.mfa_verify, name="mfa_verify"),
    path("account/", views.account, name="account"),
    path("account/tokens/", views.token_create, name="token_create"),
    path("account/tokens/<int:token_id>/revoke/", views.token_revoke, name="token_revoke"),
    path("account/calendar/", views.calendar_feed_create, name="calendar_feed_create"),
    path("account/calendar/revoke/", views.calendar_feed_revoke, name="calendar_feed_revoke"),
]
