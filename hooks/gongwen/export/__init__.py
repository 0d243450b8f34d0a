"""Downloads of a page: its document text (plain text) and a GB/T 9704 Word file."""
