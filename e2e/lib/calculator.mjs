// Page object for the calculator. Fields are found by their data-testid, which is the
// field's path in the scenario file (e.g. "standards.2.1.key_questions.desistance.yes").

export const RATINGS = ["Inadequate", "Requires improvement", "Good", "Outstanding"];
export const JUDGEMENT_STANDARDS = ["1.1", "1.2", "1.3", "1.4"];
export const CASE_STANDARDS = ["2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4"];
export const ALL_STANDARDS = [...JUDGEMENT_STANDARDS, ...CASE_STANDARDS];
/** Key question ids per case standard, in page order. */
export const KEY_QUESTIONS = Object.fromEntries(
  CASE_STANDARDS.map((id) => [id, id === "3.4" ? ["recommendations", "police"] : ["desistance", "safety", "others"]]),
);

export class Calculator {
  constructor(page) {
    this.page = page;
  }

  byTestId(id) {
    return this.page.getByTestId(id);
  }

  // Fields.
  countInput(standard, kq, which) {
    return this.byTestId(`standards.${standard}.key_questions.${kq}.${which}`);
  }
  casesInput(standard) {
    return this.byTestId(`standards.${standard}.cases`);
  }
  judgement(standard) {
    return this.byTestId(`standards.${standard}.judgement`);
  }
  /** The field's container (the GOV.UK "form group"): label, message and input. */
  container(field) {
    return field.locator("xpath=ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' count ')][1]");
  }
  fieldError(field) {
    return this.container(field).locator(".field-error");
  }

  // Discretion.
  discretionRadio(standard, n) {
    return this.byTestId(`discretion-${standard}-${n}`);
  }
  discretionReason(standard) {
    return this.byTestId(`standards.${standard}.discretion.reason`);
  }
  discretionFieldset(standard) {
    return this.page.locator(`#f-standards-${standard.replace(/\./g, "-")}-discretion`);
  }

  // Results.
  rating(standard) {
    return this.byTestId(`rating-${standard}`);
  }
  get overall() {
    return this.byTestId("overall");
  }
  get overallScore() {
    return this.byTestId("overall-score");
  }
  get overallRating() {
    return this.byTestId("overall-rating");
  }
  get live() {
    return this.byTestId("live");
  }
  subtotal(domain) {
    return this.byTestId(`domain-${domain}-subtotal`);
  }
  /** The notices of a kind (data-testid, e.g. "notice-info") holding `text`. */
  notice(kind, text) {
    const all = this.byTestId(kind);
    return text === undefined ? all : all.filter({ hasText: text });
  }
  get errorSummary() {
    return this.byTestId("error-summary");
  }

  // Scenario controls.
  get scenarioSelect() {
    return this.byTestId("scenario-select");
  }
  get scenarioName() {
    return this.byTestId("scenario-name");
  }
  button(id) {
    return this.byTestId(id);
  }
  /** Unfolds the scenario and file actions where a phone folds them. */
  async showActions() {
    const toggle = this.byTestId("actions-toggle");
    if ((await toggle.isVisible()) && (await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  }
  async loadExample() {
    await this.showActions();
    await this.button("load-example").click();
    await this.page.waitForFunction(() => document.querySelector("[data-testid=overall-score]")?.textContent === "16/36");
  }
  /** The scenario names in the switcher, in order. */
  async scenarioNames() {
    return this.scenarioSelect.locator("option").allInnerTexts();
  }
  async currentScenarioName() {
    return this.scenarioSelect.evaluate((s) => s.options[s.selectedIndex]?.textContent ?? null);
  }
  async rename(name) {
    await this.scenarioName.fill(name);
    await this.scenarioName.press("Enter");
    await this.scenarioName.blur();
  }
  async switchTo(name) {
    await this.scenarioSelect.selectOption({ label: name });
  }

  /** Types into an empty (or emptied) field with the keyboard, as a user would. */
  async type(field, text) {
    await field.click();
    await this.page.keyboard.press("Control+A");
    await this.page.keyboard.press("Backspace");
    if (text !== "") await this.page.keyboard.type(String(text));
  }

  /**
   * Enters a scenario file's standards through the page: judgements picked in the
   * selects, every count typed with the keyboard.
   */
  async enterScenario(scenario) {
    for (const [id, entry] of Object.entries(scenario.standards)) {
      if ("judgement" in entry) {
        await this.judgement(id).selectOption({ label: entry.judgement });
        continue;
      }
      await this.type(this.casesInput(id), entry.cases);
      for (const [kq, answers] of Object.entries(entry.key_questions || {})) {
        await this.type(this.countInput(id, kq, "relevant"), answers.relevant);
        await this.type(this.countInput(id, kq, "yes"), answers.yes);
      }
    }
  }

  /** The rating shown for a standard: the rating words alone (icon and score left out). */
  async ratingWords(standard) {
    return this.rating(standard).locator(".rating").first().evaluate((el) =>
      [...el.childNodes]
        .filter((n) => !(n.nodeType === 1 && n.classList.contains("icon")))
        .map((n) => n.textContent)
        .join("")
        .trim(),
    );
  }

  /**
   * Local storage as an object, once what autosave has not saved yet is saved (autosave
   * waits up to 0.4 s after a change, and saves at once when the page is left, as here).
   */
  async storage() {
    return this.page.evaluate(() => {
      window.dispatchEvent(new Event("pagehide"));
      return Object.fromEntries(Object.entries(localStorage));
    });
  }
}
