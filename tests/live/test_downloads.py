"""Every CSV link on the list, report and dashboard pages, downloaded from the deployed
server to the last byte and read as a spreadsheet would: the file holds exactly as many
rows as the link said it would. Each CSV link's Excel twin holds the same rows."""

import csv
import io
import re
from collections import Counter
from urllib.parse import urlsplit

import openpyxl
import pytest

from tests.live.conftest import COORDINATOR, OWNER
from tests.live.visitor import parse

START_PAGES = (
    "/",
    "/projects/",
    "/mobilities/",
    "/organisations/",
    "/deadlines/",
    "/reports/",
    "/reports/dashboard",
    "/reports/priorities",
    "/reports/budget",
)
FOLLOWED = re.compile(r"^/(projects|mobilities)/(\?.*)?$|^/reports/")
"""Links from the start pages worth opening: filtered lists (every dashboard figure is
one) and the reports, among them each project's mobility report."""
STATED_ROWS = re.compile(r"Download (?:this (?:record|row)|these (\d+) (?:records|rows)) as CSV")


def csv_links(visitor):
    """{CSV URL: rows the link states} found on the start pages and the pages they link to,
    and the set of Excel links found beside them."""
    pages, found, excel = list(START_PAGES), {}, set()
    seen = set()
    while pages:
        path = pages.pop()
        if path in seen:
            continue
        seen.add(path)
        response = visitor.get(path, allow_redirects=True)
        if response.status_code == 403:
            continue  # the office's dashboard, for staff: the matrix checks who gets what
        assert response.status_code == 200, path
        parsed = parse(response.text)
        for href, text in parsed.links:
            if urlsplit(href).path.endswith(".csv"):
                stated = STATED_ROWS.search(" ".join(text.split()))
                assert stated, f"{path}: the CSV link {href} does not say how many rows it holds"
                found[href] = int(stated.group(1) or 1)
            elif urlsplit(href).path.endswith(".xlsx"):
                excel.add(href)
            elif path in START_PAGES and FOLLOWED.match(href) and not href.endswith(".csv"):
                pages.append(href)
    return found, excel, len(seen)


def download(visitor, href):
    """The whole file, streamed as a browser saves it; a connection that breaks off raises."""
    response = visitor.get(href, stream=True)
    assert response.status_code == 200, href
    assert response.headers["Content-Type"].startswith("text/csv"), href
    assert response.headers["Content-Disposition"].startswith("attachment;"), href
    body = b"".join(response.iter_content(chunk_size=65536))
    assert body.startswith(b"\xef\xbb\xbf"), f"{href}: no byte order mark for Excel"
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"), newline="")))


def download_xlsx(visitor, href):
    """The data rows of an Excel download (the header row left out)."""
    response = visitor.get(href, stream=True)
    assert response.status_code == 200, href
    assert response.headers["Content-Type"].startswith("application/vnd.openxmlformats"), href
    body = b"".join(response.iter_content(chunk_size=65536))
    sheet = openpyxl.load_workbook(io.BytesIO(body), read_only=True).active
    return list(sheet.iter_rows(min_row=2, values_only=True))


@pytest.mark.parametrize("person", [COORDINATOR, OWNER])
def test_every_csv_link_downloads_every_row_it_states(visitors, person):
    visitor = visitors[person]
    links, excel, pages = csv_links(visitor)
    assert pages > len(START_PAGES), "the dashboard and reports link to their lists"
    assert any("/reports/projects/" in href for href in links), "a project's mobility report"
    wrong, per_endpoint = [], Counter()
    for href, stated in sorted(links.items()):
        rows = download(visitor, href)
        endpoint = re.sub(r"/\d+/", "/<id>/", urlsplit(href).path)
        per_endpoint[endpoint, "files"] += 1
        per_endpoint[endpoint, "rows"] += len(rows)
        if len(rows) != stated:
            wrong.append(f"{href}: {len(rows)} rows, the page said {stated}")
        twin = urlsplit(href)._replace(path=urlsplit(href).path.removesuffix(".csv") + ".xlsx")
        if twin.geturl() not in excel:
            wrong.append(f"{href}: no Excel link beside it")
        elif len(download_xlsx(visitor, twin.geturl())) != stated:
            wrong.append(f"{twin.geturl()}: not the {stated} rows of its CSV")
    assert not wrong, "\n".join(wrong)
    print(f"\n{person}: {len(links)} CSV links on {pages} pages")
    for endpoint in sorted({endpoint for endpoint, _ in per_endpoint}):
        files, rows = per_endpoint[endpoint, "files"], per_endpoint[endpoint, "rows"]
        print(f"  {endpoint}: {files} files, {rows} rows")
    assert sum(per_endpoint[key] for key in per_endpoint if key[1] == "rows") > 0
