"""The site build's steps, event by event, above the three wings (site, corpus, export).

hooks/gongwen_hooks.py holds one BuildState (gongwen.build.state) and calls it from each
MkDocs event; everything MkDocs-specific (File, Section, PluginError) stays in the hook,
so this package, like the rest of the library, never imports mkdocs.
"""
from __future__ import annotations
