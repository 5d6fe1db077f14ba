"""The Content-Security-Policy in a real browser: an injected inline script never runs."""

import pytest

from tests.chromium import watch_console

pytestmark = pytest.mark.browser


def test_an_inline_script_injected_into_a_page_is_refused(browser, live_server):
    """As if an attacker got markup into the sign-in page: the response keeps tracker's
    headers, the browser refuses the script, and the refusal is what our console watch sees."""

    def inject(route):
        response = route.fetch()
        body = response.text().replace(
            "</body>", "<script>document.title = 'owned'</script></body>"
        )
        route.fulfill(response=response, body=body)

    context = browser.new_context(base_url=live_server)
    refusals = []
    page = watch_console(context.new_page(), refusals)
    page.route("**/login", inject)
    page.goto("/login")
    title = page.title()
    context.close()
    assert title != "owned"
    assert refusals and "script-src 'self'" in refusals[0]
