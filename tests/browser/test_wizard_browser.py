"""examples/wizard.py in real Chromium: errors on Next, a branch, a failing then succeeding submit."""

from pathlib import Path

import pytest

from tests.browser.conftest import wait_for_run

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

APP = Path(__file__).parents[2] / "examples" / "wizard.py"
SERVE = APP.with_name("wizard_serve.py")


def type_into(page, label: str, value: str, clears: str | None = None) -> None:
    """Type ``value``; with ``clears``, wait until that recorded error is gone (the store has the
    value and the step reran), so the next input cannot race this one's rerun."""
    page.get_by_label(label, exact=True).fill(value)
    page.get_by_label(label, exact=True).press("Enter")
    wait_for_run(page)
    if clears is not None:
        expect(page.get_by_text(clears)).to_have_count(0)


def press(page, name: str, *shows: str) -> None:
    """Press the button once per text in ``shows``, each time waiting until that text shows
    (the rerun is over), so that no input is typed into a step that is about to be redrawn."""
    for text in shows:
        page.get_by_role("button", name=name, exact=True).click()
        wait_for_run(page)
        expect(page.get_by_text(text).first).to_be_visible()


def test_the_wizard_fails_a_taken_email_keeps_the_draft_and_signs_up_after_a_fix(
    serve, page, tmp_path
):
    server = serve(APP, env={"WIZARD_DB": str(tmp_path / "wizard.db")})
    page.goto(server.url)
    wait_for_run(page)

    press(page, "Next", "email: Enter an email address")
    type_into(page, "Email", "taken@example.com", clears="email: Enter")
    type_into(page, "Password", "correct horse", clears="password: Use")
    press(page, "Next", "Step 2 of 3: About you")

    press(page, "Next", "name: Tell us")
    type_into(page, "Name", "Ann", clears="name: Tell us")
    page.get_by_text("business", exact=True).click()
    wait_for_run(page)
    expect(page.get_by_text("Step 2 of 4: About you")).to_be_visible()  # the branch
    press(page, "Next", "Step 3 of 4: Company")
    press(page, "Next", "company: Name the")
    type_into(page, "Company name", "Acme", clears="company: Name the")
    press(page, "Next", "Company: Acme")

    press(page, "Submit", "taken@example.com already has an account")
    press(page, "Back", "Step 3 of 4", "Step 2 of 4", "Step 1 of 4")
    expect(page.get_by_label("Email", exact=True)).to_have_value("taken@example.com")
    type_into(page, "Email", "ann@example.com")
    press(page, "Next", "Step 2 of 4", "Step 3 of 4", "Step 4 of 4")
    press(page, "Submit", "Welcome aboard, ann!")
    expect(page.get_by_text("Step 5 of 5: Welcome")).to_be_visible()


def test_a_refresh_lands_on_the_same_step_with_the_same_values(serve, page, tmp_path):
    server = serve(SERVE, env={"WIZARD_DB": str(tmp_path / "wizard.db"),
                               "STREAMLIT_REDUX_SECRET_FILE": str(tmp_path / "secret")})
    page.goto(server.url)
    wait_for_run(page)
    press(page, "Next", "email: Enter")
    type_into(page, "Email", "ann@example.com", clears="email: Enter")
    type_into(page, "Password", "correct horse", clears="password: Use")
    press(page, "Next", "Step 2 of 3")
    press(page, "Next", "name: Tell us")
    type_into(page, "Name", "Ann", clears="name: Tell us")

    page.reload()
    wait_for_run(page)
    expect(page.get_by_text("Step 2 of 3: About you")).to_be_visible()
    expect(page.get_by_label("Name", exact=True)).to_have_value("Ann")
    press(page, "Back", "Step 1 of 3")
    expect(page.get_by_label("Email", exact=True)).to_have_value("ann@example.com")


def test_a_background_submit_shows_submitting_then_its_answer_without_a_click(
    serve, page, tmp_path
):
    release = tmp_path / "release"
    server = serve(Path(__file__).parent / "apps" / "wizard_background.py",
                   env={"WIZARD_RELEASE": str(release)})
    page.goto(server.url)
    wait_for_run(page)
    for email, answer in [("taken@example.com", "taken@example.com already has an account"),
                          ("ann@example.com", "Signed up ann@example.com")]:
        type_into(page, "Email", email)
        expect(page.get_by_role("button", name="Submit", exact=True)).to_be_enabled()
        press(page, "Submit", "Submitting…")
        expect(page.get_by_role("button", name="Submit", exact=True)).to_be_disabled()
        release.touch()  # the effect's thread goes on; the page is left alone
        expect(page.get_by_text(answer)).to_be_visible()
    expect(page.get_by_text("Step 2 of 2: done")).to_be_visible()


def test_a_second_press_on_next_while_the_next_step_draws_does_not_pass_over_it(serve, page):
    server = serve(Path(__file__).parent / "apps" / "wizard_steps.py")
    page.goto(server.url)
    wait_for_run(page)
    expect(page.get_by_text("Step 1 of 3: Welcome")).to_be_visible()
    first_next = page.get_by_role("button", name="Next")
    first_next.click()
    # The middle step takes a second to draw: meanwhile the first step's Next is still shown.
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='running']")
    expect(page.get_by_text("Glad you are here")).to_be_visible()
    first_next.click()
    wait_for_run(page)
    expect(page.get_by_text("Newsletter")).to_be_visible()
    wait_for_run(page)
    expect(page.get_by_text("Step 2 of 3: Options")).to_be_visible()
