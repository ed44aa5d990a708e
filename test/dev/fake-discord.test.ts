import { describe, expect, it } from 'vitest';
import { embedCharacters, messageLimitProblems } from '../../src/dev/fake-discord/discord-limits.ts';
import { createOpenApiValidator } from '../../src/dev/fake-discord/openapi-validator.ts';

const validate = createOpenApiValidator();
const CALLBACK = 'POST /interactions/{interaction_id}/{interaction_token}/callback';

describe('the OpenAPI validator of the local Discord server', () => {
  it('accepts a well-formed reply', () => {
    expect(
      validate(CALLBACK, {
        type: 4,
        data: {
          content: 'hi',
          embeds: [{ title: 'Vincenzo', fields: [{ name: 'Year', value: '2021' }] }],
          allowed_mentions: { parse: [] },
        },
      }),
    ).toEqual([]);
  });

  it.each([
    ['an embed title over 256 characters', { type: 4, data: { embeds: [{ title: 'x'.repeat(257) }] } }, /title/],
    [
      'a description over 4096 characters',
      { type: 4, data: { embeds: [{ description: 'x'.repeat(4097) }] } },
      /description/,
    ],
    [
      'more than 25 fields',
      { type: 4, data: { embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'a', value: 'b' })) }] } },
      /fields/,
    ],
    [
      'a field value over 1024 characters',
      { type: 4, data: { embeds: [{ fields: [{ name: 'a', value: 'x'.repeat(1025) }] }] } },
      /value/,
    ],
    [
      'a custom_id over 100 characters',
      {
        type: 4,
        data: {
          components: [{ type: 1, components: [{ type: 2, style: 1, label: 'x', custom_id: 'x'.repeat(101) }] }],
        },
      },
      /custom_id/,
    ],
    [
      'six buttons in a row',
      {
        type: 4,
        data: {
          components: [
            {
              type: 1,
              components: Array.from({ length: 6 }, (_, i) => ({ type: 2, style: 1, label: 'x', custom_id: `b${i}` })),
            },
          ],
        },
      },
      /components/,
    ],
    [
      '26 autocomplete choices',
      { type: 8, data: { choices: Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: `c${i}` })) } },
      /choices/,
    ],
    [
      'an autocomplete choice name over 100 characters',
      { type: 8, data: { choices: [{ name: 'x'.repeat(101), value: 'x' }] } },
      /name/,
    ],
  ])('rejects %s', (_what, body, where) => {
    const problems = validate(CALLBACK, body);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(where);
  });
});

describe('Discord limits the spec does not express', () => {
  it('counts embed characters the way Discord does (title, description, fields, footer, author)', () => {
    expect(
      embedCharacters([
        {
          title: 'ab',
          description: 'cd',
          fields: [{ name: 'e', value: 'f' }],
          footer: { text: 'g' },
          author: { name: 'h' },
        },
      ]),
    ).toBe(8);
  });
  it('flags more than 6000 characters in one message, more than 5 rows, and a missing allowed_mentions', () => {
    const embeds = [{ description: 'x'.repeat(4000) }, { description: 'x'.repeat(2001) }];
    const rows = Array.from({ length: 6 }, () => ({ type: 1, components: [{ type: 2 }] }));
    const problems = messageLimitProblems({ embeds, components: rows }, { requireAllowedMentions: true });
    expect(problems).toEqual([
      "embeds hold 6001 characters (Discord's limit per message is 6000)",
      '6 action rows (max 5)',
      'allowed_mentions is missing: echoed input could ping @everyone, roles or users',
    ]);
  });
});
