"""Case files inside the store: chunked document content, text extraction, the search index."""
