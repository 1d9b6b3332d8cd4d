"""Sign-up and login forms: a mobile number is the account."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from frontend.forms.base import PageForm, PhoneInput
from marketplace.enums import Role


class SignupForm(PageForm):
    role = forms.ChoiceField(
        label=_("我是"),
        choices=[(Role.SEEKER, _("求职者（找工作）")), (Role.EMPLOYER, _("用人单位（招人）"))],
        widget=forms.RadioSelect,
        initial=Role.SEEKER,
    )
    phone = forms.CharField(label=_("手机号"), max_length=20, widget=PhoneInput())
    # The code texted to the number proves it is theirs; rendered beside the 获取验证码 button.
    code = forms.CharField(
        label=_("验证码"),
        max_length=6,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "placeholder": _("6位数字")}
        ),
    )
    # Optional: without one, the person signs in with a code each time.
    # Kept on refusal (render_value): a phone keyboard makes retyping a password costly.
    password = forms.CharField(
        label=_("设置密码（可不填）"),
        required=False,
        widget=forms.PasswordInput(render_value=True, attrs={"autocomplete": "new-password"}),
        help_text=_("不设密码也可以，以后用短信验证码登录。设的话至少8位，不能全是数字。"),
    )
    display_name = forms.CharField(
        label=_("怎么称呼您"), max_length=30, required=False, help_text=_("如：张师傅、李女士；单位可填联系人。")
    )


class PasswordLoginForm(PageForm):
    mode = forms.CharField(widget=forms.HiddenInput, initial="password")
    next = forms.CharField(widget=forms.HiddenInput, required=False)
    phone = forms.CharField(label=_("手机号"), max_length=20, widget=PhoneInput())
    password = forms.CharField(label=_("密码"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))


class SmsLoginForm(PageForm):
    """Rendered by hand (the code field sits beside the 获取验证码 button)."""

    mode = forms.CharField(widget=forms.HiddenInput, initial="sms")
    next = forms.CharField(widget=forms.HiddenInput, required=False)
    phone = forms.CharField(label=_("手机号"), max_length=20, widget=PhoneInput())
    code = forms.CharField(
        label=_("验证码"),
        max_length=6,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "placeholder": _("6位数字")}
        ),
    )
