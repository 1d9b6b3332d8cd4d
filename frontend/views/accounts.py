"""Sign-up, login (password or SMS code) and logout. Everyone signs in with a mobile number."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import authenticate, get_user_model, login, logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from frontend.forms.accounts import PasswordLoginForm, SignupForm, SmsLoginForm
from frontend.views.common import add_service_errors, client_ip, role_home_url
from marketplace.accounts import second_factor
from marketplace.accounts.auth import PHONE_BACKEND
from marketplace.accounts.personal_data import account_erase
from marketplace.accounts.services import sms_code_login, sms_code_send, sms_code_send_for_signup, sms_code_signup
from marketplace.privacy import mask_phone
from marketplace.validators import normalize_phone

SMS_PHONE_SESSION_KEY = "frontend_sms_phone"
# Staff who passed the password or SMS code and owe the second factor: (user id, backend, next, when).
OTP_PENDING_SESSION_KEY = "frontend_otp_pending"
OTP_PENDING_SECONDS = 300
PHONE_CODES = {"phone_format": "phone", "phone_taken": "phone", "role_not_self_service": "role"}


def _sign_in(request: HttpRequest, user, next_url: str | None) -> HttpResponse:
    """Sign in, or, for staff, go to the second step first (the session is not theirs until then)."""
    if second_factor.required_for(user):
        request.session[OTP_PENDING_SESSION_KEY] = {
            "user": user.pk, "backend": user.backend, "next": next_url or "", "at": timezone.now().timestamp(),
        }  # fmt: skip
        return redirect("frontend:login_otp")
    login(request, user)
    return _after_login(request, next_url)


def _after_login(request: HttpRequest, next_url: str | None) -> HttpResponse:
    """Back where the person was going (e.g. the job they wanted), else their role's start page."""
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(next_url)
    return redirect(role_home_url(request.user))


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect(role_home_url(request.user))
    form = SignupForm(request.POST or None)
    if request.method == "POST" and "send_code" in request.POST:
        return _signup_send_code(request, form)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = sms_code_signup(phone=data["phone"], code=data["code"], password=data["password"] or None,
                                   role=data["role"], display_name=data["display_name"])  # fmt: skip
        except ValidationError as exc:
            add_service_errors(form, exc, {**PHONE_CODES, "sms_invalid": "code"})
        else:
            user.backend = PHONE_BACKEND
            login(request, user)
            messages.success(request, _("注册成功，欢迎使用就业通！"))
            return redirect(role_home_url(user))
    return render(request, "frontend/accounts/signup.html", {"form": form}, status=400 if form.errors else 200)


def _signup_send_code(request: HttpRequest, form: SignupForm) -> HttpResponse:
    """获取验证码 on the sign-up page: text a code and show the form again with all that was typed."""
    phone = request.POST.get("phone", "")
    try:
        sms_code_send_for_signup(phone=phone, ip=client_ip(request))
    except ValidationError as exc:
        form.is_valid()
        for field in list(form.errors):  # only the refusal of the number, not the fields still to fill
            del form.errors[field]
        form.add_error("phone", exc.messages)
        return render(request, "frontend/accounts/signup.html", {"form": form}, status=400)
    typed = {key: request.POST.get(key, "") for key in ("role", "phone", "password", "display_name")}
    shown = mask_phone(normalize_phone(phone))
    messages.success(request, _("验证码已发送到 %(phone)s，请查看短信。") % {"phone": shown})
    return render(request, "frontend/accounts/signup.html", {"form": SignupForm(initial=typed)})


def _login_page(
    request: HttpRequest, *, mode: str, password_form: PasswordLoginForm, sms_form: SmsLoginForm, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "frontend/accounts/login.html",
        {"mode": mode, "password_form": password_form, "sms_form": sms_form},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    if request.method == "GET" and request.user.is_authenticated:
        return redirect(role_home_url(request.user))
    source = request.POST if request.method == "POST" else request.GET
    mode = "sms" if source.get("mode") == "sms" else "password"
    next_url = source.get("next", "")
    remembered = request.session.get(SMS_PHONE_SESSION_KEY, "")
    password_form = PasswordLoginForm(initial={"next": next_url})
    sms_form = SmsLoginForm(initial={"next": next_url, "phone": remembered})
    if request.method == "POST" and mode == "password":
        password_form = PasswordLoginForm(request.POST)
        if password_form.is_valid():
            data = password_form.cleaned_data
            user = authenticate(request, phone=data["phone"], password=data["password"])
            if user is not None:
                return _sign_in(request, user, data["next"])
            password_form.add_error(None, _("手机号或密码不正确。"))
    elif request.method == "POST":
        sms_form = SmsLoginForm(request.POST)
        if sms_form.is_valid():
            data = sms_form.cleaned_data
            try:
                result = sms_code_login(phone=data["phone"], code=data["code"])
            except ValidationError as exc:
                add_service_errors(sms_form, exc, {"phone_format": "phone", "sms_invalid": "code"})
            else:
                request.session.pop(SMS_PHONE_SESSION_KEY, None)
                if result.created:
                    messages.success(request, _("已为您开通求职者账号，请完善档案。"))
                result.user.backend = PHONE_BACKEND
                return _sign_in(request, result.user, data["next"])
    failed = password_form.errors or sms_form.errors
    return _login_page(
        request, mode=mode, password_form=password_form, sms_form=sms_form, status=400 if failed else 200
    )


@require_POST
def sms_send(request: HttpRequest) -> HttpResponse:
    """获取验证码: send a code, then show the SMS tab again with the number still filled in."""
    sms_form = SmsLoginForm(request.POST)
    sms_form.fields["code"].required = False  # asking for a code comes before typing one
    if sms_form.is_valid():
        phone = sms_form.cleaned_data["phone"]
        try:
            sms_code_send(phone=phone, ip=client_ip(request))
        except ValidationError as exc:
            sms_form.add_error("phone", exc.messages)
        else:
            request.session[SMS_PHONE_SESSION_KEY] = normalize_phone(phone)
            messages.success(
                request, _("验证码已发送到 %(phone)s，请查看短信。") % {"phone": mask_phone(normalize_phone(phone))}
            )
            query = {
                "mode": "sms",
                **({"next": sms_form.cleaned_data["next"]} if sms_form.cleaned_data["next"] else {}),
            }
            return redirect(f"{reverse('frontend:login')}?{urlencode(query)}")
    password_form = PasswordLoginForm(initial={"next": request.POST.get("next", "")})
    return _login_page(request, mode="sms", password_form=password_form, sms_form=sms_form, status=400)


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.success(request, _("您已退出登录。"))
    return redirect("frontend:home")


@require_http_methods(["GET", "POST"])
def login_otp(request: HttpRequest) -> HttpResponse:
    """动态验证码: the second step of a staff sign-in; on the first one, the QR code to scan."""
    pending = request.session.get(OTP_PENDING_SESSION_KEY)
    if not pending or timezone.now().timestamp() - pending["at"] > OTP_PENDING_SECONDS:
        request.session.pop(OTP_PENDING_SESSION_KEY, None)
        messages.info(request, _("请重新登录。"))
        return redirect("frontend:login")
    user = get_user_model().objects.filter(pk=pending["user"], is_active=True).first()
    if user is None:
        request.session.pop(OTP_PENDING_SESSION_KEY, None)
        return redirect("frontend:login")
    error = ""
    if request.method == "POST":
        try:
            second_factor.check(user, request.POST.get("otp", ""))
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            request.session.pop(OTP_PENDING_SESSION_KEY, None)
            login(request, user, backend=pending["backend"])
            return _after_login(request, pending["next"])
    enrolment = None if second_factor.has_device(user) else second_factor.pending_enrolment(user)
    return render(request, "frontend/accounts/login_otp.html", {"enrolment": enrolment, "error": error},
                  status=400 if error else 200)  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def privacy(request: HttpRequest) -> HttpResponse:
    """我的个人信息: download a copy of it, or erase the account (PIPL art. 45 and 47)."""
    error = ""
    if request.method == "POST":
        if request.POST.get("confirm", "").strip() != _("注销"):
            error = _("请输入“注销”二字确认：注销后账号和个人信息不可恢复。")
        elif not request.user.check_password(request.POST.get("password", "")):
            error = _("密码不正确。没有设置密码的账号，请先用验证码登录后在“我的”里设置，或到人社局窗口办理。")
        else:
            account_erase(user=request.user)
            logout(request)
            messages.success(request, _("账号已注销，个人信息已删除。"))
            return redirect("/")
    return render(request, "frontend/accounts/privacy.html", {"error": error}, status=400 if error else 200)
