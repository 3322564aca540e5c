import type {
  CertificateInfo,
  ConnectionTestResult,
  RunReport,
  SourceSample,
} from '../../shared/api/contract';
import type { LdapSource } from '../../shared/mapping/schema';
import type { Plan } from '../../shared/plan/types';
import type { ScimUser } from '../../shared/scim/resource';
import type { PlanTargetGroup } from '../../shared/plan/types';

/**
 * The parts of the workbench service that talk to the outside world (a directory, a SCIM target) behind one
 * small interface each, so the service can be tested with fakes and so a missing capability degrades to a
 * clear `unsupported` answer instead of a crash.
 */
export interface LdapBackend {
  sample(
    source: LdapSource,
    options: {
      password: string;
      limit: number;
      caPem?: string;
      signal: AbortSignal;
      onProgress(n: number): void;
    },
  ): Promise<Omit<SourceSample, 'csvPath'>>;
  inspectCertificate(url: string, timeoutMs: number): Promise<CertificateInfo>;
  testConnection(
    source: LdapSource,
    options: { password: string; caPem?: string },
  ): Promise<ConnectionTestResult>;
}

export interface TargetConnection {
  /** `sandbox` or the SCIM base URL. */
  label: string;
  baseUrl: string;
  /** The current Plek accounts and groups, for the plan. */
  read(signal: AbortSignal): Promise<{ users: ScimUser[]; groups: PlanTargetGroup[] }>;
}

export interface ApplyProgress {
  done: number;
  total: number;
  failed: number;
}

export interface ApplyBackend {
  apply(
    plan: Plan,
    target: { baseUrl: string; tokenUrl?: string; clientId?: string; clientSecret?: string; token?: string },
    options: {
      signal: AbortSignal;
      onProgress(p: ApplyProgress): void;
      onLog(level: 'info' | 'warn' | 'error', message: string): void;
    },
  ): Promise<Pick<RunReport, 'counts' | 'failures'>>;
}

export interface WorkbenchBackends {
  ldap?: LdapBackend;
  apply?: ApplyBackend;
}
