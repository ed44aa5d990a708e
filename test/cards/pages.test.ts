import { describe, expect, it } from 'vitest';
import { clampPage, pagerRow, paginate, renderPage } from '../../src/cards/pages.ts';

const items = (n: number, section?: string, length = 50) =>
  Array.from({ length: n }, (_, i) => ({
    ...(section ? { section } : {}),
    text: `${String(i).padStart(3, '0')} ${'x'.repeat(length)}`,
  }));

describe('paginate', () => {
  it('keeps every item whole and in order across pages', () => {
    const all = items(100, undefined, 120);
    const pages = paginate(all, { maxItems: 15, maxChars: 1000 });
    expect(pages.flat()).toEqual(all);
    for (const page of pages)
      expect(page.map((i) => i.text.length + 1).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1000);
    // 124 characters and a newline each: 8 fit in 1000.
    expect(pages.length).toBe(Math.ceil(100 / 8));
  });

  it('stops at the item limit when items are short', () => {
    expect(paginate(items(31), { maxItems: 15, maxChars: 10_000 }).map((p) => p.length)).toEqual([15, 15, 1]);
  });

  it('gives one empty page for an empty list', () => {
    expect(paginate([])).toEqual([[]]);
  });

  it('shortens an item longer than a page instead of splitting it', () => {
    const [page] = paginate([{ text: 'y'.repeat(5_000) }], { maxItems: 10, maxChars: 1_000 });
    expect(page![0]!.text.length).toBeLessThanOrEqual(800);
    expect(page![0]!.text.endsWith('…')).toBe(true);
  });
});

describe('renderPage', () => {
  it('puts a heading where a section starts and marks a section that continues from the previous page', () => {
    const pages = paginate([...items(3, 'Main cast'), ...items(3, 'Cameos')], { maxItems: 4, maxChars: 10_000 });
    expect(renderPage(pages, 0, 'en-US').split('\n')).toEqual([
      '**Main cast**',
      expect.stringMatching(/^000/),
      expect.stringMatching(/^001/),
      expect.stringMatching(/^002/),
      '',
      '**Cameos**',
      expect.stringMatching(/^000/),
    ]);
    expect(renderPage(pages, 1, 'en-US').split('\n')[0]).toBe('**Cameos (continued)**');
    expect(renderPage(pages, 1, 'ko').split('\n')[0]).toBe('**Cameos (계속)**');
  });
});

describe('page buttons', () => {
  it('shows no buttons for a single page', () => {
    expect(pagerRow((p) => `x:${p}`, 0, 1, 'en-US')).toEqual([]);
  });

  it('disables Previous on the first page and Next on the last, with distinct custom_ids', () => {
    const [first] = pagerRow((p) => `x:${p}`, 0, 3, 'en-US');
    expect(first!.components).toMatchObject([{ custom_id: 'x:-1', disabled: true }, { custom_id: 'x:1' }]);
    const [last] = pagerRow((p) => `x:${p}`, 2, 3, 'ko');
    expect(last!.components).toMatchObject([
      { custom_id: 'x:1', label: '◀ 이전' },
      { custom_id: 'x:3', label: '다음 ▶', disabled: true },
    ]);
  });

  it('clamps a page number from an old button into the list as it is now', () => {
    expect(clampPage(-1, 3)).toBe(0);
    expect(clampPage(9, 3)).toBe(2);
    expect(clampPage('junk', 3)).toBe(0);
    expect(clampPage(0, 0)).toBe(0);
  });
});
