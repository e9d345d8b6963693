import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zhibu.settings")
application = get_wsgi_application()

# Once loaded: the pages imported, the start's objects kept out of the collector, and the committees'
# pages computed in the background (a worker just started has nothing stored).
from zhibu.core import worker  # noqa: E402 - after the application: Django is set up

worker.started()
