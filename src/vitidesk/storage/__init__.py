"""Local storage: the SQLite store, its migrations, the file vault and integrity checks.

Pure Python; never imports Qt.
"""

from vitidesk.storage.database import NewerSchemaError, Store, StoreError

__all__ = ["NewerSchemaError", "Store", "StoreError"]
