"""Reading text: the Markdown block scanner, front matter, ordinals (一、（一）1.（1））.

The lowest floor of the library: imports nothing from the other sub-packages.
"""
