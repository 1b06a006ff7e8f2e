"""Small Word files built on the fly with python-docx: our own words, no binary fixtures."""

import io
import re
import zipfile

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from rapporteur.importers.template import add_case_style

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def new_document(title="Kazakhstan"):
    """A document with the house style's Case style and, unless ``title`` is None, a Title line."""
    document = docx.Document()
    add_case_style(document)
    if title is not None:
        document.add_paragraph(title, style="Title")
    return document


def to_bytes(document):
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def bold_then(paragraph, bold, rest):
    paragraph.add_run(bold).bold = True
    paragraph.add_run(rest)
    return paragraph


def add_footnote_mark(paragraph, number):
    """A footnote reference after the paragraph's text; ``with_footnotes`` supplies the note."""
    run = paragraph.add_run()
    reference = OxmlElement("w:footnoteReference")
    reference.set(qn("w:id"), str(number))
    run._r.append(reference)


def with_footnotes(data, notes):
    """``data`` with a footnotes part holding ``notes`` ({number: text}), as Word writes one."""
    footnotes = "".join(
        f'<w:footnote w:id="{number}"><w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:footnote>'
        for number, text in notes.items()
    )
    part = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W}">{footnotes}</w:footnotes>'
    )

    def relate(rels):
        relationship = (
            '<Relationship Id="rIdNotes" Target="footnotes.xml" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"/>'
        )
        return rels.replace(b"</Relationships>", relationship.encode() + b"</Relationships>")

    def declare(types):
        override = (
            '<Override PartName="/word/footnotes.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
        )
        return types.replace(b"</Types>", override.encode() + b"</Types>")

    return rewrite(
        data,
        change={"word/_rels/document.xml.rels": relate, "[Content_Types].xml": declare},
        add={"word/footnotes.xml": part.encode()},
    )


def rewrite(data, change=None, add=None, drop=()):
    """A copy of the ZIP ``data`` with members changed (name → function of bytes), added or dropped."""
    change, add = change or {}, add or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            if member.filename in drop:
                continue
            content = source.read(member.filename)
            if member.filename in change:
                content = change[member.filename](content)
            target.writestr(member.filename, content)
        for name, content in add.items():
            target.writestr(name, content)
    return out.getvalue()


def as_macro_enabled(data):
    """The same document saved as a .docm: a VBA project and the macro-enabled content type."""

    def declare(types):
        return re.sub(
            rb"application/vnd\.openxmlformats-officedocument\.wordprocessingml\.document\.main\+xml",
            b"application/vnd.ms-word.document.macroEnabled.main+xml",
            types,
        )

    return rewrite(
        data, change={"[Content_Types].xml": declare}, add={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 macros"}
    )
