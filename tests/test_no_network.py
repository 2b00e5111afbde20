"""VitiDesk never opens a network connection: not at start-up, not in any section."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

NETWORK_FAMILIES = {socket.AF_INET, socket.AF_INET6}


class NetworkUsedError(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    attempts: list[str] = []
    real_socket = socket.socket

    class GuardedSocket(real_socket):
        def __init__(self, family=socket.AF_INET, *args, **kwargs):
            if family in NETWORK_FAMILIES:
                attempts.append(f"socket({family!r})")
                raise NetworkUsedError("VitiDesk tried to open a network socket")
            super().__init__(family, *args, **kwargs)

    def refuse(*args, **kwargs):
        attempts.append(f"getaddrinfo{args!r}")
        raise NetworkUsedError("VitiDesk tried to resolve a host name")

    monkeypatch.setattr(socket, "socket", GuardedSocket)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_using_every_section_opens_no_socket(qtbot, no_network, demo_state, opened_dialogs) -> None:
    from vitidesk.ui.main_window import MainWindow

    window = MainWindow(demo_state)
    qtbot.addWidget(window)
    window.show()
    for row in range(window.sidebar.list.count()):
        window.sidebar.select(row)
        qtbot.wait(20)
    window.show_help()
    window.show_about()
    page = window.current_page()
    page.run_check()
    qtbot.waitUntil(lambda: page.check_button.isEnabled(), timeout=10000)
    assert no_network == []
    assert "PySide6.QtNetwork" not in sys.modules


def test_cli_commands_open_no_socket(no_network, capsys) -> None:
    from vitidesk.cli import main

    assert main(["--demo", "check"]) == 0
    assert main(["--demo", "info"]) == 0
    assert no_network == []


GUARDED_START = """
import socket, sys
real = socket.socket
class Guarded(real):
    def __init__(self, family=socket.AF_INET, *a, **k):
        if family in (socket.AF_INET, socket.AF_INET6):
            print("NETWORK USED", file=sys.stderr)
            raise SystemExit(99)
        super().__init__(family, *a, **k)
socket.socket = Guarded
from vitidesk.cli import main
code = main(["--demo", "--exit-when-ready"])
assert "PySide6.QtNetwork" not in sys.modules, "QtNetwork was loaded"
sys.exit(code)
"""


def test_real_start_up_opens_no_socket(private_folders: dict[str, Path]) -> None:
    result = subprocess.run(
        [sys.executable, "-c", GUARDED_START], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "NETWORK USED" not in result.stderr
