"""Gunicorn settings for production: `gunicorn -c config/gunicorn.conf.py config.wsgi`.

The access log must not identify reporters: no client address (%(h)s), no user agent (%(a)s),
no referrer (%(f)s), and no query string (%(U)s is the path alone; the route wizard keeps its
answers in the query string). What is left: time, method, path, status, size, duration.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
# The proxy in front terminates TLS and sets X-Forwarded-Proto; it must not add the client
# address to any header the application logs (it logs none).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
