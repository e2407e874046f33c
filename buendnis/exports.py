"""Every CSV and Excel download of the portal goes through this module.

- A table is a list of `Column`s and the rows they read from; each app describes its
  tables next to its models (`partners/exports.py`, `arbeitsgruppen/exports.py`,
  `events/exports.py`) and offers them in its admin; the cockpit offers them all.
- One rule for the columns, by role (`roles.exports_personal_data`): columns marked
  `personal` (what is said about a person: names, e-mail addresses, phone numbers,
  children and their ages, needs such as childcare or accessibility) appear only for
  Koordination; the steering group and AG-Leitung get the same table without them.
  An organisation's name is no person's: a table that lists both kinds keeps them in
  columns of their own.
- One guard against formulas: a spreadsheet runs a cell that starts with = + - @ or
  a tab as a formula (CSV injection), so such text gets a leading apostrophe.
- A request for information (DSGVO Art. 15 and 20) gets everything stored about one
  partner or registrant as JSON (`json_download`), never cached.
- Rows come in chunks (`lib.paging.in_chunks`), so 13,000 partners never sit in
  memory at once: the CSV is streamed line by line, the workbook written to a
  temporary file.
"""

import csv
import datetime
import json
import tempfile
from dataclasses import dataclass
from typing import Any

from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.functional import Promise
from openpyxl import Workbook

from buendnis.roles import exports_personal_data

CHUNK = 1000
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FORMATS = ("csv", "xlsx")


@dataclass(frozen=True)
class Column:
    header: str
    value: Any  # a function of the row
    personal: bool = False  # says something about a person (see the module's rule)


@dataclass
class Table:
    filename: str
    title: str
    columns: list
    rows: Any  # an iterable of rows; each column reads its value from a row

    def for_user(self, user):
        """The table as `user` may download it (see the module's rule)."""
        if exports_personal_data(user):
            return self
        columns = [column for column in self.columns if not column.personal]
        return Table(self.filename, self.title, columns, self.rows)

    def header(self):
        return [column.header for column in self.columns]

    def values(self):
        for row in self.rows:
            yield [column.value(row) for column in self.columns]


def defused(value):
    """Text that a spreadsheet shows as text, never runs as a formula."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_START) else value


def _text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%d.%m.%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    return defused(str(value))


def _cell(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).replace(tzinfo=None)
    if isinstance(value, Promise):  # a translated label
        value = str(value)
    return defused(value)


class _Echo:
    """A file-like object whose write() hands the line back, for streaming csv.writer."""

    def write(self, value):
        return value


def csv_response(table):
    writer = csv.writer(_Echo(), delimiter=";")

    def lines():
        # The byte order mark tells Excel the file is UTF-8 (umlauts).
        yield "\ufeff" + writer.writerow(table.header())
        for values in table.values():
            yield writer.writerow([_text(value) for value in values])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{table.filename}.csv"'
    return response


def xlsx_response(table):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(table.title[:31])
    sheet.append(table.header())
    for values in table.values():
        sheet.append([_cell(value) for value in values])
    output = tempfile.TemporaryFile()
    workbook.save(output)
    output.seek(0)
    return FileResponse(
        output, as_attachment=True, filename=f"{table.filename}.xlsx", content_type=XLSX
    )


def respond(table, fmt, user):
    """The download of `table` in `fmt` ("csv" or "xlsx"), with the columns `user` may see."""
    table = table.for_user(user)
    return xlsx_response(table) if fmt == "xlsx" else csv_response(table)


def dated(name):
    return f"{name}-{timezone.localdate():%Y-%m-%d}"


def json_download(data, filename):
    """Data about one person or organisation as a JSON file; kept out of every cache."""
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
