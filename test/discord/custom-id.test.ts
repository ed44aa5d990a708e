import { describe, expect, it } from 'vitest';
import { customId, parseCustomId } from '../../src/discord/custom-id.ts';

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
