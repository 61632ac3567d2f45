"""Files: one within the form's limits is accepted; one of a refused type or size is refused at its field
(Forms/financial/sending-payment-receipt.yaml: receipt, at most 3 files of 10 MB, PDF or images)."""
from playwright.sync_api import expect

import labels as L
from labels import heading
from walk import choose, choose_subject, identify, open_flow, pdf, to_review


def to_receipt_form(page, desk, user):
    open_flow(page, desk, user, L.FINANCIAL)
    identify(page, user, "lojaana")
    choose_subject(page, L.FINANCIAL_SUBJECT_GROUP, "Sending payment receipt")
    page.get_by_label("What happened?").fill("The October invoice was paid by bank transfer.")
    page.get_by_label("Invoice number").fill("NF-2026-1001")
    page.get_by_label("Payment date").fill("2026-10-15")
    page.get_by_label("Amount paid").fill("980.00")
    choose(page, "Payment method", "Bank transfer (TED/DOC)")


def test_a_file_of_a_refused_type_is_refused_at_its_field_and_an_accepted_one_goes_through(page, desk, users, tmp_path):
    user = users["upload"]
    to_receipt_form(page, desk, user)
    expect(page.get_by_text("10 MB").first).to_be_visible()  # the limits are shown
    notes = tmp_path / "notes.txt"
    notes.write_text("not a receipt\n")
    page.get_by_label("Payment receipt").set_input_files(str(notes))
    page.get_by_role("button", name=L.CONTINUE, exact=True).click()

    expect(page.get_by_role("alert").first).to_contain_text(L.correct_problems(1))
    expect(page.locator(L.field_error("receipt"))).to_contain_text("'notes.txt' (text/plain) is not an accepted type")
    expect(page.get_by_label("What happened?")).to_have_value("The October invoice was paid by bank transfer.")
    expect(page.get_by_label("Invoice number")).to_have_value("NF-2026-1001")

    page.get_by_label("Payment receipt").set_input_files(pdf(str(tmp_path), "october.pdf"))
    to_review(page)
    expect(page.get_by_text("october.pdf")).to_be_visible()


def test_a_file_over_the_size_limit_is_refused_at_its_field(page, desk, users, tmp_path):
    user = users["uploadsize"]
    to_receipt_form(page, desk, user)
    page.get_by_label("Payment receipt").set_input_files(pdf(str(tmp_path), "huge.pdf", size=11 * 1024 * 1024))
    # 11 MB through a debug build on a loaded 2-core machine can take longer than the usual 15 s.
    page.get_by_role("button", name=L.CONTINUE, exact=True).click(timeout=90_000)
    expect(heading(page)).to_have_text("Sending payment receipt")
    expect(page.locator(L.field_error("receipt"))).to_contain_text("'huge.pdf' is 11 MB; the limit is 10 MB")
    expect(page.get_by_label("Invoice number")).to_have_value("NF-2026-1001")
    page.get_by_label("Payment receipt").set_input_files(pdf(str(tmp_path), "small.pdf"))
    to_review(page)
    expect(page.get_by_text("small.pdf")).to_be_visible()
    page.get_by_role("button", name=L.DISCARD, exact=True).click()
