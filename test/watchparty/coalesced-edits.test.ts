import { describe, expect, it } from 'vitest';
import { CoalescedEdits } from '../../src/watchparty/coalesced-edits.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('coalesced message edits', () => {
  it('turns a burst of 200 requests into one edit showing the latest state', async () => {
    const sent: number[] = [];
    const edits = new CoalescedEdits(30, () => {});
    for (let i = 1; i <= 200; i++) edits.request('poll', async () => void sent.push(i));
    await sleep(80);
    expect(sent).toEqual([200]);
    expect(edits.busy).toBe(0);
  });

  it('sends requests that arrive during an edit one interval after it, in order, never two at once', async () => {
    const sent: number[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const edits = new CoalescedEdits(20, () => {});
    const send = (i: number) => async () => {
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      await sleep(30);
      sent.push(i);
      inFlight -= 1;
    };
    edits.request('poll', send(1));
    await sleep(30); // the first edit is on its way
    edits.request('poll', send(2));
    edits.request('poll', send(3));
    await sleep(150);
    expect(sent).toEqual([1, 3]);
    expect(maxInFlight).toBe(1);
  });

  it('sends the final edit after the one in flight and drops what was pending or comes later', async () => {
    const sent: string[] = [];
    const edits = new CoalescedEdits(10, () => {});
    edits.request('poll', async () => {
      await sleep(30);
      sent.push('tally');
    });
    await sleep(15);
    edits.request('poll', async () => void sent.push('stale tally'));
    await edits.final('poll', async () => void sent.push('final'));
    edits.request('poll', async () => void sent.push('too late'));
    await sleep(40);
    expect(sent).toEqual(['tally', 'final']);
  });

  it('reports a failed edit and keeps serving the key', async () => {
    const failures: string[] = [];
    const sent: string[] = [];
    const edits = new CoalescedEdits(5, (key) => failures.push(key));
    edits.request('poll', async () => {
      throw new Error('Missing Access');
    });
    await sleep(20);
    edits.request('poll', async () => void sent.push('ok'));
    await sleep(20);
    expect(failures).toEqual(['poll']);
    expect(sent).toEqual(['ok']);
  });

  it('flushes pending edits at once on shutdown', async () => {
    const sent: string[] = [];
    const edits = new CoalescedEdits(60_000, () => {});
    edits.request('a', async () => void sent.push('a'));
    edits.request('b', async () => void sent.push('b'));
    await edits.flush();
    expect(sent.sort()).toEqual(['a', 'b']);
  });
});
