import { describe, expect, it } from 'vitest';
import { readDataset } from '../../src/data/load-catalog.ts';
import { CARD_LOCALES } from '../support/every-card.ts';
import { matchesGolden } from '../support/golden.ts';
import { cardOutputs } from '../support/golden-outputs.ts';

/**
 * Every card the bot renders from the catalog against the stored JSON (test/fixtures/golden/,
 * first written by the engine the compiled catalog replaced, issue 17). After an intended change
 * of the cards: `npm run golden:update`, then review the diff (see test/support/golden.ts).
 */
describe('cards of the shipped catalog', () => {
  it('are byte-identical to the stored JSON for every card kind, drama, person and song, in English and Korean', () => {
    const { dramas, people } = readDataset('data');
    const golden = cardOutputs(dramas, people);
    // Every kind, for every record: a card, cast, episodes, OST, similar, autocomplete and did-you-mean a drama…
    expect(golden.size).toBeGreaterThan(CARD_LOCALES.length * (dramas.length * 7 + people.length * 4));
    matchesGolden('cards', golden);
  });
});
