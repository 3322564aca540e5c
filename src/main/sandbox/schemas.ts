import {
  CORE_USER_SCHEMA,
  ENTERPRISE_USER_SCHEMA,
  GROUP_SCHEMA,
  PLEK_PROFILE_SCHEMA,
} from '../../shared/scim/fields';

/** RFC 7643 §7 attribute definition, as served by /Schemas. */
export interface SchemaAttribute {
  name: string;
  type: 'string' | 'boolean' | 'complex' | 'reference' | 'dateTime' | 'integer';
  multiValued: boolean;
  description?: string;
  required: boolean;
  caseExact: boolean;
  mutability: 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
  returned: 'always' | 'never' | 'default' | 'request';
  uniqueness: 'none' | 'server' | 'global';
  subAttributes?: SchemaAttribute[];
  referenceTypes?: string[];
}

function attr(name: string, description: string, extra: Partial<SchemaAttribute> = {}): SchemaAttribute {
  return {
    name,
    type: 'string',
    multiValued: false,
    description,
    required: false,
    caseExact: false,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: 'none',
    ...extra,
  };
}

const multi = (name: string, description: string): SchemaAttribute =>
  attr(name, description, {
    type: 'complex',
    multiValued: true,
    subAttributes: [
      attr('value', `${description}: value`),
      attr('type', `${description}: work, home, mobile, other`),
      attr('primary', 'The primary value', { type: 'boolean' }),
    ],
  });

export const PLEK_PROFILE_ATTRIBUTES: readonly SchemaAttribute[] = [
  attr('location', 'Locatie'),
  attr('costCenter', 'Kostenplaats (Plek-profiel)'),
  attr('team', 'Team'),
  attr('bhv', 'BHV-er (bedrijfshulpverlener)', { type: 'boolean' }),
];

export const SCHEMAS = [
  {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
    id: CORE_USER_SCHEMA,
    name: 'User',
    description: 'User Account',
    attributes: [
      attr('userName', 'Unique identifier for the User', { required: true, uniqueness: 'server' }),
      attr('name', "The components of the user's name", {
        type: 'complex',
        subAttributes: [
          attr('formatted', 'Full name'),
          attr('familyName', 'Family name'),
          attr('givenName', 'Given name'),
          attr('middleName', 'Middle name / tussenvoegsel'),
        ],
      }),
      attr('displayName', 'Display name'),
      attr('nickName', 'Nickname'),
      attr('title', 'Job title'),
      attr('userType', 'User type'),
      attr('preferredLanguage', 'Preferred language'),
      attr('locale', 'Locale'),
      attr('active', 'Administrative status', { type: 'boolean' }),
      multi('emails', 'Email addresses'),
      multi('phoneNumbers', 'Phone numbers'),
      attr('groups', 'Groups the user belongs to', {
        type: 'complex',
        multiValued: true,
        mutability: 'readOnly',
        subAttributes: [attr('value', 'Group id', { mutability: 'readOnly' })],
      }),
    ],
    meta: { resourceType: 'Schema', location: `/Schemas/${CORE_USER_SCHEMA}` },
  },
  {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
    id: ENTERPRISE_USER_SCHEMA,
    name: 'EnterpriseUser',
    description: 'Enterprise User',
    attributes: [
      attr('employeeNumber', 'Employee number'),
      attr('costCenter', 'Cost center'),
      attr('organization', 'Organization'),
      attr('division', 'Division'),
      attr('department', 'Department'),
      attr('manager', "The user's manager", {
        type: 'complex',
        subAttributes: [attr('value', 'Manager id', { caseExact: true })],
      }),
    ],
    meta: { resourceType: 'Schema', location: `/Schemas/${ENTERPRISE_USER_SCHEMA}` },
  },
  {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
    id: PLEK_PROFILE_SCHEMA,
    name: 'PlekProfile',
    description: 'Plek profile fields (custom, per customer)',
    attributes: PLEK_PROFILE_ATTRIBUTES,
    meta: { resourceType: 'Schema', location: `/Schemas/${PLEK_PROFILE_SCHEMA}` },
  },
  {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
    id: GROUP_SCHEMA,
    name: 'Group',
    description: 'Group',
    attributes: [
      attr('displayName', 'Group name', { required: true }),
      attr('members', 'Members', {
        type: 'complex',
        multiValued: true,
        subAttributes: [attr('value', 'Member id', { caseExact: true }), attr('display', 'Member name')],
      }),
    ],
    meta: { resourceType: 'Schema', location: `/Schemas/${GROUP_SCHEMA}` },
  },
];

export const RESOURCE_TYPES = [
  {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
    id: 'User',
    name: 'User',
    endpoint: '/Users',
    schema: CORE_USER_SCHEMA,
    schemaExtensions: [
      { schema: ENTERPRISE_USER_SCHEMA, required: false },
      { schema: PLEK_PROFILE_SCHEMA, required: false },
    ],
    meta: { resourceType: 'ResourceType', location: '/ResourceTypes/User' },
  },
  {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
    id: 'Group',
    name: 'Group',
    endpoint: '/Groups',
    schema: GROUP_SCHEMA,
    meta: { resourceType: 'ResourceType', location: '/ResourceTypes/Group' },
  },
];

export const MAX_RESULTS = 1000;
export const BULK_MAX_OPERATIONS = 1000;

export const SERVICE_PROVIDER_CONFIG = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
  documentationUri: 'https://www.plek.co',
  patch: { supported: true },
  bulk: { supported: true, maxOperations: BULK_MAX_OPERATIONS, maxPayloadSize: 10_485_760 },
  filter: { supported: true, maxResults: MAX_RESULTS },
  changePassword: { supported: false },
  sort: { supported: false },
  etag: { supported: true },
  authenticationSchemes: [
    {
      type: 'oauthbearertoken',
      name: 'OAuth Bearer Token',
      description: 'OAuth2 client credentials at /oauth/token, or a static bearer token',
      primary: true,
    },
  ],
  meta: { resourceType: 'ServiceProviderConfig', location: '/ServiceProviderConfig' },
};
