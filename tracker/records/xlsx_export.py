"""The Excel twin of every CSV download: the same rows and columns, as typed cells.

A CSV holds text only, so a spreadsheet guesses: LibreOffice in Dutch reads
"2187.45" as text. An XLSX file says what each cell is, whatever the reader's
language:

- amounts (Decimal, float) are numbers shown with two decimals, counts and
  years (int) whole numbers, dates and times real dates;
- text is written as a text cell (never through XlsxWriter's `write`, which would
  turn "=..." into a formula), so a name like '=HYPERLINK(...)' is shown, not run;
- the header row is frozen and carries filters; columns are as wide as their
  longest value (within bounds).

Memory stays flat: XlsxWriter's constant_memory mode keeps one row in memory
and spills the rest to a temporary file. An XLSX is a zip whose directory comes
last, so the file is complete only when the last row is written: the response
writes the workbook to an anonymous temporary file while the download starts,
then streams that file in chunks, and the file disappears when it is closed.
"""

import enum
import re
import tempfile
from datetime import date, datetime
from decimal import Decimal

import xlsxwriter
from flask import Response, stream_with_context

from tracker.records.csv_export import export_filename, label_text

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHUNK_SIZE = 64 * 1024
MIN_WIDTH, MAX_WIDTH = 8, 60
FORMATS = {
    "header": {"bold": True, "bottom": 1, "text_wrap": False},
    "text": {"num_format": "@"},
    "amount": {"num_format": "#,##0.00"},
    "integer": {"num_format": "0"},
    "date": {"num_format": "yyyy-mm-dd"},
    "datetime": {"num_format": "yyyy-mm-dd hh:mm"},
}


def xlsx_response(rows, columns, *name_parts, today=None):
    """A download of `rows` in `columns` as an Excel workbook, named as its CSV twin."""
    filename = export_filename(*name_parts, today=today, extension="xlsx")
    return Response(
        stream_with_context(xlsx_chunks(rows, columns, sheet_name(name_parts))),
        mimetype=XLSX_MIMETYPE,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def sheet_name(name_parts):
    """The first part of the file name ("mobilities"), as Excel allows a sheet name."""
    first = str(name_parts[0]) if name_parts else "export"
    return re.sub(r"[\[\]:*?/\\']", "-", first)[:31] or "export"


def xlsx_chunks(rows, columns, sheet="export"):
    """The workbook's bytes, in chunks, once every row is written."""
    with tempfile.TemporaryFile() as file:
        write_workbook(file, rows, columns, sheet)
        file.seek(0)
        while chunk := file.read(CHUNK_SIZE):
            yield chunk


def write_workbook(file, rows, columns, sheet="export"):
    """Write the header and every row to `file` (a binary file object)."""
    workbook = xlsxwriter.Workbook(
        file, {"constant_memory": True, "remove_timezone": True, "in_memory": False}
    )
    formats = {name: workbook.add_format(spec) for name, spec in FORMATS.items()}
    worksheet = workbook.add_worksheet(sheet)
    labels = [str(col.label) for col in columns]
    widths = [len(label) for label in labels]
    for index, label in enumerate(labels):
        worksheet.write_string(0, index, label, formats["header"])
    row_number = 0
    texts = {}
    for row_number, row in enumerate(rows, start=1):
        for index, col in enumerate(columns):
            shown = write_cell(worksheet, row_number, index, col.value(row), formats, texts)
            widths[index] = max(widths[index], shown)
    worksheet.freeze_panes(1, 0)
    worksheet.autofilter(0, 0, max(row_number, 1), len(columns) - 1)
    for index, width in enumerate(widths):
        # Two characters more than the text, room for the filter button in the header.
        worksheet.set_column(index, index, min(max(width + 2, MIN_WIDTH), MAX_WIDTH))
    workbook.close()


def write_cell(worksheet, row, col, value, formats, texts):
    """Write one value as the cell type it is; return how many characters it shows.

    `texts` keeps the translated labels of enums and yes/no for one file: translating
    one per cell took a third of a large workbook's time.
    """
    if value is None:
        return 0
    if isinstance(value, bool | enum.Enum):
        if value not in texts:
            texts[value] = label_text(value)
        text = texts[value]
        worksheet.write_string(row, col, text, formats["text"])
        return len(text)
    if isinstance(value, Decimal | float):
        worksheet.write_number(row, col, float(value), formats["amount"])
        return len(f"{value:,.2f}")
    if isinstance(value, int):
        worksheet.write_number(row, col, value, formats["integer"])
        return len(str(value))
    if isinstance(value, datetime):
        worksheet.write_datetime(row, col, value, formats["datetime"])
        return 16
    if isinstance(value, date):
        worksheet.write_datetime(row, col, value, formats["date"])
        return 10
    text = str(value)
    worksheet.write_string(row, col, text, formats["text"])
    return len(text)
