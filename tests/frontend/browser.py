"""What the browser tests share: Debian's headless Chromium at phone size, and signing in on the page."""

from __future__ import annotations

import re
import shutil
import time

PHONE = {"width": 390, "height": 844}
# Debian's Chromium as root in a container, offline: no sandbox, no GPU, nothing phoning home.
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def fits_the_phone(page) -> None:
    """Nothing may make the page scroll sideways at phone width."""
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], page.url


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    assert path, "Debian's chromium package is missing: the test command installs it (scripts/test.sh)"
    return path


def log_in(page, base: str, phone: str, password: str, next_path: str) -> None:
    """Sign in through the login form and land on `next_path`."""
    page.goto(f"{base}/login/?next={next_path}")
    page.fill("#id_phone", phone)
    page.fill("#id_password", password)
    page.click("main form button.btn.block")
    if page.url.endswith("/login/otp/"):  # staff: the first sign-in binds an authenticator, as a person would
        import base64

        from django_otp.oath import TOTP

        secret = page.inner_text("main code").strip()
        page.fill("#id_otp", f"{TOTP(base64.b32decode(secret)).token():06d}")
        page.click("main form button.btn.block")
    page.wait_for_url(f"{base}{next_path}")


def texted_code(server, phone: str, timeout: float = 15) -> str:
    """The SMS code the embedded server sent to `phone`: its console SMS backend writes texts to its log,
    which is where a person running the demo reads them too."""
    log = server.var_dir.parent / "daphne.log"
    pattern = re.compile(rf"SMS to {phone}: .*?验证码是(\d{{6}})")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = pattern.findall(log.read_text(encoding="utf-8", errors="replace"))
        if found:
            return found[-1]
        time.sleep(0.2)
    raise AssertionError(f"no SMS code for {phone} in {log}")
