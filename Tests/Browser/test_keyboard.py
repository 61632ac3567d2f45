"""A keyboard-only pass: identification, subject and a form to the review page, with no clicks."""
from playwright.sync_api import expect

import labels as L
from labels import heading


def tab_to(page, target, limit=80):
    """Presses Tab until `target` has the focus, as a keyboard user would."""
    for _ in range(limit):
        if target.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{target} never got the focus after {limit} presses of Tab")


def test_a_form_can_be_filled_and_sent_to_review_with_the_keyboard_alone(page, desk, users):
    user = users["keyboard"]
    page.goto("/signin")
    desk.sign_in_with_code(page, user.email)
    page.goto("/flows/commercial-support")
    expect(heading(page)).to_have_text(L.IDENTIFY_TITLE)

    account = page.get_by_label(L.ACCOUNT)
    tab_to(page, account)
    page.keyboard.type("lojabeta")  # type-ahead in a select
    expect(account).to_have_value("lojabeta")
    tab_to(page, page.get_by_role("button", name=L.CONTINUE, exact=True))
    page.keyboard.press("Enter")

    first_subject = page.get_by_role("group", name=L.COMMERCIAL_SUBJECT_GROUP).get_by_label("New Trade Policy", exact=True)
    tab_to(page, first_subject)
    page.keyboard.press("Space")
    expect(first_subject).to_be_checked()
    tab_to(page, page.get_by_role("button", name=L.CONTINUE, exact=True))
    page.keyboard.press("Enter")
    expect(heading(page)).to_have_text("New Trade Policy")

    tab_to(page, page.get_by_label("Trade policy name"))
    page.keyboard.type("Keyboard policy")
    purpose = page.get_by_role("group", name="Purpose of the trade policy").get_by_label("B2C store (website or app)")
    tab_to(page, purpose)
    page.keyboard.press("Space")
    currency = page.get_by_role("group", name="Currency").get_by_label("Brazilian real (BRL)")
    tab_to(page, currency)
    page.keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name=L.CONTINUE, exact=True))
    page.keyboard.press("Enter")

    expect(heading(page)).to_have_text(L.REVIEW_TITLE)
    expect(page.get_by_text("Keyboard policy")).to_be_visible()
    expect(page.get_by_text("Brazilian real (BRL)")).to_be_visible()
