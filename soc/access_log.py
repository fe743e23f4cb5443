"""Request lines in server logs lose their query strings: `GET /search/?q=Sofía Rivera` would
write a child's name into the log, and links carry tokens. Paths are ids, which logs may hold.

`django.server` (runserver) is filtered in settings.LOGGING; gunicorn's access log is set up the
same way by gunicorn.conf.py at the project root (path without query, no referrer).
"""

import logging
import re

_QUERY = re.compile(r"\?[^\s\"]*")


def without_query(text):
    """'GET /search/?q=Ana&page=2 HTTP/1.1' -> 'GET /search/?… HTTP/1.1'."""
    return _QUERY.sub("?…", text)


class HideQueryStrings(logging.Filter):
    def filter(self, record):
        if isinstance(record.msg, str):
            record.msg = without_query(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(
                without_query(arg) if isinstance(arg, str) else arg for arg in record.args
            )
        return True
