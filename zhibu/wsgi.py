import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zhibu.settings")
application = get_wsgi_application()

# A worker just started has nothing stored: it computes the committees' pages in the background.
from zhibu.core import warmup  # noqa: E402 - after the application: Django is set up

warmup.start()
