"""VitiDesk's domain logic in pure Python: no Qt, no storage, easy to test."""
