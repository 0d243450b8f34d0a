"""Building the corpus: curating a raw source into a page, ingesting new sources,
restoring full-width punctuation."""
