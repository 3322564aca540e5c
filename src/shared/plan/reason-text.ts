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
