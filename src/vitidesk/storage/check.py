"""``vitidesk check``: is the store sound, and is every file it refers to present and intact?"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from vitidesk.storage.database import Store
from vitidesk.storage.vault import FileVault, sha256_of


@dataclass
class CheckReport:
    data_dir: Path
    schema_version: int = 0
    files_checked: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return not self.problems

    def summary_lines(self) -> list[str]:
        lines = [
            f"Data folder: {self.data_dir}",
            f"Data version: {self.schema_version}",
            f"Files checked: {self.files_checked}",
        ]
        if self.healthy:
            lines.append("Result: healthy. The database and every file are intact.")
        else:
            lines.append(f"Result: {len(self.problems)} problem(s) found.")
            lines.extend(f"  - {problem}" for problem in self.problems)
        return lines


def check_store(store: Store) -> CheckReport:
    """Run SQLite's integrity and foreign-key checks and verify every registered file."""
    report = CheckReport(data_dir=store.data_dir, schema_version=store.schema_version)
    integrity = [row[0] for row in store.query("PRAGMA integrity_check")]
    if integrity != ["ok"]:
        report.problems.extend(f"database: {message}" for message in integrity[:20])
    for table, rowid, parent, _ in store.query("PRAGMA foreign_key_check"):
        report.problems.append(f"database: row {rowid} of {table} points to a missing {parent}")
    if report.schema_version < 1:
        return report
    vault = FileVault(store)
    try:
        registered = vault.all()
    except sqlite3.DatabaseError as exc:
        report.problems.append(f"database: the list of files cannot be read ({exc})")
        return report
    for stored in registered:
        report.files_checked += 1
        path = vault.path_of(stored.relpath)
        if not path.is_file():
            report.problems.append(f"{stored.relpath}: missing")
            continue
        try:
            actual = sha256_of(path)
        except OSError as exc:
            report.problems.append(f"{stored.relpath}: cannot be read ({exc.strerror})")
            continue
        if actual != stored.sha256:
            report.problems.append(
                f"{stored.relpath}: contents changed or damaged (checksum differs)"
            )
    return report
