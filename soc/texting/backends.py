"""Where text messages go, chosen like Django's e-mail backends (`SOC_TEXT_BACKEND`).

- `FileBackend` (development): one file per text in `SOC_TEXT_FILE_PATH` (var/texts/).
- `LocMemBackend` (tests): texts collect in `soc.texting.backends.outbox`.
- `HttpBackend` (production): a JSON POST per text to a provider's URL with a bearer token.

This module knows nothing about teams or families: callers hand it a number and a body,
and the bodies never carry case details (see soc/messaging/wording.py).
"""

import json
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

outbox = []  # LocMemBackend's texts, for tests


@dataclass(frozen=True)
class Text:
    to: str  # E.164
    body: str


class TextNotSent(Exception):
    """The provider refused the text or could not be reached; the task may retry."""


class BaseBackend:
    def send(self, text):
        raise NotImplementedError


class LocMemBackend(BaseBackend):
    def send(self, text):
        outbox.append(text)


class FileBackend(BaseBackend):
    def __init__(self, path=None):
        self.path = Path(path or settings.SOC_TEXT_FILE_PATH)

    def send(self, text):
        self.path.mkdir(parents=True, exist_ok=True)
        name = f"{timezone.now():%Y%m%d-%H%M%S}-{get_random_string(8)}.txt"
        (self.path / name).write_text(f"To: {text.to}\n\n{text.body}\n", encoding="utf-8")


class HttpBackend(BaseBackend):
    """POST {"to", "from", "body"} as JSON; any 2xx answer means the provider took it."""

    def __init__(self, url=None, token=None, sender=None, timeout=None):
        self.url = url or settings.SOC_TEXT_HTTP_URL
        self.token = token if token is not None else settings.SOC_TEXT_HTTP_TOKEN
        self.sender = sender if sender is not None else settings.SOC_TEXT_FROM
        self.timeout = timeout or settings.SOC_TEXT_HTTP_TIMEOUT
        if not self.url.startswith(("https://", "http://")):
            raise ValueError("SOC_TEXT_HTTP_URL must be an http(s) URL.")

    def send(self, text):
        payload = json.dumps({"to": text.to, "from": self.sender, "body": text.body}).encode()
        request = urllib.request.Request(  # noqa: S310 - the scheme is checked above
            self.url,
            data=payload,
            method="POST",
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Bearer {self.token}",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:  # noqa: S310  # nosec B310
                status = answer.status
        except urllib.error.HTTPError as error:
            status = error.code
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            # No number or body in the log: only that the provider could not be reached.
            logger.warning("Text provider unreachable: %s", type(error).__name__)
            raise TextNotSent("unreachable") from error
        if not 200 <= status < 300:
            logger.warning("Text provider answered %s", status)
            raise TextNotSent(f"status {status}")


def get_backend():
    return import_string(settings.SOC_TEXT_BACKEND)()


def send_text(to, body):
    get_backend().send(Text(to=to, body=body))
