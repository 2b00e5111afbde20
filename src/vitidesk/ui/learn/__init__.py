"""The Learn section."""
