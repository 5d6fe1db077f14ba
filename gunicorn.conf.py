"""gunicorn's settings for tracker: `gunicorn -c gunicorn.conf.py wsgi:app`.

Every figure can be changed from the environment, so one file serves a laptop and
a server. Threads let a worker go on serving while another request waits on the
database or streams a long export.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"

# A request that takes longer than this is stuck: the worker is replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# Workers are replaced now and then, so no slow leak outlives a day's work.
max_requests = 2000
max_requests_jitter = 200

accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# No runtime control socket: nothing on the machine needs to steer the workers.
control_socket_disable = True
