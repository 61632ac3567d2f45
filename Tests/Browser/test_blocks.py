"""Notes, sections and validation rules in a real browser, on a desk of their own whose catalog is
Tests/Fixtures/blocks: a note rendered as HTML, a section's fieldset shown by a condition, an "I
agree" box that must be ticked and a rule across two dates shown at its field."""
import datetime
import os
import re
import shutil
import tempfile

import pytest
from playwright.sync_api import expect

import labels as L
from conftest import REPOSITORY, Desk, User
from labels import heading

USER = User("blocks@example.com", "Bea Lopes", ["lojaana"])


@pytest.fixture(scope="module")
def blocks_desk():
    folder = tempfile.mkdtemp(prefix="formrunner-blocks-")
    desk = Desk(folder)
    for name in ("Forms", "Workflows", "Knowledge"):
        shutil.rmtree(os.path.join(desk.catalog, name), ignore_errors=True)
    os.remove(os.path.join(desk.catalog, "formrunner.yaml"))
    for name in ("Forms", "Workflows"):
        shutil.copytree(REPOSITORY / "Tests" / "Fixtures" / "blocks" / name, os.path.join(desk.catalog, name))
    # The desk's own e-mails (sign-in codes) come from the shipped templates.
    shutil.copytree(REPOSITORY / "Workflows" / "templates", os.path.join(desk.catalog, "Workflows", "templates"))
    desk.add_user(USER)
    desk.start()
    yield desk
    desk.stop()
    shutil.rmtree(folder, ignore_errors=True)


def day(offset):
    return (datetime.date.today() + datetime.timedelta(days=offset)).isoformat()


def test_a_note_a_must_be_box_and_a_rule_error_are_shown_at_their_fields(browser, blocks_desk):
    context = browser.new_context(base_url=blocks_desk.base_url, locale="en-US")
    try:
        page = context.new_page()
        # The flow signs in with an e-mailed code only: straight to that page.
        page.goto("/")
        page.get_by_role("link", name="Report an incident", exact=True).click()
        expect(page).to_have_url(re.compile(r"/signin/email\?next="))
        page.get_by_role("textbox", name=L.EMAIL).fill(USER.email)
        since = blocks_desk.maildir.snapshot()
        page.get_by_role("button", name=L.SEND_CODE, exact=True).click()
        page.get_by_role("textbox", name=L.CODE).fill(blocks_desk.read_code(USER.email, since=since))
        page.get_by_role("button", name=L.SIGN_IN_BUTTON, exact=True).click()
        expect(heading(page)).to_have_text("Report an incident")
        # The note: Markdown as HTML, a link, no control.
        note = page.locator(".note[data-field=intro]")
        expect(note.locator("strong")).to_have_text("within one working day")
        expect(note.get_by_role("link", name="status page")).to_have_attribute("href", "https://status.example.com")
        # Sections are groups named by their titles; the Refund section waits for an order number.
        expect(page.get_by_role("group", name="Before you start", exact=True)).to_be_visible()
        expect(page.get_by_role("group", name="Refund", exact=True)).to_be_hidden()
        page.get_by_label("Order number").fill("ORD-123456")
        expect(page.get_by_role("group", name="Refund", exact=True)).to_be_visible()
        expect(page.get_by_text("Refunds go back to the card used for the order.")).to_be_visible()

        page.get_by_label("I searched the existing tickets").check()
        page.get_by_label("Title").fill("Checkout is down")
        page.get_by_label("When did it start?").fill(day(-3) + "T08:30")
        page.get_by_label("First day affected").fill(day(-2))
        page.get_by_label("Last day affected").fill(day(-5))
        page.get_by_role("button", name=L.CONTINUE, exact=True).click()

        expect(page.get_by_role("alert").first).to_contain_text(L.correct_problems(2))
        expect(page.locator(L.field_error("agree"))).to_have_text("'I agree to the terms of service' must be accepted")
        expect(page.locator(L.field_error("end_date"))).to_have_text("The last day affected must be on or after the first day.")
        described = page.get_by_label("Last day affected").get_attribute("aria-describedby") or ""
        assert "end_date-error" in described.split(), described
        expect(page.get_by_label("Last day affected")).to_have_value(day(-5))

        page.get_by_label("I agree to the terms of service").check()
        page.get_by_label("Last day affected").fill(day(-1))
        page.get_by_role("button", name=L.CONTINUE, exact=True).click()
        expect(heading(page)).to_have_text(L.REVIEW_TITLE)
        page.get_by_role("button", name="Create ticket", exact=True).click()
        expect(heading(page)).to_have_text(L.CREATED_TITLE)
        number = int(L.CREATED_TITLE.match(heading(page).inner_text().strip()).group(1))
        answers = blocks_desk.ticket(number)["answers"]
        assert answers["agree"] == {"boolean": True}, answers
        assert answers["end_date"] == {"date": day(-1)}, answers
        assert "intro" not in answers and "refund_note" not in answers, answers
    finally:
        context.close()
