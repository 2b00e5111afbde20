"""VitiDesk's package data: lessons, questionnaires, crisis contacts, icons and styles.

This folder is installed as the ``vitidesk.resources`` package; read it with
``importlib.resources.files("vitidesk.resources")``, never with paths relative to the source tree.
"""
