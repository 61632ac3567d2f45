"""Steps a person takes through the entry flows, shared by the tests."""
import os
import re

from playwright.sync_api import expect

import labels as L
from labels import heading


def choose(page, group, option):
    """Checks the radio button `option` in the radio group (fieldset) named `group`."""
    page.get_by_role("group", name=group).get_by_label(option, exact=True).check()


def open_flow(page, desk, user, link):
    """From the home page, follows the flow's link, signs in when asked and lands on the flow."""
    page.goto("/")
    page.get_by_role("link", name=link, exact=True).click()
    expect(page).to_have_url(re.compile(r"/signin\?next="))
    desk.sign_in_with_code(page, user.email)
    expect(page).to_have_url(re.compile(r"/flows/"))


def copilot_to_intake(page, desk, user):
    """From the Copilot page: asks for a person, types the e-mailed OTP, lands on the intake form."""
    expect(heading(page)).to_have_text(L.COPILOT_TITLE)
    choose(page, L.LANGUAGE_GROUP, "English")
    choose(page, L.SCENARIO_GROUP, L.SCENARIO_UNEXPECTED)
    page.get_by_label(L.OBJECTIVE).fill("Publish the new checkout layout on the store.")
    page.get_by_label(L.PROBLEM).fill("The checkout shows an empty cart after the payment step.")
    page.get_by_label(L.RESOURCES).fill("Cleared the cache and tried two browsers.")
    since = desk.maildir.snapshot()
    page.get_by_role("button", name=L.TALK_TO_A_PERSON, exact=True).click()
    expect(heading(page)).to_have_text(L.OTP_TITLE)
    expect(page.get_by_role("status")).to_contain_text(L.otp_sent(user.email))
    page.get_by_label(L.OTP_FIELD).fill(desk.read_code(user.email, since=since))
    page.get_by_role("button", name=L.CONTINUE, exact=True).click()
    expect(heading(page)).to_have_text(L.INTAKE_TITLE)


def fill_intake(page, title):
    page.get_by_label("Title").fill(title)
    page.get_by_label("Description").fill("After paying, the checkout page shows an empty cart and no order is created.")
    choose(page, "Experience level with the platform", "I know everything I need to do my job well")
    choose(page, "Users affected by the problem", "Buyers, consumers, or end-users")
    choose(page, "Problem impact", "Unexpected behavior with critical store resources")
    choose(page, "Environment where the problem is occurring", "Production")
    choose(page, "Problem type", "The store is experiencing a problem or unexpected behavior")


def identify(page, user, account):
    """The identification step: Name prefilled with the user's name, Account chosen among theirs."""
    expect(heading(page)).to_have_text(L.IDENTIFY_TITLE)
    expect(page.get_by_label(L.NAME, exact=False).first).to_have_value(user.name)
    page.get_by_label(L.ACCOUNT).select_option(account)
    page.get_by_role("button", name=L.CONTINUE, exact=True).click()


def choose_subject(page, group, subject):
    choose(page, group, subject)
    page.get_by_role("button", name=L.CONTINUE, exact=True).click()
    expect(heading(page)).to_have_text(subject)


def to_review(page):
    page.get_by_role("button", name=L.CONTINUE, exact=True).click()
    expect(heading(page)).to_have_text(L.REVIEW_TITLE)


def submit(page, button, user):
    """On the review page: sends the request; returns the new ticket's number from the confirmation."""
    page.get_by_role("button", name=button, exact=True).click()
    expect(heading(page)).to_have_text(L.CREATED_TITLE)
    number = int(L.CREATED_TITLE.match(heading(page).inner_text().strip()).group(1))
    expect(page.get_by_text(L.confirmation_sent(user.email))).to_be_visible()
    expect(page.get_by_role("link", name=L.HISTORY_LINK, exact=True)).to_be_visible()
    expect(page.get_by_role("link", name=L.view_ticket(number), exact=True)).to_be_visible()
    return number


def pdf(folder, name="receipt.pdf", size=None):
    path = os.path.join(folder, name)
    body = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    if size is not None:
        body = body + b"0" * (size - len(body))
    with open(path, "wb") as handle:
        handle.write(body)
    return path
