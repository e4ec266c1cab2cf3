"""Turning a :class:`~essaycheck.model.Report` into something to read: terminal text, JSON, HTML."""
