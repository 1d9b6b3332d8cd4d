"""Accounts: routes mounted at /api/ by config.api_urls."""

from django.urls import path

from marketplace.accounts.api import views as accounts

urlpatterns = [
    path("auth/sms-code", accounts.SmsCodeView.as_view(), name="auth-sms-code"),
    path("auth/login", accounts.LoginView.as_view(), name="auth-login"),
    path("auth/otp/enrolment", accounts.OtpEnrolmentView.as_view(), name="auth-otp-enrolment"),
    path("auth/signup", accounts.SignupView.as_view(), name="auth-signup"),
    path("auth/logout", accounts.LogoutView.as_view(), name="auth-logout"),
    path("auth/me", accounts.MeView.as_view(), name="auth-me"),
    path("auth/me/data", accounts.PersonalDataView.as_view(), name="auth-me-data"),
    path("auth/me/erase", accounts.AccountEraseView.as_view(), name="auth-me-erase"),
]
