"""An XLSX workbook of one sheet, written row by row straight into the zip file.

openpyxl builds an XML element per cell (about 70 µs each: 100,000 members took 8 s); a list
needs only a header in bold, typed cells (numbers, sums with their formats, dates, text with a
quote prefix where a spreadsheet would see a formula), frozen header, column widths and a
filter, so the sheet's XML is written here as text. Strings are inline, as openpyxl's
write-only mode also allows; Excel, LibreOffice and openpyxl read the file as any other.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import IO
from xml.sax.saxutils import escape, quoteattr

# Styles (cellXfs), in the order styles.xml lists them.
PLAIN, BOLD, DATE, DATETIME, DECIMAL, EURO, QUOTED = range(7)
EPOCH = datetime(1899, 12, 30)
_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")  # control characters XML cannot hold


def column_letter(number: int) -> str:
    """1 → "A", 27 → "AA"."""
    letters = ""
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def write_sheet(
    file: IO[bytes],
    sheet_title: str,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    widths: Sequence[float],
    risky: Callable[[str], bool],
    report: Callable[[int], None],
) -> None:
    """The workbook into `file`: `header` in bold and frozen, then `rows` (see `cell_xml`)."""
    letters = [column_letter(n) for n in range(1, len(widths) + 1)]
    with zipfile.ZipFile(file, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, text in _package(sheet_title).items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as raw:
            out: list[str] = [_SHEET_START, "<cols>"]
            out += [
                f'<col min="{n}" max="{n}" width="{width:g}" customWidth="1"/>'
                for n, width in enumerate(widths, start=1)
            ]
            out.append("</cols><sheetData>")
            titles = "".join(_text(f"{letters[n]}1", str(h), BOLD) for n, h in enumerate(header))
            out.append(f'<row r="1">{titles}</row>')
            done = 0
            for done, row in enumerate(rows, start=1):
                number = done + 1
                cells = "".join(cell_xml(f"{letters[n]}{number}", v, risky) for n, v in enumerate(row))
                out.append(f'<row r="{number}">{cells}</row>')
                if done % 500 == 0:
                    raw.write("".join(out).encode("utf-8"))
                    out.clear()
                    report(done)
            report(done)
            if letters:
                out.append(f'</sheetData><autoFilter ref="A1:{letters[-1]}{done + 1}"/></worksheet>')
            else:
                out.append("</sheetData></worksheet>")
            raw.write("".join(out).encode("utf-8"))


def cell_xml(reference: str, value: object, risky: Callable[[str], bool]) -> str:
    """A value's <c> element: numbers and booleans as such, sums and dates with their formats,
    anything else as text; text a spreadsheet would take for a formula (`risky`) gets the quote
    prefix, characters XML cannot hold are left out."""
    if value is None or value == "":
        return ""
    kind = type(value)
    if kind is str:
        text = _ILLEGAL.sub("", value) if _ILLEGAL.search(value) else value  # type: ignore[arg-type]
        return _text(reference, text, QUOTED if risky(text) else PLAIN)
    if kind is bool:
        return f'<c r="{reference}" t="b"><v>{int(value)}</v></c>'  # type: ignore[call-overload]
    if kind is int or kind is float:
        return f'<c r="{reference}"><v>{value!r}</v></c>'
    if isinstance(value, Decimal):
        style = EURO if type(value).__name__ == "Euros" else DECIMAL
        return f'<c r="{reference}" s="{style}"><v>{format(value, "f")}</v></c>'
    if isinstance(value, datetime):
        moment = value.astimezone().replace(tzinfo=None) if value.tzinfo is not None else value
        serial = (moment - EPOCH).total_seconds() / 86400
        return f'<c r="{reference}" s="{DATETIME}"><v>{serial!r}</v></c>'
    if isinstance(value, date):
        return f'<c r="{reference}" s="{DATE}"><v>{(value - EPOCH.date()).days}</v></c>'
    return cell_xml(reference, str(value), risky)


def _text(reference: str, text: str, style: int) -> str:
    styled = f' s="{style}"' if style else ""
    return f'<c r="{reference}" t="inlineStr"{styled}><is><t xml:space="preserve">{escape(text)}</t></is></c>'


_SHEET_START = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<sheetViews><sheetView workbookViewId="0">'
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
    "</sheetView></sheetViews>"
    '<sheetFormatPr defaultRowHeight="15"/>'
)

_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="4"><numFmt numFmtId="164" formatCode="d.m.yyyy"/>'
    '<numFmt numFmtId="165" formatCode="d.m.yyyy h:mm"/>'
    '<numFmt numFmtId="166" formatCode="#,##0.00"/>'
    '<numFmt numFmtId="167" formatCode="#,##0.00 &quot;€&quot;"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="167" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def _package(sheet_title: str) -> dict[str, str]:
    """Every part of the workbook but the sheet's rows."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package_relationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    return {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<Relationships xmlns="{package_relationships}">'
            f'<Relationship Id="rId1" Type="{relationships}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<workbook xmlns="{main}" xmlns:r="{relationships}">'
            f'<sheets><sheet name={quoteattr(sheet_title)} sheetId="1" r:id="rId1"/></sheets>'
            "</workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<Relationships xmlns="{package_relationships}">'
            f'<Relationship Id="rId1" Type="{relationships}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{relationships}/styles" Target="styles.xml"/>'
            "</Relationships>"
        ),
        "xl/styles.xml": _STYLES,
    }
