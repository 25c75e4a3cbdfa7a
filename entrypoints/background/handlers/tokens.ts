import { recordUrl } from '@/utils/monetate';
import { targetOf } from '@/entrypoints/background/target';
import type { Handler } from '@/entrypoints/background/handlers/types';

export const getToken: Handler<'token.get'> = async ({ fresh }, { services }) => {
  const profile = await services.activeProfile();
  const token = await services.tokens.get(profile.id, { fresh });
  return { ...token, alg: profile.alg };
};

/** A curl command for one look-up, with the current token, ready to paste in a terminal. */
export const buildCurl: Handler<'curl.build'> = async ({ dataset, id }, { services }) => {
  const profile = await services.activeProfile();
  const token = await services.tokens.get(profile.id);
  // The ID as a look-up sends it: trimmed, otherwise exact.
  const url = recordUrl(targetOf(profile), dataset, id.trim());
  return { command: `curl -sS -H ${shellQuote(`Authorization: Token ${token.token}`)} ${shellQuote(url)}` };
};

/** POSIX single quoting: safe for any ID a person may type. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
