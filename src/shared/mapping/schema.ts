import { z } from 'zod';
import { checkHttpsUrl, type UrlRole } from '../api/validators';

// A process validates a mapping once or a few times (and a state file, an API message): zod's JIT, which compiles
// each object schema into a function made from source text at its first parse, costs more than it saves at that
// count (the first load of a mapping: 16 ms with it, 11 ms without, measured from the CLI's sources). Set here, where
// every reader of a mapping passes, for the whole process; and so no code is ever made from text.
z.config({ jitless: true });

/**
 * Mapping file v1: the contract between the workbench, the `plek-sync` CLI and Plek's server-side daily sync.
 * Every object is strict, so a misspelt key (or a secret someone tried to paste in) is refused with its path.
 * The JSON Schema in resources/schema/mapping.v1.json is generated from these definitions (`npm run schema`).
 */

const expression = z
  .string()
  .min(1)
  .describe(
    'An expression in the Plek mapping language, e.g. Join(" ", [Roepnaam], [Achternaam]). See docs/expressions.md.',
  );

const attributeName = z.string().min(1).max(200);

/** The one URL rule (https, http only for loopback, no user-info) as a zod check, so app and CLI refuse alike. */
function httpsUrlIssue(role: UrlRole) {
  return (value: string, ctx: z.RefinementCtx) => {
    const r = checkHttpsUrl(value, role);
    // The refusal rides along as data, so a screen words it in its language (src/shared/mapping/load.ts).
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.reason, params: { refusal: r.refusal } });
  };
}

export const NULL_POLICIES = ['keep', 'overwrite', 'fillIfEmpty'] as const;
export const ENCODINGS = ['auto', 'utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const;
export const DELIMITERS = ['auto', ';', ',', '\t', '|'] as const;

export const csvSourceSchema = z
  .object({
    kind: z.literal('csv'),
    path: z
      .string()
      .min(1)
      .optional()
      .describe('The HR export, relative to the mapping file. The CLI --source flag overrides it.'),
    encoding: z
      .enum(ENCODINGS)
      .default('auto')
      .describe('auto = byte-order mark, else strict UTF-8, else Windows-1252.'),
    delimiter: z.enum(DELIMITERS).default('auto'),
  })
  .strict();

export const ldapSourceSchema = z
  .object({
    kind: z.literal('ldap'),
    url: z
      .string()
      .regex(/^ldaps?:\/\/[^\s/:]+(?::\d+)?\/?$/i, 'must be ldap://host[:port] or ldaps://host[:port]')
      .describe('ldaps://dc1.corp.example or ldap://dc1.corp.example (StartTLS is then required).'),
    flavor: z.enum(['ad', 'openldap']).default('ad').describe('Picks default filter and attribute handling.'),
    startTls: z.boolean().default(true).describe('For ldap:// URLs: upgrade with StartTLS (on by default).'),
    bindDn: z
      .string()
      .min(1)
      .describe('DN or UPN (consultant@corp.example). The password is never stored here.'),
    baseDn: z.string().min(1),
    scope: z.enum(['sub', 'one']).default('sub'),
    filter: z.string().min(1).optional().describe('LDAP filter; defaults depend on flavor.'),
    attributes: z
      .array(attributeName)
      .optional()
      .describe('Attributes to read; default: all user attributes.'),
    caFile: z
      .string()
      .min(1)
      .optional()
      .describe('PEM file with the CA that signed the directory certificate.'),
    pinnedFingerprint: z
      .string()
      .regex(
        /^(?:[0-9A-F]{2}:){31}[0-9A-F]{2}$/,
        'SHA-256 fingerprint as 32 upper-case hex pairs separated by colons',
      )
      .optional()
      .describe('Trust exactly this certificate (SHA-256), after the consultant saw its subject and issuer.'),
    pageSize: z.number().int().min(100).max(1000).default(500),
    timeoutMs: z.number().int().min(1000).max(600_000).default(30_000),
    followReferrals: z.boolean().default(false),
  })
  .strict();

/**
 * An http(s) URL for an API source, by the one URL rule of app and CLI (`checkHttpsUrl`): https, plain http only
 * on this computer (emulators, tunnels), no user name or password in it. The readers check it again before any
 * request.
 */
const apiUrl = z.string().superRefine(httpsUrlIssue('api'));

/** True for URLs the API sources may call (the one URL rule). */
export function isAllowedApiUrl(value: string): boolean {
  return checkHttpsUrl(value).ok;
}

const apiTimeout = z
  .number()
  .int()
  .min(1000)
  .max(600_000)
  .default(30_000)
  .describe('How long one request may take before it is retried (milliseconds).');

const apiRetries = z
  .number()
  .int()
  .min(0)
  .max(10)
  .default(4)
  .describe('Retries per request on 429, 5xx and network errors (with backoff, honouring Retry-After).');

export const PERSONIO_DEFAULT_URL = 'https://api.personio.de';

export const personioSourceSchema = z
  .object({
    kind: z.literal('personio'),
    baseUrl: apiUrl.default(PERSONIO_DEFAULT_URL).describe('Personio API base URL.'),
    clientId: z
      .string()
      .min(1)
      .max(500)
      .describe(
        'Client ID of the Personio API credential. The client secret is never stored here: the app keeps it in its secret store, the CLI reads PLEK_SOURCE_SECRET.',
      ),
    pageSize: z
      .number()
      .int()
      .min(1)
      .max(50)
      .default(50)
      .describe('Persons per page (Personio allows 1–50).'),
    employments: z
      .boolean()
      .default(true)
      .describe(
        'Read each person’s current employment (status, dates, position, supervisor) as employment.*',
      ),
    concurrency: z
      .number()
      .int()
      .min(1)
      .max(16)
      .default(6)
      .describe('Employment requests in flight at once; lower it when Personio answers 429 often.'),
    timeoutMs: apiTimeout,
    retries: apiRetries,
  })
  .strict();

export const afasSourceSchema = z
  .object({
    kind: z.literal('afas'),
    baseUrl: apiUrl.describe(
      'Profit REST services of the environment, e.g. https://12345.rest.afas.online/ProfitRestServices',
    ),
    connector: z
      .string()
      .regex(/^[\w.-]{1,200}$/, 'the GetConnector id: letters, digits, _ . -')
      .describe('The GetConnector the customer published for Plek.'),
    pageSize: z.number().int().min(1).max(10_000).default(1000).describe('Rows per request (take).'),
    orderBy: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe(
        'Field id to sort on (AFAS advises a unique field when reading with skip/take), e.g. Medewerker.',
      ),
    timeoutMs: apiTimeout,
    retries: apiRetries,
  })
  .strict();

const fieldPath = z
  .string()
  .max(300)
  .regex(/^(?:[^.\s][^.]*(?:\.[^.\s][^.]*)*)?$/, 'a dotted path such as data or meta.next_cursor');

export const restAuthSchema = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('oauth2'),
        tokenUrl: apiUrl.describe('OAuth2 token endpoint (client credentials grant).'),
        clientId: z.string().min(1).max(500),
        scope: z.string().max(1000).optional(),
      })
      .strict(),
    z.object({ kind: z.literal('bearer') }).strict(),
    z
      .object({
        kind: z.literal('apiKey'),
        header: z
          .string()
          .regex(/^[\w-]{1,100}$/, 'a header name such as X-Api-Key')
          .describe('Request header that carries the key.'),
      })
      .strict(),
    z.object({ kind: z.literal('none') }).strict(),
  ])
  .describe('The secret (client secret, token or key) comes from the secret store or PLEK_SOURCE_SECRET.');

export const restPagingSchema = z
  .discriminatedUnion('style', [
    z.object({ style: z.literal('none') }).strict(),
    z
      .object({
        style: z.literal('offset'),
        offsetParam: z.string().min(1).default('offset'),
        limitParam: z.string().min(1).default('limit'),
        pageSize: z.number().int().min(1).max(10_000).default(100),
      })
      .strict(),
    z
      .object({
        style: z.literal('page'),
        pageParam: z.string().min(1).default('page'),
        sizeParam: z.string().min(1).default('per_page'),
        pageSize: z.number().int().min(1).max(10_000).default(100),
        firstPage: z.number().int().min(0).max(1).default(1),
      })
      .strict(),
    z
      .object({
        style: z.literal('cursor'),
        cursorParam: z.string().min(1).default('cursor'),
        cursorPath: fieldPath
          .min(1)
          .describe('Where the next cursor is in the response, e.g. meta.next_cursor.'),
        sizeParam: z.string().min(1).optional(),
        pageSize: z.number().int().min(1).max(10_000).default(100),
      })
      .strict(),
    z
      .object({
        style: z.literal('nextLink'),
        nextPath: fieldPath
          .min(1)
          .describe('Where the URL of the next page is, e.g. links.next or _meta.links.next.href.'),
      })
      .strict(),
  ])
  .describe('How the API splits the records over pages.');

export const restSourceSchema = z
  .object({
    kind: z.literal('rest'),
    url: apiUrl.describe('The URL that lists the people (first page).'),
    auth: restAuthSchema,
    recordsPath: fieldPath
      .default('')
      .describe(
        'Where the records are in each response, e.g. data or _data; empty = the response is the list.',
      ),
    paging: restPagingSchema.default({ style: 'none' }),
    totalPath: fieldPath
      .min(1)
      .optional()
      .describe('Where the API says how many records there are (for progress, and to refuse a short read).'),
    query: z
      .record(z.string().min(1).max(100), z.string().max(1000))
      .optional()
      .describe('Extra query parameters for every request (a filter, a fields list); never a secret.'),
    timeoutMs: apiTimeout,
    retries: apiRetries,
  })
  .strict();

export const API_SOURCE_KINDS = ['personio', 'afas', 'rest'] as const;
export type ApiSourceKind = (typeof API_SOURCE_KINDS)[number];

/** The file and directory sources (what the workbench's source channels carry today). */
export const sourceSchema = z.discriminatedUnion('kind', [csvSourceSchema, ldapSourceSchema]);

/** Every source a mapping file may name: a CSV export, a directory, or an HR application's API. */
export const mappingSourceSchema = z.discriminatedUnion('kind', [
  csvSourceSchema,
  ldapSourceSchema,
  personioSourceSchema,
  afasSourceSchema,
  restSourceSchema,
]);

export const fieldMappingSchema = z
  .object({
    expression,
    nullPolicy: z
      .enum(NULL_POLICIES)
      .default('keep')
      .describe(
        'keep: an empty source value never clears Plek; overwrite: it clears; fillIfEmpty: only fill an empty Plek value.',
      ),
    description: z.string().optional(),
  })
  .strict();

export const valueMapSchema = z
  .object({
    entries: z
      .record(z.string(), z.string())
      .describe('Source value → Plek value; matched after trimming, case-insensitively.'),
    default: z
      .string()
      .nullable()
      .optional()
      .describe('Result for an unlisted value; omitted = keep the input.'),
  })
  .strict();

export const deactivationSchema = z
  .object({
    endDate: expression
      .optional()
      .describe(
        'Expression giving the last working day (a date). Before today → deactivate; later → leaving on that date.',
      ),
    inactiveWhen: expression
      .optional()
      .describe('Boolean expression; true → deactivate (e.g. [Status] = "Inactief").'),
  })
  .strict()
  .describe('Deactivation is driven by a source value only; absence from the export never deactivates.');

export const activationSchema = z
  .object({
    startDate: expression
      .optional()
      .describe(
        'Expression giving the first working day (a date). A joiner whose start date lies more than daysAhead days after today is not created yet (listed as starting later).',
      ),
    daysAhead: z
      .number()
      .int()
      .min(0)
      .max(3650)
      .nullable()
      .default(0)
      .describe(
        'Create the account this many days before the start date (0 = on the start date); null = ignore start dates.',
      ),
  })
  .strict()
  .describe('Joiners: when an account is created, driven by the start date in the source.');

/** Used when a mapping names no time zone: "today" is the date in this zone, whatever the computer says. */
export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

/** True for an IANA time zone name this JavaScript runtime knows ("Europe/Amsterdam", "UTC"). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const groupRuleSchema = z
  .object({
    group: z.string().min(1).describe('Plek group display name.'),
    field: z
      .string()
      .min(1)
      .describe('A mapped Plek profile field (group rules work on profile fields only).'),
    in: z
      .array(z.string())
      .min(1)
      .describe('The user is added when the field equals one of these (trimmed, case-insensitive).'),
    description: z.string().optional(),
  })
  .strict();

const loginPart = z.union([
  z.object({ field: z.string().min(1), part: z.enum(['full', 'firstLetter']).default('full') }).strict(),
  z.literal('none'),
]);

export const loginSchemaSchema = z
  .object({
    target: z
      .string()
      .min(1)
      .default('userName')
      .describe('The Plek field the generated login is written to.'),
    begin: z
      .object({ field: z.string().min(1), part: z.enum(['full', 'firstLetter']).default('full') })
      .strict(),
    separator: z.enum(['', '.', '_', '-']).default('.'),
    end: loginPart.default('none'),
    domain: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'a domain such as demo.com'),
    transliteration: z
      .enum(['strip', 'dach'])
      .default('strip')
      .describe('strip: ä→a; dach: ä→ae (German-speaking customers).'),
    collisionSuffixField: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Field appended as _<value> when two users would get the same login (default: the mapping key).',
      ),
  })
  .strict();

export const linkingSchema = z
  .object({
    matchOn: z.enum(['email', 'userName']).default('email'),
    ignoreInactive: z.boolean().default(true).describe('Inactive Plek accounts are never linked.'),
  })
  .strict()
  .describe(
    'Initial import: how existing Plek accounts are matched to source users before externalId is set.',
  );

export const safetySchema = z
  .object({
    maxDeactivateCount: z.number().int().min(0).default(25),
    maxDeactivatePercent: z.number().min(0).max(100).default(5),
    minSourceRowsPercent: z
      .number()
      .min(0)
      .max(100)
      .default(80)
      .describe(
        'Stop when the source holds fewer rows than this share of the previous run (a truncated export).',
      ),
  })
  .strict();

const writeStrategy = z
  .enum(['wholeAttribute', 'valuePath', 'detect'])
  .optional()
  .describe(
    'How multi-valued attributes (emails, phoneNumbers) are written. wholeAttribute (the default; Plek cannot process value-filter paths such as emails[type eq "work"].value): the whole attribute is replaced with the merged list, entries of other types kept. valuePath: PATCH through value-filter paths. detect: value-filter paths until the target refuses one (400 invalidPath/invalidFilter/noTarget).',
  );

export const targetSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('sandbox'), dataDir: z.string().optional(), writeStrategy }).strict(),
    z
      .object({
        kind: z.literal('scim'),
        baseUrl: z.string().superRefine(httpsUrlIssue('target')),
        tokenUrl: z
          .string()
          .superRefine(httpsUrlIssue('token'))
          .optional()
          .describe(
            'OAuth token endpoint. On another origin than baseUrl the client secret is sent there only after the consultant confirms that host (app) or passes --token-url (CLI).',
          ),
        clientId: z.string().min(1).optional(),
        writeStrategy,
      })
      .strict(),
  ])
  .describe(
    'Where the sync writes. Secrets come from the app secret store or PLEK_CLIENT_SECRET / PLEK_TOKEN.',
  );

export const customFieldSchema = z
  .object({
    name: z.string().regex(/^[A-Z]\w*$/i, 'letters, digits and _'),
    label: z.string().optional(),
    type: z.enum(['string', 'boolean']).default('string'),
  })
  .strict();

export const mappingFileSchema = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(1),
    name: z.string().min(1),
    description: z.string().optional(),
    source: mappingSourceSchema,
    mappingKey: z
      .object({
        attribute: attributeName.describe(
          'Source attribute that is unique and never changes (objectGUID, employee number).',
        ),
        birthDateAttribute: attributeName
          .optional()
          .describe(
            'Source attribute with the birth date, used only to recognise the same person when the key changes; never synced.',
          ),
      })
      .strict(),
    fields: z
      .record(z.string(), fieldMappingSchema)
      .describe('Target field (SCIM path) → expression. Key order is kept so diffs stay readable.'),
    scope: z
      .object({
        include: expression.describe('Boolean expression: rows where it is false are skipped with a reason.'),
      })
      .strict()
      .optional(),
    timeZone: z
      .string()
      .refine(isTimeZone, 'an IANA time zone such as "Europe/Amsterdam"')
      .optional()
      .describe(
        'Where "today" is decided (end dates, start dates, Today()); default Europe/Amsterdam, whatever the computer running the sync says.',
      ),
    deactivation: deactivationSchema.default({}),
    activation: activationSchema.optional(),
    groupRules: z.array(groupRuleSchema).default([]),
    loginSchema: loginSchemaSchema.optional(),
    linking: linkingSchema.default({ matchOn: 'email', ignoreInactive: true }),
    safety: safetySchema.default({
      maxDeactivateCount: 25,
      maxDeactivatePercent: 5,
      minSourceRowsPercent: 80,
    }),
    valueMaps: z.record(z.string(), valueMapSchema).default({}),
    customFields: z.array(customFieldSchema).default([]),
    target: targetSchema.optional(),
    layout: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('Graph editor state (node positions); opaque to the sync.'),
  })
  .strict();

/** A mapping file as written (defaults may be absent). */
export type MappingFileInput = z.input<typeof mappingFileSchema>;
/** A mapping file after validation, defaults filled in. */
export type MappingFile = z.output<typeof mappingFileSchema>;
export type CsvSource = z.output<typeof csvSourceSchema>;
export type LdapSource = z.output<typeof ldapSourceSchema>;
export type MappingSource = z.output<typeof mappingSourceSchema>;
export type PersonioSource = z.output<typeof personioSourceSchema>;
export type AfasSource = z.output<typeof afasSourceSchema>;
export type RestSource = z.output<typeof restSourceSchema>;
export type ApiSource = PersonioSource | AfasSource | RestSource;
export type FieldMapping = z.output<typeof fieldMappingSchema>;
export type GroupRule = z.output<typeof groupRuleSchema>;
export type LoginSchema = z.output<typeof loginSchemaSchema>;
export type DeactivationRule = z.output<typeof deactivationSchema>;
export type ActivationRule = z.output<typeof activationSchema>;
export type SafetyThresholds = z.output<typeof safetySchema>;
export type MappingTarget = z.output<typeof targetSchema>;
export type ValueMap = z.output<typeof valueMapSchema>;
export type NullPolicy = (typeof NULL_POLICIES)[number];
