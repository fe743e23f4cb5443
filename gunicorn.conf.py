"""gunicorn reads this file when started from the project root (`gunicorn soc.wsgi`).

The access log names the path without its query string and leaves out the referrer: both may
carry search terms (a child's name) or tokens. See soc/access_log.py for runserver's log.
"""

# %(U)s is the path without the query string; no %(r)s (request line), %(q)s or %(f)s (referrer).
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(M)sms'


def post_worker_init(worker):
    """Once the worker has loaded the app, freeze what it loaded out of the garbage collector's
    way (soc/wsgi.py): measured with bench/profile_door.py, full collections over ~250,000
    long-lived objects cost about a tenth of a family read."""
    from soc.wsgi import tune_garbage_collector

    tune_garbage_collector()
