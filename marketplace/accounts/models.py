"""Accounts: everyone signs in with a mobile number; the role decides what they may do."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.enums import Role
from marketplace.privacy import EncryptedCharField, digest, mask_phone
from marketplace.validators import normalize_phone, validate_phone


def phone_digest(phone: str) -> str:
    return digest("phone", normalize_phone(phone))


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def get_by_phone(self, phone: str) -> User:
        return self.get(phone_digest=phone_digest(phone))

    def create_user(self, phone: str, password: str | None = None, **extra) -> User:
        validate_phone(phone)
        user = self.model(phone=normalize_phone(phone), **extra)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_superuser(self, phone_digest: str, password: str | None = None, **extra) -> User:
        # createsuperuser asks for USERNAME_FIELD (the digest); people type their phone number there.
        extra.update(is_staff=True, is_superuser=True, role=Role.BUREAU)
        return self.create_user(phone_digest, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    # The phone is the login; only its keyed digest is stored in clear for lookups.
    phone_digest = models.CharField(max_length=64, unique=True, editable=False)
    phone = EncryptedCharField(_("手机号"))
    display_name = models.CharField(_("称呼"), max_length=30, blank=True)
    role = models.CharField(_("角色"), max_length=10, choices=Role.choices, default=Role.SEEKER)
    employer = models.ForeignKey(
        "marketplace.Employer", on_delete=models.SET_NULL, null=True, blank=True, related_name="members"
    )
    station = models.ForeignKey(
        "marketplace.CooperationStation", on_delete=models.SET_NULL, null=True, blank=True, related_name="staff"
    )
    is_staff = models.BooleanField(_("可登录管理后台"), default=False)
    is_active = models.BooleanField(_("启用"), default=True)
    date_joined = models.DateTimeField(_("注册时间"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "phone_digest"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = verbose_name_plural = _("用户")

    def __str__(self) -> str:
        return self.display_name or self.masked_phone

    def save(self, *args, **kwargs) -> None:
        self.phone = normalize_phone(self.phone)
        self.phone_digest = phone_digest(self.phone)
        super().save(*args, **kwargs)

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.phone)

    @property
    def is_seeker(self) -> bool:
        return self.role == Role.SEEKER

    @property
    def is_employer_member(self) -> bool:
        return self.role == Role.EMPLOYER and self.employer_id is not None

    @property
    def is_station_staff(self) -> bool:
        return self.role == Role.STATION and self.station_id is not None

    @property
    def is_bureau(self) -> bool:
        return self.role == Role.BUREAU


class SmsCode(models.Model):
    """A one-time login or sign-up code. Only its digest is kept; it expires and is used once."""

    phone_digest = models.CharField(max_length=64, db_index=True)
    code_digest = models.CharField(max_length=64)
    ip = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = verbose_name_plural = _("短信验证码")
        indexes = [models.Index(fields=["ip", "created_at"])]

    def __str__(self) -> str:
        return f"SMS code {self.pk} ({self.created_at:%Y-%m-%d %H:%M})"
