import { Routes, type APIGuildScheduledEvent } from 'discord.js';
import type { REST } from '@discordjs/rest';
import type { Catalog } from '../catalog/catalog.ts';
import { renderAnnouncement, renderPoll, renderScheduledEvent } from '../cards/watchparty-card.ts';
import type { PollMessenger } from '../watchparty/poll-board.ts';
import { counted } from '../watchparty/poll.ts';

/** No mention in a poll message or result pings anyone: hosts and winners are named, not called. */
const NO_PINGS = { parse: [] as never[] };

/**
 * The watch-party board's way to Discord outside an interaction: renders with the watch-party
 * cards and sends with the bot's REST client, on the channel and guild routes (an interaction
 * token lasts 15 minutes; a poll may stay open for days).
 */
export function restPollMessenger(rest: REST, catalog: Catalog): PollMessenger {
  return {
    async editPoll(poll) {
      if (!poll.messageId) return;
      await rest.patch(Routes.channelMessage(poll.channelId, poll.messageId), {
        body: { ...renderPoll(counted(poll), catalog), allowed_mentions: NO_PINGS },
      });
    },
    async announce(poll) {
      await rest.post(Routes.channelMessages(poll.channelId), {
        body: {
          content: renderAnnouncement(counted(poll), catalog),
          allowed_mentions: NO_PINGS,
          ...(poll.messageId ? { message_reference: { message_id: poll.messageId, fail_if_not_exists: false } } : {}),
        },
      });
    },
    async createEvent(poll) {
      const event = (await rest.post(Routes.guildScheduledEvents(poll.guildId), {
        body: renderScheduledEvent(counted(poll), catalog),
        reason: 'Watch party result',
      })) as APIGuildScheduledEvent;
      return event.id;
    },
  };
}
