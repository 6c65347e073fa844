// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { I18nProvider } from '../../../components/i18n';
import { reactRoot } from './react-root';
import { RulesPanel } from '../../../components/options/rules-panel';
import { DEFAULT_TYPOS } from '../../../lib/checks/defaults';
import type { Locale } from '../../../lib/i18n';
import { STORAGE_KEYS } from '../../../lib/ui/storage-keys';

const dom = reactRoot();

async function render(locale: Locale = 'zh-CN') {
  await act(async () => dom.root.render(<I18nProvider locale={locale}>{<RulesPanel />}</I18nProvider>));
  // The stored config is read asynchronously.
  await act(async () => new Promise((r) => setTimeout(r, 0)));
}

/** Types into a React-controlled input the way a person would (value setter + input event). */
async function type(input: HTMLInputElement, value: string) {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const q = <E extends Element = HTMLElement>(selector: string) => dom.container.querySelector<E & HTMLElement>(selector);
const qa = <E extends Element = HTMLElement>(selector: string) => [...dom.container.querySelectorAll<E & HTMLElement>(selector)];
const click = async (el: HTMLElement | null) => act(async () => el!.click());
const errorOf = (input: HTMLElement) => {
  const id = input.getAttribute('aria-describedby');
  return id ? (dom.container.querySelector(`#${CSS.escape(id)}`)?.textContent ?? null) : null;
};

async function stored() {
  return (await browser.storage.local.get(STORAGE_KEYS.checkConfig))[STORAGE_KEYS.checkConfig];
}

describe('Rules page: typo table', () => {
  it('lists the built-in typos, adds a row, checks it beside its fields and saves the table', async () => {
    await render();
    expect(qa('[data-testid="typo-row"]')).toHaveLength(DEFAULT_TYPOS.length);
    await click(q('[data-testid="typo-add"]'));
    const n = DEFAULT_TYPOS.length;
    const wrong = q<HTMLInputElement>(`input[data-row="${n}"][data-field="wrong"]`)!;
    const right = q<HTMLInputElement>(`input[data-row="${n}"][data-field="right"]`)!;
    expect(wrong.getAttribute('aria-label')).toBe(`第 ${n + 1} 行 错误写法`);

    // The same typo as row 1: said at once, beside the field.
    await type(wrong, '设各');
    expect(wrong.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(wrong)).toBe('与第 1 行重复。');

    // The same as its correction.
    await type(wrong, '自平');
    await type(right, '自平');
    expect(errorOf(right)).toBe('与错误写法相同，请填写正确的写法。');
    await type(right, '自评');
    expect(right.getAttribute('aria-invalid')).toBeNull();

    await click(q('[data-testid="rules-save"]'));
    const config = (await stored()) as { rules: { 'text.typo': { typos: { wrong: string; right: string }[] } } };
    expect(config.rules['text.typo'].typos).toHaveLength(n + 1);
    expect(config.rules['text.typo'].typos.at(-1)).toMatchObject({ wrong: '自平', right: '自评' });
  });

  it('refuses to save an empty row, says where, and stores nothing', async () => {
    await render();
    await click(q('[data-testid="typo-add"]'));
    const n = DEFAULT_TYPOS.length;
    const wrong = q<HTMLInputElement>(`input[data-row="${n}"][data-field="wrong"]`)!;
    // Not yet left: no message for an empty field.
    expect(wrong.getAttribute('aria-invalid')).toBeNull();
    await click(q('[data-testid="rules-save"]'));
    expect(errorOf(wrong)).toBe('请填写。');
    expect(dom.container.querySelector('[role="alert"]')?.textContent).toContain('有 2 处设置需要修改');
    expect(await stored()).toBeUndefined();
    // Removing the row clears it.
    await click(q(`button[data-row="${n}"][data-field="remove"]`));
    expect(qa('[data-testid="typo-row"]')).toHaveLength(n);
    // Back to what is saved: nothing to save.
    expect(q<HTMLButtonElement>('[data-testid="rules-save"]')!.disabled).toBe(true);
    expect(await stored()).toBeUndefined();
  });

  it('says what to do when the table is emptied (English)', async () => {
    await render('en');
    for (let i = DEFAULT_TYPOS.length - 1; i >= 0; i--) await click(q(`button[data-row="${i}"][data-field="remove"]`));
    expect(q('[data-testid="typo-empty"]')?.textContent).toContain('The typo table is empty');
  });
});

describe('Rules page: per-一级 weights', () => {
  it('shows one input per 一级 of the profile and the sum against the total as it is typed', async () => {
    await render();
    const inputs = qa<HTMLInputElement>('[data-testid="weights-editor"] input[data-level1]');
    expect(inputs.map((i) => i.dataset.level1)).toEqual(['产出指标', '效益指标', '满意度指标']);
    const status = () => q('[data-testid="weights-status"]')!;
    expect(status().dataset.state).toBe('none');

    await type(inputs[0]!, '50');
    await type(inputs[1]!, '30');
    expect(q('[data-testid="weights-sum"]')?.textContent).toBe('80 / 100');
    expect(status().textContent).toContain('其余 20 由未设定的一级分配');

    await type(inputs[2]!, '10');
    expect(status().dataset.state).toBe('mismatch');
    expect(status().textContent).toContain('各一级合计为 90，应等于总分 100');
    await click(q('[data-testid="rules-save"]'));
    expect(await stored()).toBeUndefined();

    await type(inputs[0]!, '60');
    expect(status().dataset.state).toBe('ok');
    await click(q('[data-testid="rules-save"]'));
    expect(await stored()).toEqual({ rules: { 'weights.sum': { perLevel1: { 产出指标: 60, 效益指标: 30, 满意度指标: 10 } } } });
  });

  it('names an unreadable weight beside its field', async () => {
    await render();
    const input = qa<HTMLInputElement>('[data-testid="weights-editor"] input[data-level1]')[1]!;
    await type(input, '三十');
    expect(errorOf(input)).toContain('请填写数字');
  });

  it('follows the chosen profile: 成本指标 gets its own input in the 2021 layout', async () => {
    await browser.storage.local.set({ [STORAGE_KEYS.checkConfig]: { profile: 'central-2021', rules: { 'weights.sum': { perLevel1: { 成本: 10 } } } } });
    await render();
    const inputs = qa<HTMLInputElement>('[data-testid="weights-editor"] input[data-level1]');
    expect(inputs.map((i) => i.dataset.level1)).toEqual(['产出指标', '效益指标', '满意度指标', '成本指标']);
    expect(inputs[3]!.value).toBe('10');
  });
});
