"""Limits that the screens, the commands and the store share, each with one owner.

A field in the UI enforces the same number the store checks, so a person never types more
than will be kept, and nothing is cut silently.
"""

from __future__ import annotations

NOTE_MAX_CHARS = 2000
"""The longest note kept with a questionnaire answer or a diary entry: about a page of text,
plenty for a visit's worth of thoughts, small enough to show whole in a table cell's tooltip."""
