"""gongwen: parsing and checking of Chinese official documents (公文).

A plain library: it must never import mkdocs, so that the command-line checker,
the build hooks and any successor of MkDocs can all use it.
"""
from __future__ import annotations

__all__ = ["__version__"]
__version__ = "0.1.0"
