import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startBot } from '../bot.ts';
import { parseConfig } from '../config.ts';
import { deployCommands } from '../deploy-commands.ts';
import { createLogger } from '../logger.ts';
import { PROJECT_ROOT } from '../paths.ts';
import { createOpenApiValidator } from './fake-discord/openapi-validator.ts';
import { FakeDiscord, type ActAs, type FakeMessage, type InteractionResult, type Json } from './fake-discord/server.ts';
import { nthButton, renderMessage, selectOption } from './render-message.ts';

export interface PlaygroundOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  commandsDir?: string;
  dataDir?: string;
  databaseUrl?: string;
}

const HELP = `Type a slash command with its options, as in Discord:
  /drama info title: Soundtrack #1
End with ? to see autocomplete for the last option:   /cast name: park hy?
Then act on the last reply:
  press 2          press button [2]          pick a3      choose option (a3) of a menu
  locale ko        answer as a Korean client (locale en to go back)
  as admin         act as a member with Manage Server (as member to go back; as member 2 to be someone else)
  show             the last message as it is now (a poll's tally after votes)
  commands         list the commands          help         this text          exit         quit`;

/**
 * `npm run playground`: the real bot against the local Discord server, driven from a prompt.
 * No token and no network beyond 127.0.0.1.
 */
export async function runPlayground({
  input,
  output,
  commandsDir,
  dataDir,
  databaseUrl,
}: PlaygroundOptions): Promise<void> {
  const print = (text: string) => output.write(`${text}\n`);
  const fake = await new FakeDiscord({ validateBody: createOpenApiValidator() }).start();
  const config = parseConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_GUILD_ID: fake.guild.id,
    DATABASE_URL: databaseUrl ?? `sqlite://${join(PROJECT_ROOT, 'data', 'playground.sqlite')}`,
    DATA_DIR: dataDir ?? join(PROJECT_ROOT, 'data'),
    LOG_LEVEL: 'warn',
  });
  const logger = createLogger({ level: 'warn', secrets: [fake.token], write: (line) => print(`(log) ${line}`) });
  const bot = await startBot({ config, logger, ...(commandsDir ? { commandsDir } : {}) });
  await deployCommands(config, bot.commands, 'deploy');
  print(
    `dramabot playground: the bot is logged in to a local Discord at ${fake.apiUrl} (server "${fake.guild.name}").`,
  );
  print(HELP);

  let last: FakeMessage | undefined;
  const as: ActAs = { user: 1, permissions: 'member', locale: 'en-US' };
  let seenViolations = 0;

  const show = async (result: InteractionResult) => {
    const callback = await result.callback();
    if (callback.type === 9) {
      print(`(the bot opened a form "${callback.data?.title}": forms cannot be filled in here)`);
      return;
    }
    const message = await result.reply();
    // A private answer without buttons (a vote's confirmation) leaves the poll as the one to act on.
    if (message.components.length || !(message.flags & 64)) last = message;
    print(renderMessage(message));
    await fake.idle();
    for (const f of result.followUpsSoFar()) {
      last = f;
      print(renderMessage(f));
    }
  };

  const handlers: Array<[RegExp, (m: RegExpExecArray) => unknown]> = [
    [/^(help|\?)$/, () => print(HELP)],
    [
      /^commands$/,
      () =>
        print(
          fake
            .commandsFor()
            .map((c) => `/${c.name} — ${c.description}${describeOptions(c)}`)
            .join('\n'),
        ),
    ],
    [/^locale (\S+)$/, (m) => Object.assign(as, { locale: m[1] === 'ko' ? 'ko' : m[1] === 'en' ? 'en-US' : m[1] })],
    [/^as admin$/, () => Object.assign(as, { permissions: 'manager' })],
    [/^as member(?: (\d+))?$/, (m) => Object.assign(as, { permissions: 'member', user: Number(m[1] ?? 1) })],
    [/^show$/, () => print(last ? renderMessage(fake.messages.get(last.id) ?? last) : 'Nothing to show yet.')],
    [
      /^press (\d+)$/,
      async (m) => {
        const button = last && nthButton(last, Number(m[1]));
        if (!last || !button) return print('There is no such button on the last reply.');
        if (button.url) return print(`That button opens ${button.url}`);
        await show(fake.click(last, button.custom_id, as));
      },
    ],
    [
      /^pick ([a-z]\d+)$/,
      async (m) => {
        const choice = last && selectOption(last, m[1]!);
        if (!last || !choice) return print('There is no such menu option on the last reply.');
        await show(fake.select(last, [choice.value], choice.menu.custom_id, as));
      },
    ],
  ];

  const lines = createInterface({ input, terminal: false });
  output.write('> ');
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === 'exit' || line === 'quit') break;
    try {
      if (line.startsWith('/')) await runCommandLine(line);
      else if (line) {
        const handler = handlers.find(([pattern]) => pattern.test(line));
        if (handler) await handler[1](handler[0].exec(line)!);
        else print(`Unknown input. ${HELP.split('\n')[0]}`);
      }
    } catch (error) {
      print(`(${(error as Error).message})`);
    }
    for (const v of fake.violations.slice(seenViolations))
      print(`⚠ Discord would reject this (${v.route}): ${v.problems.join('; ')}`);
    seenViolations = fake.violations.length;
    output.write('> ');
  }
  await bot.stop();
  await fake.close();
  print('bye');

  async function runCommandLine(line: string) {
    const parsed = parseCommandLine(line, fake.commandsFor());
    if (parsed.focused) {
      const choices = await fake.autocomplete(parsed.path, parsed.options, parsed.focused, as);
      print(choices.length ? choices.map((c, i) => `  ${i + 1}. ${c.name}`).join('\n') : '  (no suggestions)');
      return;
    }
    await show(fake.command(parsed.path, parsed.options, as));
  }
}

function describeOptions(command: Json): string {
  const subs = (command.options ?? []).filter((o: Json) => o.type === 1);
  if (subs.length)
    return subs
      .map(
        (s: Json) =>
          `\n    ${s.name}${(s.options ?? []).map((o: Json) => ` ${o.required ? '' : '['}${o.name}:${o.required ? '' : ']'}`).join('')}`,
      )
      .join('');
  return (command.options ?? [])
    .map((o: Json) => ` ${o.required ? '' : '['}${o.name}:${o.required ? '' : ']'}`)
    .join('');
}

/**
 * "/drama info title: Soundtrack #1 year: 2022" → path "/drama info", options {title, year}.
 * Option names are only recognized when the command really has them, so values may hold colons.
 */
export function parseCommandLine(
  line: string,
  commands: Json[],
): { path: string; options: Record<string, string>; focused?: string } {
  const words = line.slice(1).split(/\s+/);
  const command = commands.find((c) => c.name === words[0]);
  if (!command) throw new Error(`Unknown command /${words[0]}. Type "commands" to list them.`);
  let level: Json = command;
  const path = [`/${command.name}`];
  let rest = line.slice(1 + words[0]!.length).trim();
  for (;;) {
    const next = /^(\S+)/.exec(rest)?.[1];
    const sub = (level.options ?? []).find((o: Json) => (o.type === 1 || o.type === 2) && o.name === next);
    if (!sub) break;
    path.push(sub.name);
    level = sub;
    rest = rest.slice(next!.length).trim();
  }
  const names = (level.options ?? []).map((o: Json) => o.name as string);
  const options: Record<string, string> = {};
  let focused: string | undefined;
  const marker = new RegExp(
    `(?:^|\\s)(${names.map((n: string) => n.replace(/[^\w-]/g, '')).join('|') || '$^'}):\\s*`,
    'g',
  );
  const found = [...rest.matchAll(marker)];
  if (rest && !found.length)
    throw new Error(`Write options as name: value (options here: ${names.join(', ') || 'none'})`);
  found.forEach((m, i) => {
    const end = found[i + 1]?.index ?? rest.length;
    let value = rest.slice(m.index! + m[0].length, end).trim();
    if (i === found.length - 1 && value.endsWith('?')) {
      value = value.slice(0, -1).trim();
      focused = m[1];
    }
    options[m[1]!] = value;
  });
  return { path: path.join(' '), options, ...(focused ? { focused } : {}) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runPlayground({ input: process.stdin, output: process.stdout }).then(
    () => process.exit(0),
    (error: Error) => {
      process.stderr.write(`playground: ${error.message}\n`);
      process.exit(1);
    },
  );
}
