// Filling the form renderer's fields the way a person does, one helper per field kind. Each takes
// the answer path (`basic.techName`, `awards.items.0.name`) and finds the input by its
// `field-<path>` test id; antd's pop-ups (Select, Cascader, TreeSelect, DatePicker) are driven by
// clicks and typing, never by setting values behind React's back.
import type { Locator, Page, Response } from 'playwright-core';

const field = (page: Page, path: string): Locator => page.getByTestId(`field-${path}`).first();

/** The pop-up antd opened last (it stays in the DOM, hidden, after it closes). */
const openDropdown = (page: Page, cls: string): Locator => page.locator(`.${cls}:not(.${cls}-hidden)`).last();

/** Waits until an opened pop-up has finished its entry animation (clicks during it may be lost). */
async function settled(dropdown: Locator): Promise<void> {
  await dropdown.waitFor({ state: 'visible' });
  await dropdown.page().waitForFunction(
    (el) => !!el && !/-(enter|appear)\b/.test(el.className) && el.getAnimations({ subtree: true }).every((a) => a.playState !== 'running'),
    await dropdown.elementHandle(),
  );
}

/** Text and long text: replaces what is there. */
export async function fillText(page: Page, path: string, text: string): Promise<void> {
  const input = field(page, path);
  await input.scrollIntoViewIfNeeded();
  await input.fill(text);
}

/** The live 字 counter under a text ("415/600字"), and whether it shows as over the limit. */
export async function counter(page: Page, path: string): Promise<{ text: string; over: boolean }> {
  const c = page.getByTestId(`count-${path}`).first();
  await c.waitFor({ state: 'visible' });
  return { text: ((await c.textContent()) ?? '').trim(), over: /\blv-count-over\b/.test((await c.getAttribute('class')) ?? '') };
}

/** A number (InputNumber). */
export async function fillNumber(page: Page, path: string, n: number): Promise<void> {
  const input = field(page, path);
  await input.scrollIntoViewIfNeeded();
  await input.fill(String(n));
  await input.blur();
}

/** A choice shown as radios (single) or checkboxes (multiple): clicks each label. */
export async function pickChoice(page: Page, path: string, ...labels: string[]): Promise<void> {
  const group = field(page, path);
  await group.scrollIntoViewIfNeeded();
  for (const label of labels) {
    await group.getByText(label, { exact: true }).first().click();
  }
}

/** Chooses an option of an open antd Select by its visible text (exact, or a prefix as with TRL "7 — …"). */
async function clickOption(page: Page, text: string | RegExp): Promise<void> {
  const dropdown = openDropdown(page, 'ant-select-dropdown');
  await settled(dropdown);
  const option = dropdown.locator('.ant-select-item-option').filter({ hasText: text }).first();
  await option.click();
}

/** A Select (a choice with many options, TRL, a year-table choice cell): open it, click the option. */
export async function pickSelect(page: Page, path: string, option: string | RegExp): Promise<void> {
  const select = field(page, path);
  await select.scrollIntoViewIfNeeded();
  await select.click();
  await clickOption(page, option);
}

/** 技术成熟度: TRL 1–9, each option "7 — <what the level means>". */
export async function pickTrl(page: Page, path: string, level: number): Promise<void> {
  await pickSelect(page, path, new RegExp(`^${level} — `));
}

/** A region (GB/T 2260) cascader: clicks province, city, county names in turn. */
export async function pickCascader(page: Page, pathOrTestId: string, names: string[]): Promise<void> {
  const root = page.getByTestId(pathOrTestId.startsWith('org-') ? pathOrTestId : `field-${pathOrTestId}`).first();
  await root.scrollIntoViewIfNeeded();
  await root.click();
  const dropdown = openDropdown(page, 'ant-cascader-dropdown');
  await settled(dropdown);
  for (const [level, name] of names.entries()) {
    const item = dropdown.locator('.ant-cascader-menu').nth(level).locator(`.ant-cascader-menu-item[title="${name}"]`);
    await item.click();
    if (level < names.length - 1) await dropdown.locator('.ant-cascader-menu').nth(level + 1).waitFor({ state: 'visible' });
  }
  // A cascader that may stop above the last level (changeOnSelect) stays open: close it.
  if (await dropdown.isVisible()) await page.keyboard.press('Escape');
}

/** An industry tree (GB/T 4754): types each code into the search and clicks the node it finds. */
export async function pickIndustry(page: Page, path: string, codes: string[]): Promise<void> {
  const select = field(page, path);
  await select.scrollIntoViewIfNeeded();
  for (const code of codes) {
    await select.click();
    await select.locator('input').first().fill(code);
    const dropdown = openDropdown(page, 'ant-select-dropdown');
    await settled(dropdown);
    await dropdown.locator('.ant-select-tree-title').filter({ hasText: new RegExp(`^${code} `) }).first().click();
  }
  if (await openDropdown(page, 'ant-select-dropdown').isVisible()) await page.keyboard.press('Escape');
}

/** A DatePicker (day, month or year precision): types the date in the picker's format and confirms. */
export async function pickDate(page: Page, path: string, text: string): Promise<void> {
  // antd puts the test id on the picker's own input.
  const input = field(page, path);
  await input.scrollIntoViewIfNeeded();
  await input.click();
  await input.fill(text);
  await input.press('Enter');
  await openDropdown(page, 'ant-picker-dropdown').waitFor({ state: 'hidden', timeout: 5_000 });
  if ((await input.inputValue()) !== text) throw new Error(`the date picker field-${path} shows "${await input.inputValue()}", not "${text}"`);
}

/** 承诺申明: ticks the declaration. */
export async function tick(page: Page, path: string): Promise<void> {
  const box = field(page, path);
  await box.scrollIntoViewIfNeeded();
  await box.check();
}

/** Adds an item to a repeating group; returns its index. */
export async function addItem(page: Page, groupPath: string): Promise<number> {
  const before = await page.locator(`[data-testid^="item-${groupPath}."]`).count();
  await page.getByTestId(`add-${groupPath}`).click();
  await page.getByTestId(`item-${groupPath}.${before}`).waitFor({ state: 'visible' });
  return before;
}

/**
 * Uploads files into a file field (or a signature's `…stamp.file`) through its real file input and
 * waits until each shows in the list. `files` are paths on disk.
 */
export async function uploadFile(page: Page, path: string, files: string[]): Promise<void> {
  const box = field(page, path);
  await box.scrollIntoViewIfNeeded();
  const fieldPath = path.endsWith('.file') ? path.slice(0, -'.file'.length) : path;
  const rows = page.getByTestId(`file-${fieldPath}`);
  const before = await rows.count();
  await box.locator('input[type=file]').setInputFiles(files);
  await rows.nth(before + files.length - 1).waitFor({ state: 'visible', timeout: 15_000 });
}

/** A signature: the scan of the stamped page and the date on it. */
export async function sign(page: Page, path: string, file: string, date: string): Promise<void> {
  await uploadFile(page, `${path}.file`, [file]);
  await pickDate(page, `${path}.date`, date);
}

/** The autosave indicator's state (saved, pending, saving, invalid, stale, error) and text. */
export async function saveStatus(page: Page): Promise<{ state: string; text: string }> {
  const s = page.getByTestId('save-status');
  return { state: (await s.getAttribute('data-state')) ?? '', text: ((await s.textContent()) ?? '').trim() };
}

/**
 * Waits until autosave reaches a state ('saved' by default), up to `timeout` ms. 'saved' also
 * waits until this browser holds no unsaved local copy, so an edit made just before is included.
 */
export async function waitForSave(page: Page, state = 'saved', timeout = 15_000): Promise<void> {
  await page.locator(`[data-testid="save-status"][data-state="${state}"]`).waitFor({ state: 'visible', timeout });
  if (state === 'saved') {
    await page.waitForFunction(() => !Object.keys(localStorage).some((k) => k.startsWith('lvping.draft.')), undefined, { timeout });
  }
}

/** The next autosave request of this page (PUT …/draft) and the server's answer to it. */
export function nextDraftSave(page: Page, applicationId: string): Promise<Response> {
  return page.waitForResponse((r) => r.url().endsWith(`/api/applications/${applicationId}/draft`) && r.request().method() === 'PUT', { timeout: 15_000 });
}

/**
 * Chooses an option of the antd Select that opened last, by the text it shows. It types the text
 * first: the option list is virtual, so an option below the fold is not in the page at all.
 */
export async function chooseTypedOption(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
  const dropdown = openDropdown(page, 'ant-select-dropdown');
  await dropdown.waitFor({ state: 'visible' });
  await dropdown.locator('.ant-select-item-option').filter({ hasText: text }).first().click();
}

/** Types a date or a Beijing time into the antd picker of this test id and confirms it. */
export async function typeInPicker(page: Page, testId: string, text: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(text);
  await input.press('Enter');
  await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').waitFor({ state: 'hidden' });
}
