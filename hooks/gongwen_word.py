"""MkDocs hooks: Word (.docx) and plain-text downloads of templates and exemplars."""
from __future__ import annotations
