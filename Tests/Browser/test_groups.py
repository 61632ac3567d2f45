"""A repeatable group in a real browser, on a desk of its own whose catalog is Tests/Fixtures/groups:
item rows named orders[N].field, "Add another order" posting the page back with one more row,
count(orders) in a later field's condition evaluated by the page's script, an item's problem shown
at its field, and the ticket storing the items as a list."""

import pytest
from playwright.sync_api import expect

import labels as L
from conftest import User, fixture_desk
from labels import heading

USER = User("groups@example.com", "Gil Souza", ["lojaana"])


@pytest.fixture(scope="module")
def groups_desk():
    yield from fixture_desk("groups", USER)


def row(page, index, field):
    return page.locator(f'[name="orders[{index}].{field}"]')


def test_items_are_added_row_by_row_counted_by_the_script_checked_by_index_and_stored_as_a_list(browser, groups_desk):
    context = browser.new_context(base_url=groups_desk.base_url, locale="en-US")
    try:
        page = context.new_page()
        page.goto("/")
        page.get_by_role("link", name="Ask for a refund", exact=True).click()
        page.get_by_role("textbox", name=L.EMAIL).fill(USER.email)
        since = groups_desk.maildir.snapshot()
        page.get_by_role("button", name=L.SEND_CODE, exact=True).click()
        page.get_by_role("textbox", name=L.CODE).fill(groups_desk.read_code(USER.email, since=since))
        page.get_by_role("button", name=L.SIGN_IN_BUTTON, exact=True).click()
        expect(heading(page)).to_have_text("Ask for a refund")

        expect(page.get_by_role("group", name="Order 1", exact=True)).to_be_visible()
        page.get_by_label("Title").fill("Three orders")
        # Enter in a text box continues (the page's first submit button), it does not add a row.
        page.get_by_label("Title").press("Enter")
        expect(page.get_by_role("alert").first).to_contain_text(L.correct_problems(1))
        expect(page.get_by_text("must have at least 1 item, got 0", exact=True)).to_be_visible()
        expect(page.get_by_role("group", name="Order 2", exact=True)).to_have_count(0)
        expect(page.get_by_label("Title")).to_have_value("Three orders")
        row(page, 1, "order_id").fill("ORD-000001")
        row(page, 1, "amount").fill("5")
        page.get_by_role("button", name="Add another order", exact=True).click()
        expect(page.get_by_role("group", name="Order 2", exact=True)).to_be_visible()
        expect(row(page, 1, "order_id")).to_have_value("ORD-000001")
        page.get_by_role("button", name="Add another order", exact=True).click()
        expect(page.get_by_role("group", name="Order 3", exact=True)).to_be_visible()
        # Three is the group's max: no button for a fourth.
        expect(page.get_by_role("button", name="Add another order", exact=True)).to_have_count(0)

        # "Why so many orders?" waits for count(orders) > 2, counted by the page's script.
        bulk = page.get_by_label("Why so many orders?")
        row(page, 2, "order_id").fill("ORD-000002")
        row(page, 2, "amount").fill("-1")
        expect(bulk).to_be_hidden()
        row(page, 3, "order_id").fill("ORD-000003")
        row(page, 3, "amount").fill("2")
        expect(bulk).to_be_visible()
        bulk.fill("A bad week at the warehouse")
        page.get_by_role("button", name=L.CONTINUE, exact=True).click()

        expect(page.get_by_role("alert").first).to_contain_text(L.correct_problems(1))
        expect(page.get_by_text("must be at least 0, got -1", exact=True)).to_be_visible()
        expect(row(page, 2, "amount")).to_have_value("-1")
        row(page, 2, "amount").fill("1")
        page.get_by_role("button", name=L.CONTINUE, exact=True).click()
        expect(heading(page)).to_have_text(L.REVIEW_TITLE)
        expect(page.get_by_text("2. Order id: ORD-000002; Amount: 1")).to_be_visible()
        page.get_by_role("button", name="Create ticket", exact=True).click()
        expect(heading(page)).to_have_text(L.CREATED_TITLE)
        number = int(L.CREATED_TITLE.match(heading(page).inner_text().strip()).group(1))
        answers = groups_desk.ticket(number)["answers"]
        assert [item["order_id"] for item in answers["orders"]["items"]] == [
            {"text": "ORD-000001"}, {"text": "ORD-000002"}, {"text": "ORD-000003"}], answers
        assert answers["bulk_note"] == {"text": "A bad week at the warehouse"}, answers
    finally:
        context.close()
