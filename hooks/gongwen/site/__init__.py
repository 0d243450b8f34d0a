"""What the site shows: the check panel, generated lists, the rules page, typography,
the search index and the off-site reference scan. Never imports MkDocs."""
