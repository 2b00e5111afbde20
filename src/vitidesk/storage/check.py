"""``vitidesk check``: is the store sound, shaped as VitiDesk makes it, and is every file it
refers to present and intact? Never raises on a damaged store: every finding is a problem."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from vitidesk.errors import UserError
from vitidesk.storage import engine
from vitidesk.storage.database import Store
from vitidesk.storage.schema_check import row_problems, schema_problems
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


def _check_database(store: Store, report: CheckReport) -> bool:
    """SQLite's own checks, then schema and rows; False when the schema is not VitiDesk's
    (its list of files cannot be trusted then)."""
    integrity = [row[0] for row in store.query("PRAGMA integrity_check")]
    if integrity != ["ok"]:
        report.problems.extend(f"database: {message}" for message in integrity[:20])
    for table, rowid, parent, _ in store.query("PRAGMA foreign_key_check"):
        report.problems.append(f"database: row {rowid} of {table} points to a missing {parent}")
    with store.reading() as conn:
        schema = schema_problems(conn, report.schema_version)
        rows = [] if schema else row_problems(conn, report.schema_version)
    report.problems.extend(f"database: {problem}" for problem in (*schema, *rows))
    return not schema


def _check_files(store: Store, report: CheckReport) -> None:
    vault = FileVault(store)
    for stored in vault.all():
        report.files_checked += 1
        try:
            path = vault.path_of(stored.relpath)
        except UserError:
            report.problems.append(f"{stored.relpath}: not a safe path inside the data folder")
            continue
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


def check_store(store: Store) -> CheckReport:
    """Integrity, foreign keys, schema and rows, then every registered file's checksum."""
    report = CheckReport(data_dir=store.data_dir)
    try:
        report.schema_version = store.schema_version
        files_listed = _check_database(store, report)
        if report.schema_version >= 1 and files_listed:
            _check_files(store, report)
    except engine.DatabaseError as exc:
        report.problems.append(f"database: cannot be read ({exc})")
    return report
