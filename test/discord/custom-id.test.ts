import { describe, expect, it } from 'vitest';
import { action, customId, defineActions, parseCustomId } from '../../src/discord/custom-id.ts';

describe('custom ids', () => {
  it('round-trips command, action and arguments', () => {
    expect(parseCustomId(customId('drama', 'cast', 'soundtrack-1', 2))).toEqual({
      command: 'drama',
      action: 'cast',
      args: ['soundtrack-1', '2'],
    });
  });
  it('refuses ids longer than Discord allows (100) instead of sending them', () => {
    expect(() => customId('drama', 'cast', 'x'.repeat(95))).toThrow(/max 100/);
  });
  it('refuses arguments that contain the separator', () => {
    expect(() => customId('drama', 'cast', 'a:b')).toThrow(/contains ":"/);
  });
});

describe('typed actions', () => {
  const sample = defineActions('sample', {
    open: action(
      'open',
      (id: string) => [id],
      ([id]) => (id ? { id } : undefined),
    ),
    page: action(
      'page',
      (page: number) => [page],
      ([page]) => (/^\d+$/.test(page ?? '') ? { page: Number(page) } : undefined),
    ),
  });

  it('writes a custom_id and reads the same action back', () => {
    expect(sample.open('vincenzo')).toBe('sample:open:vincenzo');
    expect(sample.decode(parseCustomId(sample.open('vincenzo')))).toEqual({ name: 'open', id: 'vincenzo' });
    expect(sample.decode(parseCustomId(sample.page(3)))).toEqual({ name: 'page', page: 3 });
  });

  it('reads nothing from an id it did not write: another command, an unknown action, bad arguments', () => {
    expect(sample.decode(parseCustomId('other:open:vincenzo'))).toBeUndefined();
    expect(sample.decode(parseCustomId('sample:gone:1'))).toBeUndefined();
    expect(sample.decode(parseCustomId('sample:page:two'))).toBeUndefined();
    expect(sample.decode(parseCustomId('sample:open'))).toBeUndefined();
  });

  it('keeps the 100-character limit', () => {
    expect(() => sample.open('x'.repeat(95))).toThrow(/max 100/);
  });
});
