"""Rich text feature sets, kept small so every output (HTML, PDF, EPUB) can render them faithfully."""

INLINE_FEATURES = ["bold", "italic", "link", "document-link"]
PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "blockquote"]
