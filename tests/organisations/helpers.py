"""Reading organisation pages the way a person does: rows, field errors, typed values."""

import re
from html import unescape

ROW_LINK = re.compile(r'<td><a href="/organisations/(\d+)">([^<]*)</a></td>')


def listed_names(response):
    """The organisation names in the list, in the order shown."""
    return [unescape(name) for _, name in ROW_LINK.findall(response.get_data(as_text=True))]


def field_error(response, field):
    """The error text shown next to `field`, or None."""
    match = re.search(
        rf'<p class="error" id="{field}-error">(.*?)</p>', response.get_data(as_text=True), re.S
    )
    return unescape(match.group(1)) if match else None


def input_value(response, field):
    page = response.get_data(as_text=True)
    match = re.search(rf'<input[^>]*\bname="{field}"[^>]*>', page)
    value = re.search(r'value="([^"]*)"', match.group(0)) if match else None
    return unescape(value.group(1)) if value else None


def selected_option(response, field):
    page = response.get_data(as_text=True)
    select = re.search(rf'<select[^>]*name="{field}".*?</select>', page, re.S).group(0)
    match = re.search(r'<option selected value="([^"]*)"', select)
    return match.group(1) if match else None
