"""Drawing without widgets: the trend chart painter and the PDF report.

Modules here use QtCore and QtGui only (never QtWidgets), so the headless ``report`` command
can draw with a QGuiApplication, and the app's widgets reuse the same painters.
"""
