import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import SCIMMYRouters, { SCIMMY } from 'scimmy-routers';

/**
 * A SCIM server we did not write: SCIMMY (RFC 7643/7644 resource handling, filters, PATCH, paging, /Bulk) behind
 * its own Express routers, with an in-memory store. Only the storage callbacks below are ours; every protocol
 * decision — how PATCH paths resolve, what /Bulk answers (string `status`, `location` only), how lists page —
 * is SCIMMY's.
 */
export interface ScimmyServer {
  url: string;
  token: string;
  /** Stored users as SCIMMY handed them to us (ids assigned here). */
  users: Map<string, Record<string, unknown>>;
  groups: Map<string, Record<string, unknown>>;
  requests: { method: string; path: string }[];
  stop(): Promise<void>;
}

interface Store {
  users: Map<string, Record<string, unknown>>;
  groups: Map<string, Record<string, unknown>>;
  created: Map<string, string>;
}

let declared = false;

type Res = { id?: string; filter?: { match(v: unknown[]): unknown[] } };

function storeOf(ctx: unknown): Store {
  return ctx as Store;
}

function plain(v: unknown): Record<string, unknown> {
  // SCIMMY hands over schema instances; keep only their JSON form (drops meta/schemas it re-adds itself).
  const { meta: _m, schemas: _s, ...rest } = JSON.parse(JSON.stringify(v)) as Record<string, unknown>;
  return rest;
}

function conflict(kind: 'Users' | 'Groups', s: Store, data: Record<string, unknown>, selfId?: string): void {
  const field = kind === 'Users' ? 'userName' : 'displayName';
  const want = String(data[field] ?? '').toLowerCase();
  for (const [id, r] of kind === 'Users' ? s.users : s.groups)
    if (id !== selfId && String(r[field] ?? '').toLowerCase() === want)
      throw new SCIMMY.Types.Error(409, 'uniqueness', `${field} "${String(data[field])}" is already in use`);
}

function declare(): void {
  if (declared) return;
  declared = true;
  const { User, Group } = SCIMMY.Resources;
  User.extend(SCIMMY.Schemas.EnterpriseUser, false);
  // Plek's profile extension (urn:plek:…) cannot be declared: SCIMMY accepts only urn:ietf:params:scim:schemas:
  // URNs. Scenarios that run against SCIMMY therefore map core and enterprise fields only.
  const handlers = (kind: 'Users' | 'Groups') => ({
    ingress: (resource: Res, instance: unknown, ctx: unknown) => {
      const s = storeOf(ctx);
      const map = kind === 'Users' ? s.users : s.groups;
      const data = plain(instance);
      if (resource.id) {
        if (!map.has(resource.id))
          throw new SCIMMY.Types.Error(404, null as never, `Resource ${resource.id} not found`);
        conflict(kind, s, data, resource.id);
        const next = { ...data, id: resource.id };
        map.set(resource.id, next);
        return { ...next, meta: { created: s.created.get(resource.id), lastModified: new Date() } };
      }
      conflict(kind, s, data);
      const id = randomUUID();
      const next = {
        ...data,
        id,
        ...(kind === 'Users' && data.active === undefined ? { active: true } : {}),
      };
      map.set(id, next);
      s.created.set(id, new Date().toISOString());
      return next;
    },
    egress: (resource: Res, ctx: unknown) => {
      const s = storeOf(ctx);
      const map = kind === 'Users' ? s.users : s.groups;
      if (resource.id) {
        const r = map.get(resource.id);
        if (!r) throw new SCIMMY.Types.Error(404, null as never, `Resource ${resource.id} not found`);
        return structuredClone(r);
      }
      const all = [...map.values()].map((r) => structuredClone(r));
      return resource.filter ? resource.filter.match(all) : all;
    },
    degress: (resource: Res, ctx: unknown) => {
      const s = storeOf(ctx);
      (kind === 'Users' ? s.users : s.groups).delete(resource.id as string);
    },
  });
  const u = handlers('Users');
  const g = handlers('Groups');
  SCIMMY.Resources.declare(User)
    .ingress(u.ingress as never)
    .egress(u.egress as never)
    .degress(u.degress as never);
  SCIMMY.Resources.declare(Group)
    .ingress(g.ingress as never)
    .egress(g.egress as never)
    .degress(g.degress as never);
}

/** Starts SCIMMY on 127.0.0.1 (a free port) with a static bearer token. */
export async function startScimmyServer(token = 'scimmy-token'): Promise<ScimmyServer> {
  declare();
  const store: Store = { users: new Map(), groups: new Map(), created: new Map() };
  const requests: ScimmyServer['requests'] = [];
  const app = express();
  let base = '';
  app.use((req, _res, next) => {
    requests.push({ method: req.method, path: req.path });
    next();
  });
  app.use(
    '/scim/v2',
    new SCIMMYRouters({
      type: 'bearer',
      handler: (req) => {
        if (req.header('authorization') !== `Bearer ${token}`) throw new Error('invalid bearer token');
        return 'sync';
      },
      context: () => store,
      baseUri: () => base,
    }) as unknown as express.Router,
  );
  // The routers set the configuration when constructed; a real deployment tunes its limits.
  SCIMMY.Config.set({ bulk: { supported: true, maxOperations: 1000, maxPayloadSize: 10_485_760 } } as never);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/scim/v2`,
    token,
    users: store.users,
    groups: store.groups,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
