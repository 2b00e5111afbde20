"""VitiDesk: a private desktop companion for people with vitiligo and their clinicians."""

__version__ = "0.1.0"
APP_NAME = "VitiDesk"
APP_ID = "io.github.vitidesk.VitiDesk"
LICENCE = "GPL-3.0-or-later"
