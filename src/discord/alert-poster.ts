import type { REST } from '@discordjs/rest';
import { RESTJSONErrorCodes, Routes, type APIChannel } from 'discord.js';
import { type AlertPoster, PostRefused } from '../alerts/scheduler.ts';
import type { Catalog } from '../catalog/catalog.ts';
import { renderDigest, renderReminder } from '../cards/watchlist-cards.ts';

/**
 * Discord's answers that retrying will not change, as the words an admin reads in /alerts list.
 * Anything else (a 5xx, a timeout) is thrown as it is, and the scheduler tries again.
 */
const REFUSALS: Partial<Record<number, string>> = {
  [RESTJSONErrorCodes.MissingAccess]: 'the bot cannot see the channel (missing View Channel)',
  [RESTJSONErrorCodes.MissingPermissions]: 'missing Send Messages or Embed Links in the channel',
  [RESTJSONErrorCodes.UnknownChannel]: 'the channel was deleted',
  [RESTJSONErrorCodes.CannotSendMessagesToThisUser]: 'the member does not accept DMs from the bot',
  [RESTJSONErrorCodes.UnknownUser]: 'the member’s account is gone',
};

async function refusedOrThrown<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    // Read by its JSON code, not instanceof: discord.js may carry its own copy of @discordjs/rest.
    const code = (error as { code?: unknown }).code;
    const reason = typeof code === 'number' ? REFUSALS[code] : undefined;
    if (reason) throw new PostRefused(reason);
    throw error;
  }
}

/** Digests go to the server's channel; reminders to the member's DM channel (opened on the way). */
export function restAlertPoster(rest: REST, catalog: Catalog): AlertPoster {
  const lookup = (id: string) => catalog.drama(id);
  return {
    async postDigest(target, plan) {
      await refusedOrThrown(() =>
        rest.post(Routes.channelMessages(target.channelId), {
          body: renderDigest(plan, lookup, target.roleId, target.locale),
        }),
      );
    },
    async sendReminder(target, plan) {
      await refusedOrThrown(async () => {
        const dm = (await rest.post(Routes.userChannels(), { body: { recipient_id: target.userId } })) as APIChannel;
        await rest.post(Routes.channelMessages(dm.id), { body: renderReminder(plan, lookup, undefined) });
      });
    },
  };
}
