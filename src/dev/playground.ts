import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startBot } from '../bot.ts';
import { parseConfig } from '../config.ts';
import { deployCommands } from '../deploy-commands.ts';
import { createLogger } from '../logger.ts';
import { PROJECT_ROOT } from '../paths.ts';
import { createOpenApiValidator } from './fake-discord/openapi-validator.ts';
import {
  choiceNames,
  FakeDiscord,
  type ActAs,
  type FakeMessage,
  type InteractionResult,
  type Json,
} from './fake-discord/server.ts';
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
  back             act on the message before the last one (the card under a private list)
  fill score: 8 review: Loved it      fill in and send the form the bot opened (cancel to drop it)
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

  // Messages one can act on, newest last; `last` is the one `press` and `pick` use.
  const history: FakeMessage[] = [];
  let last: FakeMessage | undefined;
  const actOn = (message: FakeMessage) => {
    if (history.at(-1)?.id !== message.id) history.push(message);
    last = message;
  };
  let form: Json | undefined;
  const as: ActAs = { user: 1, permissions: 'member', locale: 'en-US' };
  let seenViolations = 0;

  const show = async (result: InteractionResult) => {
    const callback = await result.callback();
    if (callback.type === 9) {
      form = callback.data!;
      print(renderForm(form));
      return;
    }
    const message = await result.reply();
    // A private answer without buttons (a vote's confirmation) leaves the poll as the one to act on.
    if (message.components.length || !(message.flags & 64)) actOn(message);
    print(renderMessage(message));
    await fake.idle();
    for (const f of result.followUpsSoFar()) {
      actOn(f);
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
      /^back$/,
      () => {
        const at = last ? history.findIndex((m) => m.id === last!.id) : -1;
        if (at <= 0) return print('There is no earlier message to go back to.');
        last = history[at - 1]!;
        print(renderMessage(fake.messages.get(last.id) ?? last));
      },
    ],
    [
      /^cancel$/,
      () => {
        if (!form) return print('There is no open form.');
        form = undefined;
        print('(form closed, nothing sent)');
      },
    ],
    [
      /^fill\b(.*)$/,
      async (m) => {
        if (!form) return print('There is no open form: press a button that opens one first.');
        const inputs = formInputs(form);
        const fields = parseNamedValues(
          m[1]!.trim(),
          inputs.map((i) => i.custom_id as string),
        );
        const missing = inputs.filter((i) => i.required && !fields[i.custom_id]);
        if (missing.length) return print(`The form needs ${missing.map((i) => i.custom_id).join(', ')}.`);
        const tooLong = inputs.find(
          (i) => i.max_length !== undefined && (fields[i.custom_id] ?? '').length > i.max_length,
        );
        if (tooLong) return print(`${tooLong.custom_id} takes at most ${tooLong.max_length} characters.`);
        const sent = form;
        form = undefined;
        await show(fake.submitModal(sent.custom_id, fields, as));
      },
    ],
    [
      /^press (\d+)$/,
      async (m) => {
        const button = last && nthButton(fake.messages.get(last.id) ?? last, Number(m[1]));
        if (!last || !button)
          return print(
            `There is no such button on the last reply.${history.length > 1 ? ' Type back to act on the message before it.' : ''}`,
          );
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
    const parsed = parseCommandLine(line, fake.commandsFor(), as.locale);
    if (parsed.focused && parsed.focusedChoices) {
      // Options with fixed choices have no autocomplete: Discord shows the list itself.
      const typed = parsed.options[parsed.focused]!.toLowerCase();
      const names = parsed.focusedChoices.filter((n) => n.toLowerCase().includes(typed));
      print(names.length ? names.map((n, i) => `  ${i + 1}. ${n}`).join('\n') : '  (no such choice)');
      return;
    }
    if (parsed.focused) {
      const choices = await fake.autocomplete(parsed.path, parsed.options, parsed.focused, as);
      print(choices.length ? choices.map((c, i) => `  ${i + 1}. ${c.name}`).join('\n') : '  (no suggestions)');
      return;
    }
    await show(fake.command(parsed.path, parsed.options, as));
  }
}

/** The text inputs of a form (modal), in order. */
function formInputs(form: Json): Json[] {
  return ((form.components ?? []) as Json[]).flatMap((row) => (row.components ?? []) as Json[]);
}

function renderForm(form: Json): string {
  const fields = formInputs(form).map(
    (i) => `  ${i.custom_id}: ${i.label}${i.max_length ? `, at most ${i.max_length} characters` : ''}`,
  );
  const example = formInputs(form)
    .map((i) => `${i.custom_id}: …`)
    .join(' ');
  return [`── form: ${form.title} ──`, ...fields, `Fill it in with: fill ${example}   (or cancel)`].join('\n');
}

/** "score: 8 review: Loved it" → { score: '8', review: 'Loved it' } in typed order, for the names given only. */
function parseNamedValues(text: string, names: string[]): Record<string, string> {
  const marker = new RegExp(`(?:^|\\s)(${names.map((n) => n.replace(/[^\w-]/g, '')).join('|') || '$^'}):\\s*`, 'g');
  const found = [...text.matchAll(marker)];
  const values: Record<string, string> = {};
  found.forEach((m, i) => {
    values[m[1]!] = text.slice(m.index! + m[0].length, found[i + 1]?.index ?? text.length).trim();
  });
  return values;
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
  locale = 'en-US',
): { path: string; options: Record<string, string>; focused?: string; focusedChoices?: string[] } {
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
  const options = parseNamedValues(rest, names);
  const given = Object.keys(options);
  if (rest && !given.length)
    throw new Error(`Write options as name: value (options here: ${names.join(', ') || 'none'})`);
  // "name: val?" on the last option asks for its autocomplete.
  const lastName = given.at(-1);
  let focused: string | undefined;
  if (lastName && options[lastName]!.endsWith('?')) {
    focused = lastName;
    options[lastName] = options[lastName]!.slice(0, -1).trim();
  }
  const focusedDef = (level.options ?? []).find((o: Json) => o.name === focused);
  return {
    path: path.join(' '),
    options,
    ...(focused ? { focused } : {}),
    ...(focusedDef?.choices?.length ? { focusedChoices: choiceNames(focusedDef, locale) } : {}),
  };
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
