import { z } from 'zod';
import { MONETATE_API_ORIGIN } from '@/utils/hosts';
import { checkApiBaseUrl } from '@/utils/profiles/api-base-url';
import { isProductionBaseUrl } from '@/utils/profiles/write-review';

/** Signing algorithms Monetate's Auth API accepts. */
export const SIGNING_ALGORITHMS = ['RS256', 'RS384', 'RS512'] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

export const DEFAULT_BASE_URL = MONETATE_API_ORIGIN;
export const TOKEN_TTL_MIN = 600;
export const TOKEN_TTL_MAX = 43200;
export const TOKEN_TTL_DEFAULT = 3600;

// Zod-free, so UI bundles can ask the rule without this module's schemas.
export { isProductionBaseUrl, writesNeedReview } from '@/utils/profiles/write-review';

// The shape only; what a base URL may be is `checkApiBaseUrl`, applied by `validateProfileInput`.
const baseUrlSchema = z.string().trim();

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
    .regex(/^([A-Za-z][A-Za-z0-9 _-]*)?$/, 'A dataset name begins with a letter and has letters, digits, spaces, - and _.')
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

export type ProfileErrors = Partial<Record<keyof ProfileInput | 'form', string>>;

/**
 * Validates form input, the API base URL by the one rule (`checkApiBaseUrl`) of this build;
 * returns the clean profile input (base URL normalized to scheme and host) or a message per
 * field. `needsPermission` says the base URL is an https host other than Monetate's, which the
 * user must grant before the background sends it anything.
 * @example validateProfileInput({ ...draft, retailer: 'Acme!' }, { localBuild: false }).errors.retailer
 */
export function validateProfileInput(
  draft: unknown,
  options: { localBuild: boolean },
): { ok: true; value: ProfileInput; needsPermission: boolean } | { ok: false; errors: ProfileErrors } {
  const parsed = profileInputSchema.safeParse(draft);
  const errors: ProfileErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = (issue.path[0] as keyof ProfileInput | undefined) ?? 'form';
      errors[key] ??= issue.message;
    }
  }
  const rawBaseUrl = (draft as { baseUrl?: unknown } | null)?.baseUrl;
  const baseUrl = checkApiBaseUrl(typeof rawBaseUrl === 'string' ? rawBaseUrl : '', options);
  if (!baseUrl.ok) errors.baseUrl ??= baseUrl.message;
  if (!parsed.success || !baseUrl.ok) return { ok: false, errors };
  return { ok: true, value: { ...parsed.data, baseUrl: baseUrl.origin }, needsPermission: baseUrl.needsPermission };
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
