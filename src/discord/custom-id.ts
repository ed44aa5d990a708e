/**
 * custom_id layout: `<command>:<action>[:<arg>...]`. The command name routes the interaction to the
 * file that owns it; action and args carry the state, so buttons keep working after a restart.
 */
export interface CustomId {
  command: string;
  action: string;
  args: string[];
}

export const CUSTOM_ID_MAX = 100;
const SEPARATOR = ':';

export function customId(command: string, action: string, ...args: Array<string | number>): string {
  const parts = [command, action, ...args.map(String)];
  for (const part of parts) {
    if (part.includes(SEPARATOR)) throw new Error(`custom_id part ${JSON.stringify(part)} contains "${SEPARATOR}"`);
  }
  const id = parts.join(SEPARATOR);
  if (id.length > CUSTOM_ID_MAX) throw new Error(`custom_id is ${id.length} characters (max ${CUSTOM_ID_MAX}): ${id}`);
  return id;
}

export function parseCustomId(id: string): CustomId {
  const [command = '', action = '', ...args] = id.split(SEPARATOR);
  return { command, action, args };
}
