"""One export in the format the URL asks for: CSV for machines, XLSX for people.

Every export route answers at two URLs, `….csv` and `….xlsx`, with the same rows
and columns; `xlsx_url` turns a CSV link into its Excel twin.
"""

from urllib.parse import urlsplit, urlunsplit

from tracker.records.csv_export import csv_response, stream_rows
from tracker.records.select_csv import select_csv_response
from tracker.records.xlsx_export import xlsx_response

RESPONSES = {"csv": csv_response, "xlsx": xlsx_response}


def download(file_format, rows, columns, *name_parts):
    """The export of `rows` in `columns` as `file_format` ("csv" or "xlsx")."""
    return RESPONSES[file_format](rows, columns, *name_parts)


def download_select(file_format, query, columns, *name_parts):
    """As `download`, of the rows of `query`; whose columns each name a column of the select
    it reads (`Column.reads`). The CSV reads the driver's rows: a large export's fast path."""
    if file_format == "csv":
        return select_csv_response(query, columns, *name_parts)
    return download(file_format, stream_rows(query), columns, *name_parts)


def export_routes(bp, rule, **options):
    """Register a view at `rule + ".csv"` and `rule + ".xlsx"`; it gets `file_format`.

    The CSV rule is registered first, so `url_for(endpoint)` keeps giving the CSV URL
    and `url_for(endpoint, file_format="xlsx")` the Excel one.
    """

    def register(view):
        for file_format in RESPONSES:
            bp.add_url_rule(
                f"{rule}.{file_format}",
                view_func=view,
                defaults={"file_format": file_format},
                **options,
            )
        return view

    return register


def xlsx_url(csv_url):
    """The Excel twin of a CSV link: the same path ending in .xlsx, the same query."""
    parts = urlsplit(str(csv_url))
    path = parts.path.removesuffix(".csv") + ".xlsx"
    return urlunsplit(parts._replace(path=path))
