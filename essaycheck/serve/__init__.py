"""``essaycheck serve``: the web page where a student drops an essay and gets the report.

:func:`create_app` makes the ASGI application (Starlette); ``essaycheck serve`` runs it with
uvicorn on this machine, and a department runs it under several worker processes with
``uvicorn --factory essaycheck.serve:create_app --workers 4`` (see the README).
"""

from .app import create_app
from .limits import ServeLimits

__all__ = ["create_app", "ServeLimits"]
