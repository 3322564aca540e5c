import { format, type Lang } from '../i18n';

/** yyyy-MM-dd → dd-MM-yyyy, as HR writes dates. */
function dutchDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}

/**
 * The plan's reason fragments (English, joined by "; ") matched to catalogue messages, so the report words them
 * per language with dates as dd-MM-yyyy. A fragment without a match — an engine issue message, say — is kept as
 * written.
 */
const REASONS: { re: RegExp; text: (m: RegExpExecArray, lang: Lang) => string }[] = [
  {
    re: /^end date (\d{4}-\d{2}-\d{2}) is before today \(\d{4}-\d{2}-\d{2}\)$/,
    text: (m, lang) => format(lang, 'report.reason.endDate', { date: dutchDate(m[1]!) }),
  },
  {
    re: /^leaving on (\d{4}-\d{2}-\d{2})$/,
    text: (m, lang) => format(lang, 'report.reason.leavingOn', { date: dutchDate(m[1]!) }),
  },
  { re: /^new in the source$/, text: (_, lang) => format(lang, 'report.reason.new') },
  { re: /^up to date$/, text: (_, lang) => format(lang, 'report.reason.upToDate') },
  {
    re: /^(\d+) fields? changed$/,
    text: (m, lang) => format(lang, 'report.reason.fieldsChanged', { n: Number(m[1]) }),
  },
  { re: /^active again in the source$/, text: (_, lang) => format(lang, 'report.reason.activeAgain') },
  {
    re: /^initial import: existing account matched by (email|userName), externalId set$/,
    text: (m, lang) => format(lang, 'report.reason.linked', { by: m[1] }),
  },
  {
    re: /^inactive in the source \((.*)\) and not in Plek: not created$/,
    text: (m, lang) => format(lang, 'report.reason.notCreatedInactive', { why: reasonText(m[1]!, lang) }),
  },
  {
    re: /^deactivation\.inactiveWhen is true \((.*)\)$/,
    text: (m, lang) => format(lang, 'report.reason.inactiveWhen', { rule: m[1] }),
  },
  {
    re: /^out of scope: (.*)$/,
    text: (m, lang) => format(lang, 'report.reason.outOfScope', { rule: m[1] }),
  },
  { re: /^error: (.*)$/s, text: (m, lang) => format(lang, 'report.reason.error', { message: m[1] }) },
  {
    re: /^no source user has this (email|userName)$/,
    text: (m, lang) => format(lang, 'report.reason.noSourceUser', { by: m[1] }),
  },
  {
    re: /^inactive Plek account: never linked automatically$/,
    text: (_, lang) => format(lang, 'report.reason.inactiveNeverLinked'),
  },
  {
    re: /^manager "(.*)" is not in Plek nor in this run: left unchanged$/,
    text: (m, lang) => format(lang, 'report.reason.managerUnknown', { key: m[1] }),
  },
];

/** One reason (the plan joins its fragments with "; ") in the report's language, fragments joined by ", ". */
export function reasonText(reason: string, lang: Lang): string {
  return reason
    .split('; ')
    .map((part) => {
      for (const r of REASONS) {
        const m = r.re.exec(part);
        if (m) return r.text(m, lang);
      }
      return part;
    })
    .join(', ');
}

/**
 * The warnings the plan, the client and apply write (English) matched to catalogue messages, as REASONS does for
 * reasons. A warning without a match is kept as written.
 */
const WARNINGS: { re: RegExp; text: (m: RegExpExecArray, lang: Lang) => string }[] = [
  {
    re: /^manager reference left out: manager "(.*)" \(row (\d+)\) has no Plek account, its create failed: (.*)$/s,
    text: (m, lang) =>
      format(lang, 'report.warning.managerFailed', { key: m[1], row: Number(m[2]), error: m[3] }),
  },
  {
    re: /^manager reference left out: manager "(.*)" \(row (\d+)\) has no Plek account, it was not created( \(interrupted\))?$/,
    text: (m, lang) =>
      format(lang, 'report.warning.managerNotCreated', {
        key: m[1],
        row: Number(m[2]),
        interrupted: m[3] ? 'yes' : 'no',
      }),
  },
  {
    re: /^login (\S+) is already taken, so this account gets (\S+)$/,
    text: (m, lang) => format(lang, 'report.warning.loginTaken', { plain: m[1], given: m[2] }),
  },
  {
    re: /^(.*?)[:;] ETags and \/Bulk are off for this run$/s,
    text: (m, lang) => format(lang, 'report.warning.spcFailed', { detail: m[1] }),
  },
  {
    re: /^GET \/\w+: the target's paging skipped (\d+) resources? \((.*)\); read again from startIndex 0, the listing is complete$/s,
    text: (m, lang) => format(lang, 'report.warning.pagingRecovered', { n: Number(m[1]), why: m[2] }),
  },
  {
    re: /^the target refused a value-filter path \((.*)\): multi-valued attributes \(emails, phoneNumbers\) are written as whole attributes from now on$/s,
    text: (m, lang) => format(lang, 'report.warning.wholeAttributes', { detail: m[1] }),
  },
  {
    re: /^(.*): \/Bulk refused, accounts are created one by one$/s,
    text: (m, lang) => format(lang, 'report.warning.bulkRefused', { detail: m[1] }),
  },
];

/** One warning in the report's language (kept as written when it matches no catalogue message). */
export function warningText(warning: string, lang: Lang): string {
  for (const w of WARNINGS) {
    const m = w.re.exec(warning);
    if (m) return w.text(m, lang);
  }
  return warning;
}
