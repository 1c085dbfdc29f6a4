"""Persistence backends for the ``persist`` middleware."""

__all__: list[str] = []
