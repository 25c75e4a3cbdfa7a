import { z } from 'zod';

/** Signing algorithms Monetate's Auth API accepts. */
export const SIGNING_ALGORITHMS = ['RS256', 'RS384', 'RS512'] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

export const DEFAULT_BASE_URL = 'https://api.monetate.net';
export const TOKEN_TTL_MIN = 600;
export const TOKEN_TTL_MAX = 43200;
export const TOKEN_TTL_DEFAULT = 3600;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True for the hosts the local build may use without TLS. */
export function isLoopbackUrl(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname);
}

/** Base URLs that point at Monetate itself, where writes ask for confirmation by default. */
export function isProductionBaseUrl(baseUrl: string): boolean {
  try {
    const host = new URL(baseUrl).hostname;
    return host === 'monetate.net' || host.endsWith('.monetate.net');
  } catch {
    return false;
  }
}

const baseUrlSchema = z
  .string()
  .trim()
  .min(1, 'Enter the API base URL, for example https://api.monetate.net.')
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Enter a full URL starting with https://, for example https://api.monetate.net.' });
      return;
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackUrl(url))) {
      ctx.addIssue({ code: 'custom', message: 'Use https:// (plain http:// is allowed only for 127.0.0.1 or localhost).' });
    }
    if (url.search || url.hash || url.username || url.password) {
      ctx.addIssue({ code: 'custom', message: 'Enter only the scheme and host, for example https://api.monetate.net.' });
    }
  })
  .transform((value) => value.replace(/\/+$/, ''));

/** What a person types into the profile form, validated before anything is saved. */
export const profileInputSchema = z.object({
  name: z.string().trim().min(1, 'Give the profile a name, for example "Acme production".').max(60, 'Keep the name under 60 characters.'),
  baseUrl: baseUrlSchema,
  retailer: z
    .string()
    .trim()
    .min(1, 'Enter the retailer shortname Monetate gave you, for example acme.')
    .max(64, 'A retailer shortname is at most 64 characters.')
    .regex(/^[a-z0-9][a-z0-9_-]*$/, 'Use the retailer shortname as Monetate shows it: lower-case letters, digits, - and _ (for example acme).'),
  username: z
    .string()
    .trim()
    .min(1, 'Enter the API username, for example api-123-jane.')
    .max(150, 'An API username is at most 150 characters.')
    .regex(/^[A-Za-z0-9][A-Za-z0-9._@+-]*$/, 'Use the API username exactly as Monetate shows it (letters, digits, . _ @ + -, no spaces).'),
  ttlSeconds: z.coerce
    .number({ message: 'Enter the token lifetime in seconds.' })
    .int('Enter a whole number of seconds.')
    .min(TOKEN_TTL_MIN, `Monetate accepts token lifetimes from ${TOKEN_TTL_MIN} to ${TOKEN_TTL_MAX} seconds.`)
    .max(TOKEN_TTL_MAX, `Monetate accepts token lifetimes from ${TOKEN_TTL_MIN} to ${TOKEN_TTL_MAX} seconds.`),
  alg: z.enum(SIGNING_ALGORITHMS),
  readOnly: z.boolean(),
  confirmWrites: z.boolean(),
  defaultDataset: z
    .string()
    .trim()
    .max(64)
    .regex(/^([A-Za-z][A-Za-z0-9_-]*)?$/, 'A dataset name begins with a letter and has letters, digits, - and _.')
    .optional(),
});

export type ProfileInput = z.infer<typeof profileInputSchema>;
export type ProfileInputDraft = z.input<typeof profileInputSchema>;

export const profileSchema = profileInputSchema.extend({
  id: z.string().min(1),
  createdAt: z.number(),
});

/** A stored profile. It never holds secrets: the key lives in the profile's encrypted vault. */
export type Profile = z.infer<typeof profileSchema>;

/**
 * Validates form input; returns the clean profile input or a message per field.
 * @example validateProfileInput({ ...draft, retailer: 'Acme!' }).errors.retailer
 */
export function validateProfileInput(
  draft: unknown,
): { ok: true; value: ProfileInput } | { ok: false; errors: Partial<Record<keyof ProfileInput | 'form', string>> } {
  const parsed = profileInputSchema.safeParse(draft);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: Partial<Record<keyof ProfileInput | 'form', string>> = {};
  for (const issue of parsed.error.issues) {
    const key = (issue.path[0] as keyof ProfileInput | undefined) ?? 'form';
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

/** The defaults of a new profile; "confirm every write" starts on for Monetate's own hosts. */
export function newProfileDraft(baseUrl: string = DEFAULT_BASE_URL): ProfileInputDraft {
  return {
    name: '',
    baseUrl,
    retailer: '',
    username: '',
    ttlSeconds: TOKEN_TTL_DEFAULT,
    alg: 'RS256',
    readOnly: false,
    confirmWrites: isProductionBaseUrl(baseUrl),
    defaultDataset: '',
  };
}
