"""The one way screens and commands reach the data.

Each service wraps one part of the store and, after every operation that changes something,
tells its listener what changed (a :class:`~vitidesk.services.changes.Changes`), the way
Anki's collection operations return ``OpChanges``. The GUI's ``AppState`` is that listener
and turns the changes into signals; commands pass no listener. No Qt here.
"""
