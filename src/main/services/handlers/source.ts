import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  refuse,
  type ConnectionTestResult,
  type Request,
  type WorkbenchHandlers,
} from '../../../shared/api/contract';
import { isSafeFileName } from '../../../shared/api/validators';
import { ldapBackend } from '../backends';
import { newId, type ServiceContext } from '../context';
import { inside, readCa } from '../project-files';
import { ldapEndpoint, readSample, testApiSource } from '../source-reading';

type SourceChannels =
  'source:sample' | 'source:upload' | 'source:inspectCertificate' | 'source:testConnection';

/**
 * The source: a sample of records, CSV uploads (browser mode), the directory's certificate and bind test, and the
 * connection test of an HR application's API.
 */
export function sourceHandlers(ctx: ServiceContext): Pick<WorkbenchHandlers, SourceChannels> {
  const ldap = () => ctx.options.backends?.ldap ?? ldapBackend;
  const testConnection = async (
    source: Request<'source:testConnection'>['source'],
    projectPath: string | null | undefined,
    signal: AbortSignal,
  ): Promise<ConnectionTestResult> => {
    if (source.kind !== 'ldap') return testApiSource(ctx, source, signal);
    const password = await ctx.secrets.get('ldap-bind-password', ldapEndpoint(source));
    if (!password)
      return {
        ok: false,
        message: `enter the bind password of ${source.bindDn} first`,
        detail: { id: 'error.ldapPasswordMissing', values: { bindDn: source.bindDn } },
      };
    const caPem = await readCa(ctx, source.caFile, projectPath);
    return ldap().testConnection(source, { password, signal, ...(caPem ? { caPem } : {}) });
  };
  return {
    'source:sample': async (request) =>
      ctx.tasks.run(request.taskId, 'sampling', (task) => readSample(ctx, request, task)),

    'source:upload': async ({ fileName, contentBase64 }) => {
      if (!isSafeFileName(fileName))
        throw refuse('forbidden', 'the file name must be a plain name', 'refusal.upload.fileName');
      const folder = join(ctx.folders.uploads, newId('u'));
      if (!inside(folder, fileName))
        throw refuse('forbidden', 'the file name must be a plain name', 'refusal.upload.fileName');
      await mkdir(folder, { recursive: true, mode: 0o700 });
      const dest = join(folder, fileName);
      // An HR export: owner-only on disk.
      await writeFile(dest, Buffer.from(contentBase64, 'base64'), { mode: 0o600 });
      ctx.grants.grantFile(dest);
      return { path: dest };
    },

    'source:inspectCertificate': async ({ url, timeoutMs }) => ldap().inspectCertificate(url, timeoutMs),

    // A task the consultant can cancel: a host that never answers is given up at once, not after its timeout.
    // A test that ended because it was cancelled is answered as cancelled, never as a failed connection.
    'source:testConnection': async ({ source, projectPath, taskId }) =>
      ctx.tasks.run(taskId, 'testing', async ({ signal }) => {
        const result = await testConnection(source, projectPath, signal);
        signal.throwIfAborted();
        return result;
      }),
  };
}
