"""The production backend against a real HTTP server on 127.0.0.1, started in the test."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from soc.texting.backends import HttpBackend, Text, TextNotSent


@pytest.fixture
def provider():
    """A fake text provider: records each request and answers with `provider.status`."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers["Content-Length"])
            server.received.append(
                {
                    "path": self.path,
                    "authorization": self.headers.get("Authorization"),
                    "content_type": self.headers.get("Content-Type"),
                    "json": json.loads(self.rfile.read(length)),
                }
            )
            self.send_response(server.status)
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.received, server.status = [], 202
    server.url = f"http://127.0.0.1:{server.server_port}/v1/messages"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_a_text_is_posted_as_json_with_the_bearer_token(provider):
    backend = HttpBackend(url=provider.url, token="tok-123", sender="+19195550199", timeout=5)
    backend.send(Text(to="+19195550100", body="You have a team meeting tomorrow."))
    (request,) = provider.received
    assert request["path"] == "/v1/messages"
    assert request["authorization"] == "Bearer tok-123"
    assert request["content_type"] == "application/json"
    assert request["json"] == {
        "to": "+19195550100",
        "from": "+19195550199",
        "body": "You have a team meeting tomorrow.",
    }


def test_a_refusal_from_the_provider_raises_so_the_task_can_retry(provider):
    provider.status = 500
    backend = HttpBackend(url=provider.url, token="t", sender="", timeout=5)
    with pytest.raises(TextNotSent):
        backend.send(Text(to="+19195550100", body="x"))


def test_an_unreachable_provider_raises_without_logging_the_number(caplog):
    backend = HttpBackend(url="http://127.0.0.1:9/none", token="t", sender="", timeout=2)
    with pytest.raises(TextNotSent):
        backend.send(Text(to="+19195550100", body="secret body"))
    assert "9195550100" not in caplog.text and "secret body" not in caplog.text


def test_only_http_urls_are_accepted():
    with pytest.raises(ValueError):
        HttpBackend(url="file:///etc/passwd", token="t", sender="", timeout=1)


def test_settings_choose_the_backend(settings, provider):
    from soc.texting.backends import send_text

    settings.SOC_TEXT_BACKEND = "soc.texting.backends.HttpBackend"
    settings.SOC_TEXT_HTTP_URL = provider.url
    settings.SOC_TEXT_HTTP_TOKEN = "from-settings"
    send_text("+19195550100", "hi")
    assert provider.received[0]["authorization"] == "Bearer from-settings"


def test_the_file_backend_writes_one_file_per_text(settings, tmp_path):
    from soc.texting.backends import send_text

    settings.SOC_TEXT_BACKEND = "soc.texting.backends.FileBackend"
    settings.SOC_TEXT_FILE_PATH = tmp_path / "texts"
    send_text("+19195550100", "hola")
    (written,) = (tmp_path / "texts").iterdir()
    assert written.read_text() == "To: +19195550100\n\nhola\n"
