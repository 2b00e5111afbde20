"""Package list for setuptools: the code under src/ plus the top-level resources/ folder,
which ships inside the package as ``vitidesk.resources`` (found with importlib.resources)."""

from setuptools import find_packages, setup

setup(packages=[*find_packages("src"), "vitidesk.resources"])
