/**
 * A SUBSET of the Teams app manifest schema v1.17
 * (https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.schema.json), written by hand
 * because the real schema cannot be fetched at packaging time (no network) and was not available to copy
 * faithfully. It covers what our manifest uses and what that schema requires of it: the required
 * top-level fields, the developer/name/description/icons objects, GUID ids, https URLs, the colour
 * format, and the bots section (one bot, scopes, up to three command lists of up to ten commands with
 * the schema's length limits). Unknown top-level properties are refused, as in the real schema. It is not
 * a substitute for the real schema: the Teams Developer Portal validates the full one on upload.
 */
const guid = { type: 'string', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' };
const httpsUrl = { type: 'string', maxLength: 2048, pattern: '^[Hh][Tt][Tt][Pp][Ss]?://' };
const relativePath = { type: 'string', maxLength: 2048, pattern: '^(?![a-zA-Z]+://)' };
const scope = { enum: ['team', 'personal', 'groupChat', 'groupchat'] };

export const MANIFEST_SCHEMA_SUBSET = {
  $id: 'moodmusic-teams-manifest-v1.17-subset',
  type: 'object',
  additionalProperties: false,
  required: ['manifestVersion', 'version', 'id', 'developer', 'name', 'description', 'icons', 'accentColor'],
  properties: {
    $schema: { type: 'string', pattern: '^https://developer\\.microsoft\\.com/(en-us/)?json-schemas/teams/v1\\.17/MicrosoftTeams\\.schema\\.json$' },
    manifestVersion: { const: '1.17' },
    version: { type: 'string', maxLength: 256, pattern: '^([0-9]|[1-9][0-9]*)\\.([0-9]|[1-9][0-9]*)\\.([0-9]|[1-9][0-9]*)$' },
    id: guid,
    packageName: { type: 'string', maxLength: 64 },
    developer: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'websiteUrl', 'privacyUrl', 'termsOfUseUrl'],
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 32 },
        mpnId: { type: 'string', maxLength: 10 },
        websiteUrl: httpsUrl,
        privacyUrl: httpsUrl,
        termsOfUseUrl: httpsUrl,
      },
    },
    name: {
      type: 'object',
      additionalProperties: false,
      required: ['short'],
      properties: { short: { type: 'string', minLength: 1, maxLength: 30 }, full: { type: 'string', maxLength: 100 } },
    },
    description: {
      type: 'object',
      additionalProperties: false,
      required: ['short', 'full'],
      properties: { short: { type: 'string', minLength: 1, maxLength: 80 }, full: { type: 'string', minLength: 1, maxLength: 4000 } },
    },
    icons: {
      type: 'object',
      additionalProperties: false,
      required: ['outline', 'color'],
      properties: { outline: relativePath, color: relativePath },
    },
    accentColor: { type: 'string', pattern: '^#[0-9a-fA-F]{6}$' },
    bots: {
      type: 'array',
      maxItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['botId', 'scopes'],
        properties: {
          botId: guid,
          needsChannelSelector: { type: 'boolean' },
          isNotificationOnly: { type: 'boolean' },
          supportsFiles: { type: 'boolean' },
          supportsCalling: { type: 'boolean' },
          supportsVideo: { type: 'boolean' },
          scopes: { type: 'array', minItems: 1, maxItems: 3, uniqueItems: true, items: scope },
          commandLists: {
            type: 'array',
            maxItems: 3,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['scopes', 'commands'],
              properties: {
                scopes: { type: 'array', maxItems: 3, items: scope },
                commands: {
                  type: 'array',
                  maxItems: 10,
                  items: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['title', 'description'],
                    properties: { title: { type: 'string', maxLength: 32 }, description: { type: 'string', maxLength: 128 } },
                  },
                },
              },
            },
          },
        },
      },
    },
    permissions: { type: 'array', uniqueItems: true, items: { enum: ['identity', 'messageTeamMembers'] } },
    validDomains: {
      type: 'array',
      maxItems: 16,
      uniqueItems: true,
      items: { type: 'string', maxLength: 2048, pattern: '^(\\*\\.)?[a-zA-Z0-9.-]+(:[0-9]+)?(/.*)?$' },
    },
  },
} as const;
