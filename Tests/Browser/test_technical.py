"""The technical flow in a browser: sign-in by e-mailed code, Copilot, a person, the OTP, the intake."""
from playwright.sync_api import expect

import labels as L
from labels import heading
from walk import copilot_to_intake, fill_intake, open_flow, submit, to_review


def test_a_requester_files_a_technical_ticket_through_copilot_and_an_emailed_code(page, desk, users):
    user = users["technical"]
    open_flow(page, desk, user, L.TECHNICAL)
    copilot_to_intake(page, desk, user)
    title = "Checkout shows an empty cart after payment"
    fill_intake(page, title)
    page.get_by_label("Agency").fill("Acme Digital")
    to_review(page)
    expect(page.get_by_text(title)).to_be_visible()
    expect(page.get_by_text("Acme Digital")).to_be_visible()
    expect(page.get_by_text("Unexpected behavior with critical store resources")).to_be_visible()
    expect(page.get_by_role("button", name=L.DISCARD, exact=True)).to_be_visible()

    number = submit(page, L.CREATE_TICKET, user)

    ticket = desk.ticket(number)
    assert ticket["form"] == "technical.intake"
    assert ticket["workflow"] == "technical-support"
    assert ticket["status"] == "open"
    assert ticket["requester"]["email"] == user.email
    assert ticket["answers"]["title"] == {"text": title}
    assert ticket["answers"]["problem_impact"] == {"choice": "critical"}
    assert ticket["answers"]["agency"] == {"text": "Acme Digital"}
    confirmation = desk.latest_mail(user.email, subject_contains=f"Ticket #{number} created")
    assert title in confirmation.subject


def test_every_intake_field_is_labelled_and_marked_required_or_optional(page, desk, users):
    user = users["technical2"]
    open_flow(page, desk, user, L.TECHNICAL)
    copilot_to_intake(page, desk, user)
    label_of_agency = page.locator("label", has_text="Agency")
    expect(label_of_agency).to_contain_text(L.OPTIONAL_MARK)
    expect(page.locator("label", has_text="Title").first).to_contain_text(L.REQUIRED_MARK)
    # Help text is tied to its field.
    described = page.get_by_label("Title").get_attribute("aria-describedby") or ""
    assert described, "the Title field has no aria-describedby"
    help_ids = described.split()
    texts = [page.locator(f"[id='{identifier}']").inner_text() for identifier in help_ids]
    assert any("Enter the subject of your request." in text for text in texts), texts
    # The evidence field shows its limits.
    expect(page.locator("input[type=file]")).to_have_count(1)
    expect(page.get_by_text("20 MB").first).to_be_visible()


def test_a_user_without_the_support_permission_is_refused_with_the_catalogs_message(page, desk, users):
    user = users["nopermission"]
    open_flow(page, desk, user, L.TECHNICAL)
    expect(heading(page)).to_have_text(L.PERMISSION_TITLE)
    expect(page.get_by_role("alert")).to_contain_text(L.PERMISSION_MESSAGE)
    expect(page.get_by_role("button", name=L.TALK_TO_A_PERSON)).to_have_count(0)
