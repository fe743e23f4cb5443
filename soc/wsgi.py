import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "soc.settings")
application = get_wsgi_application()


def tune_garbage_collector():
    """Keep the collector off what lives as long as the process (modules, models, URL patterns,
    compiled templates): called once a worker has loaded the app, after `gc.freeze()` full
    collections no longer walk those hundreds of thousands of objects on every request."""
    gc.collect()
    gc.freeze()
