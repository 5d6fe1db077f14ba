"""A person's browser without JavaScript: a real HTTP client with cookies that reads pages,
follows links and fills in forms as they are served (CSRF token and hidden fields included)."""

import html.parser
from dataclasses import dataclass, field
from urllib.parse import urljoin

import requests


@dataclass
class Form:
    action: str
    method: str
    fields: dict = field(default_factory=dict)
    """name -> value, as a browser would send the form untouched (lists for multiple values)."""
    buttons: list = field(default_factory=list)


class PageParser(html.parser.HTMLParser):
    """The links (href, text) and forms of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.forms = [], []
        self._link = self._form = self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self._link = [a["href"], ""]
            self.links.append(self._link)
        elif tag == "form":
            self._form = Form(a.get("action") or "", (a.get("method") or "get").lower())
            self.forms.append(self._form)
        elif tag == "option" and self._select is not None:
            fields = self._form.fields
            if fields[self._select] is None or "selected" in a:
                fields[self._select] = a.get("value", "")
        elif self._form is not None and a.get("name"):
            self._form_field(tag, a)

    def _form_field(self, tag, a):
        name, fields = a["name"], self._form.fields
        if tag == "input":
            kind = (a.get("type") or "text").lower()
            if kind == "submit":
                self._form.buttons.append((name, a.get("value", "")))
            elif kind in ("checkbox", "radio"):
                if "checked" in a:
                    fields.setdefault(name, []).append(a.get("value", "on"))
            elif kind != "file":
                fields[name] = a.get("value", "")
        elif tag == "select":
            self._select = name
            fields[name] = None
        elif tag == "textarea":
            self._textarea = name
            fields[name] = ""
        elif tag == "button":
            self._form.buttons.append((name, a.get("value", "")))

    def handle_data(self, data):
        if self._link is not None:
            self._link[1] += data
        if self._textarea is not None:
            self._form.fields[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "a":
            self._link = None
        elif tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def parse(page_html):
    parser = PageParser()
    parser.feed(page_html)
    return parser


class Visitor:
    def __init__(self, base_url):
        self.base_url = base_url
        self.http = requests.Session()

    def url(self, path):
        return urljoin(self.base_url + "/", path.lstrip("/")) if path.startswith("/") else path

    def get(self, path, **kwargs):
        kwargs.setdefault("allow_redirects", False)
        kwargs.setdefault("timeout", 30)
        return self.http.get(self.url(path), **kwargs)

    def page(self, path):
        response = self.get(path, allow_redirects=True)
        assert response.status_code == 200, f"{path}: {response.status_code}"
        return response, parse(response.text)

    def submit(self, path, choose=lambda form: True, changes=None, files=None, button=None):
        """Fill in the first form on `path` that `choose` accepts with `changes`, press
        `button` (a (name, value) pair) or none, and send it as the browser would."""
        response, parsed = self.page(path)
        form = next(form for form in parsed.forms if choose(form))
        data = {name: value for name, value in form.fields.items() if value is not None}
        data.update(changes or {})
        if button:
            data[button[0]] = button[1]
        target = urljoin(response.url, form.action or response.url)
        return self.http.request(
            form.method, target, data=data, files=files, allow_redirects=False, timeout=30
        )

    def sign_in(self, email, password):
        response = self.submit(
            "/login",
            lambda form: "email" in form.fields,
            {"email": email, "password": password},
        )
        assert response.status_code == 302, f"sign-in of {email}: {response.status_code}"
        return self
