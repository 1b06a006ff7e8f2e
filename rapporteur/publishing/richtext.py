"""Rich text (the HTML Wagtail stores) as a small tree that PDF and EPUB render faithfully.

The editor offers bold, italic, links, lists and quotes; those become nodes. Anything else
found in the HTML keeps its text and is *reported* — with the page and field it came from —
instead of being dropped silently.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser

INLINE_TAGS = {"b": "strong", "strong": "strong", "i": "emph", "em": "emph", "a": "link"}
BLOCK_TAGS = {"p", "ul", "ol", "li", "blockquote"}
IGNORED_TAGS = {"span"}  # carry no meaning on their own; their text is kept
VOID_TAGS = {"br", "hr", "img", "embed"}


@dataclass
class Node:
    kind: str  # text | strong | emph | link | break | paragraph | list | item | quote
    text: str = ""
    href: str = ""
    ordered: bool = False
    children: list = field(default_factory=list)


class RichTextParser(HTMLParser):
    def __init__(self, where, warnings):
        super().__init__(convert_charrefs=True)
        self.where = where
        self.warnings = warnings
        self.root = Node("root")
        self.stack = [self.root]

    def warn(self, message):
        self.warnings.append(f"{self.where}: {message}")

    @property
    def current(self):
        return self.stack[-1]

    def open(self, node):
        self.current.children.append(node)
        self.stack.append(node)

    def ensure_paragraph(self):
        """Inline content directly in a block container gets a paragraph of its own."""
        if self.current.kind in ("root", "quote", "item"):
            self.open(Node("paragraph"))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "p":
            self.close_to(("root", "quote", "item"))
            self.open(Node("paragraph"))
        elif tag in ("ul", "ol"):
            self.close_to(("root", "quote", "item"))
            self.open(Node("list", ordered=tag == "ol"))
        elif tag == "li":
            self.close_to(("list",))
            self.open(Node("item"))
        elif tag == "blockquote":
            self.close_to(("root", "item"))
            self.open(Node("quote"))
        elif tag in INLINE_TAGS:
            self.ensure_paragraph()
            self.open(Node(INLINE_TAGS[tag], href=attrs.get("href") or ""))
        elif tag == "br":
            self.ensure_paragraph()
            self.current.children.append(Node("break"))
        elif tag in IGNORED_TAGS:
            pass
        else:
            self.warn(f"<{tag}> is not supported in the PDF and e-book; its text is kept as plain text")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in INLINE_TAGS or tag in BLOCK_TAGS:
            self.handle_endtag(tag)

    def close_to(self, kinds):
        while self.current.kind not in kinds and len(self.stack) > 1:
            self.stack.pop()

    def handle_endtag(self, tag):
        kind = {"p": "paragraph", "ul": "list", "ol": "list", "li": "item", "blockquote": "quote"}.get(
            tag
        ) or INLINE_TAGS.get(tag)
        if kind is None:
            return
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].kind == kind:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        if not data.strip() and self.current.kind in ("root", "list", "quote", "item"):
            return  # whitespace between blocks
        self.ensure_paragraph()
        self.current.children.append(Node("text", text=data))


def parse(html, where, warnings):
    """``html`` → list of block nodes. Problems are appended to ``warnings`` as "where: what"."""
    parser = RichTextParser(where, warnings)
    parser.feed(html or "")
    parser.close()
    return parser.root.children


def plain(node):
    if node.kind == "text":
        return node.text
    if node.kind == "break":
        return " "
    return "".join(plain(child) for child in node.children)


class Renderer:
    """Walks the tree; a subclass says how each kind of node is written (Typst, XHTML...).

    Output accumulates in ``out`` as a list of chunks; ``joiner`` glues nested blocks.
    """

    joiner = ""

    def __init__(self, links, warnings):
        self.links = links
        self.warnings = warnings
        self.out = []

    # what a format provides
    def text(self, text):
        raise NotImplementedError

    def line_break(self):
        raise NotImplementedError

    def strong(self, inner):
        raise NotImplementedError

    def emph(self, inner):
        raise NotImplementedError

    def link(self, target, url, inner):
        """``target``: an in-file destination, or None and ``url`` for the web."""
        raise NotImplementedError

    def paragraph(self, inner):
        raise NotImplementedError

    def list(self, ordered, items):
        raise NotImplementedError

    def quote(self, inner):
        raise NotImplementedError

    # the walk
    def inline(self, nodes):
        parts = []
        for node in nodes:
            if node.kind == "text":
                parts.append(self.text(node.text))
            elif node.kind == "break":
                parts.append(self.line_break())
            elif node.kind == "strong":
                parts.append(self.strong(self.inline(node.children)))
            elif node.kind == "emph":
                parts.append(self.emph(self.inline(node.children)))
            elif node.kind == "link" and node.href:  # a link without target (to a hidden page) is plain text
                parts.append(self.link(*self.links.resolve(node.href), self.inline(node.children)))
            else:
                parts.append(self.inline(node.children))
        return "".join(parts)

    def nested(self, nodes):
        inner = type(self)(self.links, self.warnings)
        inner.blocks(nodes)
        return self.joiner.join(inner.out)

    def blocks(self, nodes):
        for node in nodes:
            if node.kind == "paragraph":
                self.out.append(self.paragraph(self.inline(node.children)))
            elif node.kind == "list":
                items = [self.nested(item.children) for item in node.children if item.kind == "item"]
                self.out.append(self.list(node.ordered, items))
            elif node.kind == "quote":
                self.out.append(self.quote(self.nested(node.children)))

    def rich(self, html, where):
        self.blocks(parse(html, where, self.warnings))
