"""Security as seen from outside: CSRF tokens, headers, cookies, wrong codes and too many attempts."""
import re
import shutil
import tempfile

import pytest
from playwright.sync_api import expect

import labels as L
from conftest import Desk
from labels import heading

FORM_DATA = """form => {
    const data = {};
    for (const [key, value] of new FormData(form)) if (typeof value === "string") data[key] = value;
    return {action: form.getAttribute("action") || location.pathname + location.search, data};
}"""


def open_code_page(page, email):
    """The sign-in page up to the "Code" field, a code having been e-mailed to `email`."""
    page.goto("/signin")
    page.get_by_role("group", name=L.SIGN_IN_METHOD_GROUP).get_by_label(L.METHOD_EMAIL_CODE).check()
    send = page.get_by_role("button", name=L.SEND_CODE, exact=True)
    if not send.is_visible():
        page.get_by_role("button", name=L.CONTINUE, exact=True).click()
    page.get_by_role("textbox", name=L.EMAIL).fill(email)
    send.click()
    expect(page.get_by_role("textbox", name=L.CODE)).to_be_visible()


def test_every_form_carries_a_csrf_token_and_a_post_without_it_is_refused(page, desk, users):
    page.goto("/signin")
    forms = page.locator("form[method=post], form[method=POST]")
    assert forms.count() >= 1
    for index in range(forms.count()):
        expect(forms.nth(index).locator("input[type=hidden][name=_csrf]")).to_have_count(1)
    target = forms.first.evaluate(FORM_DATA)
    without = {key: value for key, value in target["data"].items() if key != "_csrf"}
    assert page.request.post(target["action"], form=without, max_redirects=0).status == 403
    forged = dict(target["data"], _csrf="forged-token")
    assert page.request.post(target["action"], form=forged, max_redirects=0).status == 403

    desk.sign_in_with_code(page, users["headers"].email)
    page.goto("/")
    sign_out = page.locator("form", has=page.get_by_role("button", name=L.SIGN_OUT, exact=True))
    target = sign_out.evaluate(FORM_DATA)
    without = {key: value for key, value in target["data"].items() if key != "_csrf"}
    assert page.request.post(target["action"], form=without, max_redirects=0).status == 403
    page.goto("/")
    expect(page.get_by_text(L.SIGNED_IN_AS).first).to_be_visible()  # still signed in


def test_pages_carry_the_security_headers_and_the_session_cookie_is_locked_down(page, desk, users):
    for path in ("/", "/signin"):
        response = page.goto(path)
        headers = response.headers
        policy = headers.get("content-security-policy", "")
        assert policy, f"{path}: no Content-Security-Policy"
        directives = {part.strip().split(" ")[0]: part.strip() for part in policy.split(";") if part.strip()}
        scripts = directives.get("script-src") or directives.get("default-src") or ""
        assert scripts, f"{path}: the policy {policy!r} does not restrict scripts"
        assert "'unsafe-inline'" not in scripts, policy
        assert headers.get("x-content-type-options") == "nosniff"
        assert headers.get("referrer-policy"), f"{path}: no Referrer-Policy"
        assert headers.get("x-frame-options", "").upper() == "DENY"

    desk.sign_in_with_code(page, users["headers"].email)
    session_cookies = [cookie for cookie in page.context.cookies() if "lang" not in cookie["name"].lower()]
    assert session_cookies, "no session cookie after signing in"
    for cookie in session_cookies:
        assert cookie["httpOnly"], cookie
        assert cookie["sameSite"] == "Lax", cookie


def test_a_wrong_sign_in_code_is_refused_with_the_attempts_left(page, desk, users):
    email = users["wrongcode"].email
    since = desk.maildir.snapshot()
    open_code_page(page, email)
    code = desk.read_code(email, since=since)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    page.get_by_role("textbox", name=L.CODE).fill(wrong)
    page.get_by_role("button", name=L.SIGN_IN_BUTTON, exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text(L.wrong_code(4))
    page.get_by_role("textbox", name=L.CODE).fill(code)
    page.get_by_role("button", name=L.SIGN_IN_BUTTON, exact=True).click()
    expect(page.get_by_text(L.SIGNED_IN_AS).first).to_be_visible()


def test_a_page_that_is_not_there_is_a_404(page):
    response = page.goto("/no-such-page")
    assert response.status == 404
    expect(heading(page)).to_be_visible()


@pytest.fixture
def limited_desk(users):
    """A desk of its own: the attempt limits count per client, and every other test signs in from
    this machine too (the shared desk's budget is theirs)."""
    folder = tempfile.mkdtemp(prefix="formrunner-limits-")
    the_desk = Desk(folder)
    the_desk.add_user(users["ratelimit"])
    the_desk.start()
    yield the_desk
    the_desk.stop()
    shutil.rmtree(folder, ignore_errors=True)


def test_too_many_wrong_codes_are_answered_429_with_retry_after(browser, limited_desk, users):
    context = browser.new_context(base_url=limited_desk.base_url, locale="en-US")
    context.set_default_timeout(15_000)
    page = context.new_page()
    email = users["ratelimit"].email
    since = limited_desk.maildir.snapshot()
    open_code_page(page, email)
    code = limited_desk.read_code(email, since=since)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    form = page.locator("form", has=page.get_by_role("textbox", name=L.CODE))
    target = form.evaluate(FORM_DATA)
    name = page.get_by_role("textbox", name=L.CODE).get_attribute("name")
    statuses = []
    for _ in range(30):
        response = page.request.post(target["action"], form=dict(target["data"], **{name: wrong}), max_redirects=0)
        statuses.append(response.status)
        if response.status == 429:
            retry_after = response.headers.get("retry-after", "")
            assert re.fullmatch(r"\d+", retry_after) and int(retry_after) > 0, f"Retry-After: {retry_after!r}"
            context.close()
            return
    pytest.fail(f"30 wrong codes in a row were never answered 429; statuses: {statuses}")
