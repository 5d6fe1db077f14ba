"""The application object for gunicorn (`gunicorn wsgi:app`) and `flask`."""

from tracker import create_app

app = create_app()
