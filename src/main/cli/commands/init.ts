import { basename, dirname, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { proposeMapping } from '../../../shared/engine/propose';
import { describeSchemaIssue, stringifyMapping } from '../../../shared/mapping/load';
import { UserError } from '../../user-error';
import { formatIssue, formatMessage } from '../../../shared/i18n';
import { said, type CodedMessage } from '../../../shared/i18n/message';
import { encodingReason } from '../../../shared/source/reasons';
import { bold, cliLang, dim, envSecret, say, yellow } from '../common';
import { writeOutputFile } from '../output';
import { API_INIT_KINDS, apiInitOptions, initApi, type ApiInitOptions } from './init-api';

interface InitOptions extends ApiInitOptions {
  source: string;
  out?: string;
  name?: string;
  bindDn?: string;
  baseDn?: string;
  caFile?: string;
  flavor?: 'ad' | 'openldap';
  force?: boolean;
}

/** `plek-sync init`: a first draft of a mapping from a CSV's headers or a directory's attributes. */
export function register(program: Command): void {
  const command = program
    .command('init')
    .description(say('cli.help.init'))
    .requiredOption('-s, --source <file|url|kind>', say('cli.help.initSource'))
    .option('-o, --out <file>', say('cli.help.initOut'))
    .option('--name <name>', say('cli.help.name'))
    .option('--bind-dn <dn>', say('cli.help.bindDn'))
    .option('--base-dn <dn>', say('cli.help.baseDn'))
    .option('--ca-file <file>', say('cli.help.caFile'))
    .option('--flavor <flavor>', say('cli.help.flavor'))
    .option('-f, --force', say('cli.help.force'));
  apiInitOptions(command).action(async (opts: InitOptions) => {
    const isLdap = /^ldaps?:\/\//i.test(opts.source);
    const isApi = (API_INIT_KINDS as readonly string[]).includes(opts.source);
    const { mapping, notes } = isApi
      ? await initApi(opts)
      : isLdap
        ? await initLdap(opts)
        : await initCsv(opts);
    const text = stringifyMapping(mapping);
    if (opts.out) {
      await writeOutputFile(opts.out, text, { exclusive: !opts.force });
      process.stderr.write(`${bold(say('init.note.wrote', { path: opts.out }))}\n`);
    } else process.stdout.write(text);
    const label = yellow(say('init.note.label'));
    for (const n of notes)
      process.stderr.write(`${label} ${typeof n === 'string' ? n : formatMessage(cliLang(), n)}\n`);
    process.stderr.write(dim(`${say('init.note.next', { path: opts.out ?? 'mapping.plekmap.json' })}\n`));
  });
}

async function initCsv(opts: InitOptions) {
  const { sampleCsv } = await import('../../sources/csv/read-csv');
  const { info, records } = await sampleCsv(opts.source, {}, 200);
  const outDir = opts.out ? dirname(resolve(opts.out)) : process.cwd();
  const proposal = proposeMapping({
    headers: info.headers,
    sampleRows: records.map((r) => r.values),
    name: opts.name ?? basename(opts.source).replace(/\.[^.]+$/, ''),
    sourcePath: relative(outDir, resolve(opts.source)).split('\\').join('/'),
  });
  // The file's own problems (a header, an encoding) are issues, worded as validate words them.
  const notes: (CodedMessage | string)[] = [
    said('init.note.csvFile', {
      file: basename(opts.source),
      encoding: info.encoding,
      because: [said('source.because', { reason: [said(encodingReason(undefined, info.encoding))] })],
      delimiter: JSON.stringify(info.delimiter),
      columns: info.headers.length,
    }),
    ...info.issues.map((i) => formatIssue(i, cliLang())),
    ...proposal.notes,
    ...(proposal.mapping.source.kind === 'csv' && proposal.mapping.source.path?.startsWith('..')
      ? [said('init.note.outsideFolder')]
      : []),
  ];
  return { mapping: proposal.mapping, notes };
}

async function initLdap(opts: InitOptions) {
  if (!opts.bindDn || !opts.baseDn) {
    throw new UserError(said('cli.error.initLdapOptions'));
  }
  const password = envSecret('PLEK_LDAP_PASSWORD');
  if (!password) throw new UserError(said('cli.error.initLdapPassword', { bindDn: opts.bindDn }));
  const { ldapSourceSchema } = await import('../../../shared/mapping/schema');
  const parsed = ldapSourceSchema.safeParse({
    kind: 'ldap',
    url: opts.source,
    flavor: opts.flavor ?? 'ad',
    bindDn: opts.bindDn,
    baseDn: opts.baseDn,
    // Relative to the mapping's folder: a mapping names files beside it, never an absolute path (path policy).
    ...(opts.caFile
      ? {
          caFile: relative(opts.out ? dirname(resolve(opts.out)) : process.cwd(), resolve(opts.caFile))
            .split('\\')
            .join('/'),
        }
      : {}),
  });
  if (!parsed.success) {
    throw new UserError(said('cli.error.ldapSettings'), 2, {
      problems: parsed.error.issues.map(describeSchemaIssue),
    });
  }
  const source = parsed.data;
  const { sampleLdap } = await import('../../sources/ldap/index');
  const { suggestAdMapping, keyStabilityMessage } = await import('../../../shared/ad/suggest');
  let caPem: string | undefined;
  if (opts.caFile) {
    const { readFile } = await import('node:fs/promises');
    caPem = await readFile(opts.caFile, 'utf8');
  }
  const sample = await sampleLdap(source, { password, size: 200, ...(caPem ? { caPem } : {}) });
  const mapping = suggestAdMapping(sample.attributes, {
    name: opts.name ?? `Active Directory ${opts.baseDn}`,
    source,
  });
  const warning = keyStabilityMessage(mapping.mappingKey.attribute);
  const notes: CodedMessage[] = [
    said('init.note.ldapSampled', { entries: sample.records.length, attributes: sample.attributes.length }),
    ...(warning ? [said(warning)] : []),
  ];
  return { mapping, notes };
}
