/**
 * The English catalogue: every text the workbench shows or prints, as ICU MessageFormat
 * (https://unicode-org.github.io/icu/userguide/format_parse/messages/), rendered by `intl-messageformat`.
 * Plurals are written out (`{n, plural, one {# row} other {# rows}}`); amounts use `{n, number}` so they get the
 * language's digit grouping (row numbers do not). English is the reference: the Dutch catalogue has every id with
 * the same arguments, or a test fails (test/shared/i18n/catalogue.test.ts).
 *
 * Ids by where they are used: `app.*`, `step.*`, `start.*` … for the screens, `graph.*` for the mapping editor,
 * `issue.<code>` for an issue's title and `issue.<code>.<variant>` (or `issue.eval.*`) for its text.
 */
export const en = {
  'app.title': 'Plek Provisioning Workbench',
  'app.lang': 'Language',
  'app.theme.toDark': 'Dark theme',
  'app.theme.toLight': 'Light theme',
  'app.steps': 'Project steps',
  'app.noProject': 'No project open',
  'app.save': 'Save mapping',
  'app.saved': 'Mapping saved to {path}',
  'app.download': 'Download mapping file',
  'app.cancel': 'Cancel',
  'app.close': 'Close',
  'app.error': 'Something went wrong',
  'app.dismiss': 'Dismiss',

  'security.changed.title':
    'This project points somewhere else than when you last opened it. Nothing is sent there until you confirm.',
  'security.changed.directory': 'Directory',
  'security.changed.target': 'Plek target',
  'security.changed.token': 'Token server',
  'security.changed.dismiss': 'Hide this notice',
  'security.confirm.secret-endpoint': 'Send the stored secret to a new host?',
  'security.confirm.plain-ldap': 'Send the bind password without encryption (plain LDAP)?',
  'security.confirm.token-host': 'Send the ClientSecret to this token server?',
  'security.confirm.was': 'stored for {host}',
  'security.confirm.target': 'the target is {host}',
  'security.confirm.yes': 'Yes, send it to {host}',
  'security.confirm.done': 'Confirmed for {host}. Try again.',

  'step.start': 'Start',
  'step.source': 'Source',
  'step.mapping': 'Mapping',
  'step.validate': 'Validate',
  'step.rules': 'Rules',
  'step.plan': 'Plan',
  'step.run': 'Run',

  'start.heading': 'Start a provisioning project',
  'start.lead':
    'Map a customer’s HR export or Active Directory to Plek, check every row, then sync through SCIM.',
  'start.demo': 'Open the demo project',
  'start.demoHint': 'A Dutch HR export and a sandbox Plek target. Works without any setup.',
  'start.csv': 'New project from a CSV',
  'start.csvHint': 'An HR export (AFAS, Visma, Nmbrs…): encoding and delimiter are detected.',
  'start.csvPath': 'CSV file path',
  'start.ldap': 'New project from a directory',
  'start.ldapHint':
    'Read the people from Active Directory or OpenLDAP over LDAPS or StartTLS; the mapping is proposed from what the directory holds.',
  'start.ldapCreate': 'Connect and create the project',
  'start.ldapConnecting': 'Connecting…',
  'start.ldapCertHeading': 'Check the server’s certificate first',
  'start.ldapCertUntrusted':
    'No certificate authority this computer trusts vouches for this server. Compare the fingerprint with the one the directory’s administrator gives you, and trust it only when they match.',
  'start.ldapTrust': 'Trust this certificate and continue',
  'start.ldapNoTrust': 'Do not trust it',
  'start.hrApp': 'New project from an HR application',
  'start.hrAppHint':
    'Read the people over the application’s API: Personio, AFAS Profit or another REST/JSON API.',
  'start.hrAppKind': 'Application',
  'start.hrAppOther': 'Other API (REST/JSON)',
  'start.hrAppUrl': 'API URL',
  'start.hrAppClientId': 'Client ID',
  'start.hrAppConnector': 'GetConnector',
  'start.hrAppRecordsPath': 'Records path (e.g. data)',
  'start.hrAppSecret': 'Client secret',
  'start.hrAppToken': 'AFAS token (the whole token XML)',
  'start.hrAppApiToken': 'Bearer token',
  'start.hrAppSecretNote': 'Stored in the secret store for this address only; never in the mapping file.',
  'start.hrAppAuth': 'Authentication',
  'start.hrAppAuth.oauth2': 'OAuth2 client credentials',
  'start.hrAppAuth.bearer': 'Bearer token',
  'start.hrAppAuth.apiKey': 'API key in a header',
  'start.hrAppAuth.none': 'None (an open API)',
  'start.hrAppTokenUrl': 'Token URL',
  'start.hrAppScope': 'Scope (optional)',
  'start.hrAppKeyHeader': 'Header name',
  'start.hrAppApiKey': 'API key',
  'start.hrAppPaging': 'Paging',
  'start.hrAppPaging.none': 'One response with every record',
  'start.hrAppPaging.offset': 'Offset and limit',
  'start.hrAppPaging.page': 'Page number',
  'start.hrAppPaging.cursor': 'Cursor',
  'start.hrAppPaging.nextLink': 'Link to the next page',
  'start.hrAppPageSize': 'Records per page',
  'start.hrAppCursorPath': 'Where the next cursor is (e.g. meta.next_cursor)',
  'start.hrAppCursorParam': 'Query parameter for the cursor',
  'start.hrAppNextPath': 'Where the next-page link is (e.g. links.next)',
  'start.hrAppTotalPath': 'Where the total is (optional, e.g. meta.total)',
  'start.open': 'Open a mapping file',
  'start.openHint': 'Continue with an existing .plekmap.json.',
  'start.openPath': 'Mapping file path',
  'start.go': 'Open',
  'start.recent': 'Recent projects',
  'start.noRecent': 'No recent projects yet.',
  'data.heading': 'Workbench data',
  'data.lead':
    'Uploaded exports, run journals and reports, and the sandbox’s accounts hold personal data. They stay on this computer, readable by you only, and are removed after the retention period.',
  'data.retention': 'Keep for (days)',
  'data.retentionHint':
    'From 1 to 3650 days. Older files are removed when the workbench starts and after each run.',
  'data.saveRetention': 'Save retention',
  'data.retentionSaved':
    'Kept for {days, plural, one {# day} other {# days}}; {removed, plural, =0 {nothing was old enough to remove} one {# old file or folder removed} other {# old files and folders removed}}.',
  'data.clear': 'Clear workbench data…',
  'data.confirmTitle': 'Remove the workbench data from this computer?',
  'data.confirmWhat':
    'This removes every uploaded export, run journal and report, and the sandbox’s accounts. Saved mappings and the daily sync state stay. A project that reads an uploaded export needs the file again.',
  'data.includeProjects': 'Also remove the projects saved in the workbench folder',
  'data.confirmYes': 'Remove the data',
  'data.cleared':
    '{removed, plural, =0 {There was nothing to remove.} one {# file or folder removed.} other {# files and folders removed.}}',
  'start.loading': 'Opening project…',

  'source.heading': 'Source',
  'source.csvOptions': 'CSV options',
  'source.encoding': 'Encoding',
  'source.delimiter': 'Delimiter',
  'source.auto': 'Automatic',
  'source.detected': 'Detected: {value}',
  'source.because': 'because {reason}',
  'source.reason.chosen': 'set by hand',
  'source.reason.bom': 'the file starts with a byte-order mark',
  'source.reason.utf8': 'every byte is valid UTF-8',
  'source.reason.cp1252': 'the bytes are not valid UTF-8 (typical for Excel on Windows)',
  'source.reason.delimiter': 'it splits the header and the first rows into the same number of columns',
  'source.tab': 'Tab',
  'source.semicolon': 'Semicolon (;)',
  'source.comma': 'Comma (,)',
  'source.pipe': 'Pipe (|)',
  'source.path': 'File',
  'source.ldap': 'Directory connection',
  'source.url': 'Server URL',
  'source.bindDn': 'Bind DN or UPN',
  'source.password': 'Password',
  'source.passwordHint': 'Kept in the app’s secret store, never in the mapping file.',
  'source.passwordStored': 'A password is stored for this connection.',
  'source.storePassword': 'Store password',
  'source.baseDn': 'Base DN',
  'source.filter': 'Filter',
  'source.flavor': 'Directory type',
  'source.caFile': 'CA certificate file (PEM)',
  'source.checkCert': 'Check certificate',
  'source.testConnection': 'Test connection',
  'source.mappingProblems': 'The mapping file has problems; fix them in the steps below:',
  'source.cert': 'Server certificate',
  'source.cert.subject': 'Subject',
  'source.cert.issuer': 'Issuer',
  'source.cert.validity': 'Valid',
  'source.cert.fingerprint': 'SHA-256 fingerprint',
  'source.cert.pin': 'Pin this certificate',
  'source.cert.pinned': 'Pinned: {fingerprint}',
  'source.sample': 'Sample',
  'source.sampling': 'Sampling source…',
  'source.testing': 'Testing the connection…',
  'source.attributes': 'Attributes',
  'source.attribute': 'Attribute',
  'source.fillRate': 'Filled',
  'source.examples': 'Examples',
  'source.rows': '{n, plural, one {# row} other {# rows}}',
  'source.unreadable':
    '{n, plural, one {# row cannot be read and is skipped} other {# rows cannot be read and are skipped}}; Validate shows why.',
  'source.binary': 'binary value, not shown',
  'source.multi': 'multi-valued',
  'source.fileIssues': 'File problems',
  'source.noFileIssues': 'No file problems.',
  'source.noSample': 'Take a sample to see the attributes.',
  'source.api.heading':
    '{vendor, select, personio {Personio} afas {AFAS Profit} other {REST/JSON API}} connection',
  'source.api.address': 'Address',
  'source.api.clientId': 'Client ID',
  'source.api.connector': 'GetConnector',
  'source.api.auth': 'Authentication',
  'source.api.paging': 'Paging',
  'source.api.secret': 'Secret',
  'source.api.storeSecret': 'Store secret',
  'source.api.secretStored': 'A secret is stored for this address.',
  'source.api.secretMissing': 'No secret stored for this address yet.',
  'source.api.secretHint': 'Kept in the app’s secret store for this address only, never in the mapping file.',
  'source.api.reading': 'Reading {vendor, select, personio {Personio} afas {AFAS Profit} other {the API}}…',
  'source.api.progress':
    '{records, plural, one {# record} other {# records}} · {pages, plural, one {# page} other {# pages}} · {rate, number} records/s',
  'source.api.ofTotal': 'the API lists {total, plural, one {# record} other {# records}}',
  'source.api.eta': 'about {seconds, plural, one {# second} other {# seconds}} left',
  'source.api.retries':
    '{n, plural, one {# request repeated} other {# requests repeated}} (rate limit or server error)',
  'source.api.records': 'Sample records',
  'source.api.recordsHint':
    'The first {n, plural, one {# record} other {# records}} as the API gives them; nested fields have dotted names (position.title).',
  'source.api.ok':
    'Connected: read {records, plural, one {# record} other {# records}} with {attributes, plural, one {# attribute} other {# attributes}}.',
  'source.api.unauthorized':
    '{vendor, select, personio {Personio did not accept the client ID or client secret (wrong client ID or secret). Check both under Settings → Integrations → API credentials; a secret is shown only once, so when in doubt generate a new one and store it again.} afas {AFAS Profit did not accept the token (wrong or revoked token). Paste the whole <token><version>1</version><data>…</data></token> text of the app connector user and store it again.} other {The API did not accept the credentials (wrong client ID or secret, token or key). Check them and store the secret again if it was renewed.}}',
  'source.api.forbidden':
    '{vendor, select, personio {Personio accepted the credentials, but they may not read the people (missing scope or permission). Give the API credential personio:persons:read and the employment attributes under Settings → Integrations → API credentials.} afas {AFAS Profit accepted the token, but it may not use this GetConnector (missing permission). Add the connector to the app connector of this token and check the user’s authorisation.} other {The API accepted the credentials, but they may not read this (missing scope or permission). Ask the application administrator for read access.}}',
  'source.api.not-found':
    '{vendor, select, personio {Personio has nothing at {endpoint} (wrong URL). Check the base URL: https://api.personio.de unless Personio gave you another.} afas {AFAS Profit has no GetConnector at {endpoint} (wrong connector name or URL). The name is case-sensitive and must be published in the app connector; the URL looks like https://12345.rest.afas.online/ProfitRestServices.} other {The API has nothing at {endpoint} (wrong URL). Check the URL and the path of the people list.}}',
  'source.api.rate-limited':
    '{vendor, select, personio {Personio} afas {AFAS Profit} other {The API}} is limiting the number of requests (rate limited). {when, select, known {Try again at {retryAt, time, short}.} other {Wait a few minutes and try again.}} Other integrations with the same credentials share the limit.',
  'source.api.tls':
    'The secure connection to {endpoint} failed: the certificate is not trusted ({tlsCode}). Check the URL (a typo can reach another server); behind a company proxy that inspects HTTPS, ask IT to add its CA certificate to this computer.',
  'source.api.server':
    '{vendor, select, personio {Personio} afas {AFAS Profit} other {The API}} answered with a server error (HTTP {status}) at {endpoint}, also after retries. Try again later{vendor, select, afas {; AFAS also answers this way to a token in the wrong form, so paste the whole token XML} other {}}.',
  'source.api.bad-request':
    '{vendor, select, personio {Personio} afas {AFAS Profit} other {The API}} refused the request to {endpoint} (HTTP {status}). Check the source settings: paging, page size and extra query parameters.',
  'source.api.timeout':
    '{vendor, select, personio {Personio} afas {AFAS Profit} other {The API}} did not answer in time at {endpoint}. Check the connection (VPN, proxy) and try again.',
  'source.api.unreachable':
    'Cannot connect to {endpoint}. Check the spelling of the URL and the network connection (VPN, proxy, firewall).',
  'source.api.insecure-url':
    'The secret is not sent to this address: it is not https:// (plain http only on this computer), or the token server is on another host you have not confirmed.',
  'source.api.redirect':
    'The API sends the workbench to another host; the credentials were not sent there. Use the final API address in the source settings.',
  'source.api.bad-response':
    'The answer is not what the source settings expect (no JSON, no list of records, or a page that repeats). Check the URL, the records path and the paging settings.',
  'source.api.incomplete':
    'The API announced more records than it gave, so the read is not used: a partial list would make people look like leavers. Check the paging settings.',
  'source.api.missing-secret':
    'No {vendor, select, personio {client secret} afas {AFAS token} other {secret}} is stored for this address yet: enter it and store it first.',
  'source.api.aborted': 'Reading the API was cancelled.',

  'mapping.heading': 'Mapping',
  'mapping.preview': 'Preview ({n, plural, one {# row} other {# rows}})',
  'mapping.editorLoading': 'Loading the graph editor…',
  'mapping.key': 'Mapping key',
  'mapping.status': 'Status',
  'mapping.rowErrors': '{n, plural, one {# problem} other {# problems}}',
  'mapping.noPreview': 'No preview yet: open a project and take a sample.',
  'mapping.previewing': 'Updating preview…',

  'validate.heading': 'Validate',
  'validate.run': 'Validate all rows',
  'validate.running': 'Validating…',
  'validate.progress':
    '{done, plural, one {# row read} other {# rows read}}; every row is checked once all are read…',
  'validate.progressOf': '{done, number} of about {total, plural, one {# row} other {# rows}} read…',
  'validate.summary':
    '{errors, plural, one {# error} other {# errors}}, {warnings, plural, one {# warning} other {# warnings}} in {rows, plural, one {# row} other {# rows}}',
  'validate.errorRows':
    '{n, plural, one {# row with errors is} other {# rows with errors are}} not synchronised until the source is fixed.',
  'validate.none': 'No problems found.',
  'validate.stale': 'The mapping changed since this check.',
  'validate.partial':
    'Checked the first {n, number} of {total, number} rows here; the plan checks every row.',
  'validate.notRun': 'Validate to see every problem of the source at once.',
  'validate.export': 'Export list as CSV',
  'validate.code': 'Problem',
  'validate.count': 'Count',
  'validate.row': 'Row',
  'validate.key': 'Key',
  'validate.field': 'Field',
  'validate.message': 'Message',
  'validate.severity': 'Severity',
  'validate.sourceRow': 'Source row {row}',
  'validate.sourceRowMissing': 'This row is not in the loaded sample.',
  'validate.value': 'Value',
  'validate.filter': 'Filter problems',
  'validate.error': 'error',
  'validate.warning': 'warning',
  'validate.info': 'info',
  'validate.count.error': '{n, plural, one {# error} other {# errors}}',
  'validate.count.warning': '{n, plural, one {# warning} other {# warnings}}',
  'validate.count.info': '{n, number} info',

  'rules.heading': 'Rules',
  'rules.deactivation': 'Deactivation',
  'rules.deactivationHint':
    'Driven by a source value only: a user missing from the export is never deactivated.',
  'rules.endDate': 'End date expression',
  'rules.inactiveWhen': 'Inactive when',
  'rules.previewDeactivate':
    '{n, plural, one {# user has} other {# users have}} left according to the source',
  'rules.previewDeactivateHint':
    'A leaver who has an account in Plek is deactivated; a leaver without one is not created. The Plan step shows which applies to whom.',
  'rules.previewLeaving': '{n, plural, one {# user is} other {# users are}} leaving later',
  'rules.leavingOn': 'leaves on {date}',
  'rules.groups': 'Group rules',
  'rules.groupsHint': 'Group rules only add users to groups; they never remove anyone.',
  'rules.group': 'Group',
  'rules.field': 'Field',
  'rules.values': 'Values (comma separated)',
  'rules.why': 'Why',
  'rules.addGroup': 'Add group rule',
  'rules.remove': 'Remove',
  'rules.members': '{n, plural, one {# member} other {# members}}',
  'rules.login': 'Login schema',
  'rules.loginEnabled': 'Generate logins',
  'rules.begin': 'Begin',
  'rules.end': 'End',
  'rules.separator': 'Separator',
  'rules.domain': 'Domain',
  'rules.part.full': 'Whole field',
  'rules.part.firstLetter': 'First letter',
  'rules.none': 'None',
  'rules.transliteration': 'Umlauts',
  'rules.translit.strip': 'Strip (ä → a)',
  'rules.translit.dach': 'DACH (ä → ae)',
  'rules.collisions': '{n, plural, one {# login collision} other {# login collisions}}',
  'rules.noCollisions': 'No login collisions.',
  'rules.example': 'Example: {login}',
  'rules.apply': 'Update preview',
  'rules.previewing': 'Computing preview…',

  'plan.heading': 'Plan',
  'plan.target': 'Target',
  'plan.sandbox': 'Sandbox (local, safe)',
  'plan.scim': 'Plek SCIM',
  'plan.baseUrl': 'SCIM base URL',
  'plan.clientId': 'Client ID',
  'plan.clientSecret': 'Client secret',
  'plan.storeSecret': 'Store secret',
  'plan.secretStored': 'A client secret is stored.',
  'plan.compute': 'Compute plan',
  'plan.computing': 'Computing plan…',
  'plan.notComputed': 'Compute a plan to see what a sync would change.',
  'plan.safe': 'Safety checks passed.',
  'plan.reconcile.rows': '{n, plural, one {# row} other {# rows}} in the source, as Validate counts them:',
  'plan.reconcile.errorRows':
    '{n, plural, one {# row with errors is} other {# rows with errors are}} not synchronised (see Validate)',
  'plan.reconcile.unreadable': '{n, plural, one {# row could not be read} other {# rows could not be read}}',
  'plan.reconcile.otherSkipped':
    '{n, plural, one {# person is} other {# people are}} skipped for another reason, such as a leaver who is not in Plek or a joiner who starts later (the reason is on each line)',
  'plan.reconcile.planErrors':
    '{n, plural, one {# person clashes} other {# people clash}} with an existing Plek account: errors of the plan, not of the source',
  'plan.blocked': 'Blocked by the safety checks',
  'plan.allow': 'Allow for this run',
  'plan.safety.empty':
    'The source holds no rows. An empty export or directory result is treated as an error, not as everybody leaving: check the export.',
  'plan.safety.truncated':
    'The source holds {rows, number} {rows, plural, one {row} other {rows}}, fewer than {percent}% of the {previous, number} of the previous run. Is the export cut short? Check it before you sync.',
  'plan.safety.count':
    '{count, plural, one {# deactivation} other {# deactivations}}, more than the limit of {limit, number}.',
  'plan.safety.percent':
    '{count, plural, one {# deactivation is} other {# deactivations are}} {percent, number}% of the {base, number} active Plek {base, plural, one {account} other {accounts}} {linking, select, 1 {linked or being linked} other {linked to the source}}, more than the limit of {limit}%.',
  'plan.filterAction': 'Action',
  'plan.filterText': 'Search',
  'plan.all': 'All',
  'plan.user': 'User',
  'plan.changes': 'Changes',
  'plan.withWarning': 'With a warning',
  'plan.warnings': 'Warnings',
  'plan.showing': 'Showing {shown, number} of {total, number}',
  'plan.toRun': 'Go to run',
  'plan.safety': 'Safety thresholds',
  'plan.manual': 'Plek accounts to assign by hand ({n, number})',
  'plan.targetWarnings': 'About the target',
  'plan.manualHint':
    "No source user matched these existing Plek accounts. Set each one's externalId to the person's mapping key in Plek, or leave it: the sync never touches an unlinked account.",
  'plan.maxDeactivateCount': 'Max. deactivations',
  'plan.maxDeactivatePercent': 'Max. deactivations (%)',
  'plan.minSourceRowsPercent': 'Min. source rows vs. last run (%)',
  'plan.stale': 'The mapping changed after this plan was computed; compute it again before you apply it.',

  'action.create': 'Create',
  'action.update': 'Update',
  'action.deactivate': 'Deactivate',
  'action.reactivate': 'Reactivate',
  'action.link': 'Link',
  'action.unchanged': 'Unchanged',
  'action.skip': 'Skip',
  'action.error': 'Error',

  'run.heading': 'Run',
  'run.apply': 'Apply to {target}',
  'run.pause': 'Pause',
  'run.resume': 'Resume',
  'run.cancel': 'Cancel',
  'run.progress': '{done, number} of {total, number}',
  'run.rate': '{rate}/s',
  'run.eta': 'about {eta} left',
  'run.log': 'Log',
  'run.report': 'Run report',
  'run.saveJson': 'Save report (JSON)',
  'run.saveCsv': 'Save report (CSV)',
  'run.needPlan': 'Compute a plan first.',
  'run.blocked': 'The plan is blocked by the safety checks; allow it on the Plan step.',
  'run.done': 'Run finished',
  'run.doneWithFailures':
    'Run finished with failures: {failed, plural, one {# operation} other {# operations}} of {total, number} failed',
  'run.failuresBadge': '{n, plural, one {# failure} other {# failures}}',
  'run.doneWithAttention':
    'Run finished: {n, plural, one {# person needs} other {# people need}} your attention (see the report below)',
  'run.attentionBadge': '{n, plural, one {# to check} other {# to check}}',
  'run.cancelled': 'Run cancelled',
  'run.failed': 'Run failed',
  'run.paused': 'Paused',
  'run.status.running': 'running',
  'run.status.completed': 'finished',
  'run.status.completed-with-failures': 'finished with failures',
  'run.status.cancelled': 'cancelled',
  'run.status.failed': 'failed',
  'run.level.info': 'INFO',
  'run.level.warn': 'WARNING',
  'run.level.error': 'ERROR',
  'run.succeeded': 'Succeeded',
  'run.failedCount': 'Failed',

  'run.log.applying': '{total, plural, one {applying # operation} other {applying # operations}} to {target}',
  'run.log.progress': '{done, number} of {total, plural, one {# operation} other {# operations}} done',
  'run.log.failed': '{op} failed: {error}',
  'run.log.stopped': 'the run stopped: {error}',
  'run.log.finished':
    'finished: {total, plural, one {# operation} other {# operations}}, {failed, plural, =0 {none failed} one {# failed} other {# failed}}',
  'run.failure.person': 'Person',
  'run.failure.todo': 'What to do',
  'run.failure.detail': 'Technical detail',
  'run.failure.uniqueness':
    'Plek already has an account with this login or e-mail address. Link that account to this person, or change the login or e-mail in the source.',
  'run.failure.invalidValue':
    'Plek refused one of the values (see the technical detail). Correct it in the source or the mapping, then plan again.',
  'run.failure.access':
    'Plek refused access. Check the client ID and the stored secret of the target, and that the API client may manage users.',
  'run.failure.gone':
    'The Plek account no longer exists. Plan again: the person is then created or linked anew.',
  'run.failure.unavailable':
    'Plek could not be reached or was busy. Run the plan again later: what went through is not repeated.',
  'run.failure.manager':
    'Written without the manager, because the manager has no Plek account yet. The next run adds the manager.',
  'run.failure.ambiguous':
    'Several Plek accounts match this person, so nothing was changed. Remove the duplicate accounts in Plek first.',
  'run.failure.other':
    'The operation failed (see the technical detail). Run again; when it keeps failing, send the report to Plek support.',
  'run.report.run': 'Run {id}',
  'run.report.target': 'Target: {target}',
  'run.report.started': 'Started: {at}',
  'run.report.finished': 'Finished: {at}',
  'run.report.status': 'Status: {status}',
  'run.report.failures': 'Failures:',
  'run.csv.run': 'run',
  'run.csv.plan': 'plan',
  'run.csv.status': 'status',
  'run.csv.target': 'target',
  'run.csv.started': 'started',
  'run.csv.finished': 'finished',
  'run.csv.what': 'what happened',
  'run.csv.todo': 'what to do',
  'run.csv.detail': 'technical detail',
  'error.ldapPasswordMissing':
    'Enter the password of {bindDn} first (on the Source step); it is kept in the secret store, never in the mapping.',
  'error.csvMissing':
    'Choose the CSV file first (or save the project, so that a path beside it can be found).',
  'error.scimSecretMissing':
    'Enter the client secret for {url} first (on the Plan step); it is kept in the secret store.',
  'error.caFileUnsaved': 'Save the project first, or give the CA file {file} as a full path.',
  'error.caFileUnreadable': 'Cannot read the CA file {file}; check the path in the source settings.',
  'error.planGone': 'This plan is no longer available; compute the plan again.',
  'error.planBlocked':
    'The plan exceeds the safety thresholds; allow it for this run on the Plan step first.',
  'error.openThroughDialog': 'Open the project through the Open dialog (or drop it on the window).',
  // Refusals of the workbench's API, its bridge and its URL and path checks (src/shared/api/refusals.ts).
  'refusal.cancelled':
    '{task, select, sampling {Sampling} validation {Validation} planning {Planning} reading {Reading the source} preview {The preview} testing {The connection test} other {The request}} was cancelled.',
  'refusal.tooSlow':
    '{task, select, sampling {Sampling} validation {Validation} planning {Planning} reading {Reading the source} preview {The preview} testing {The connection test} other {The request}} stopped after {seconds, plural, one {# second} other {# seconds}}, before record {record}: the mapping takes too long per row. Simplify its expressions (long texts, many Replace calls).',
  'refusal.internal': 'Something unexpected went wrong; the technical detail: {message}',
  'refusal.sourceFailed': 'The source or the target reported a problem: {message}',
  'refusal.invalidRequest':
    'The workbench refused a request it could not read ({channel}). Reload the page; if it happens again, the log has the detail.',
  'refusal.unknownChannel': 'The workbench does not know this request. Reload the page.',
  'refusal.untrustedFrame': 'A request from a part of the window the workbench does not trust was refused.',
  'refusal.projectNotOpened': 'That project was not opened in the workbench; open it first.',
  'refusal.noDialogs':
    'There are no file dialogs in the browser workbench; type the path or drop the file on the window.',
  'refusal.demoMissing': 'The bundled demo is missing from this installation (resources/demo).',
  'refusal.save.secret':
    'Not saved: {keys} {n, plural, one {looks} other {look}} like a secret, and a mapping file never holds one. Remove {n, plural, one {it} other {them}}; the workbench keeps secrets in its secret store.',
  'refusal.save.fileName': 'The file name must be a plain name ending in .plekmap.json.',
  'refusal.save.extension': 'A mapping is saved as a .plekmap.json file.',
  'refusal.save.throughDialog': 'Choose where to save through the Save dialog.',
  'refusal.upload.fileName': 'The file name must be a plain name, without folders.',
  'refusal.mappingProblems':
    'The mapping has {n, plural, one {a problem} other {# problems}}; fix {n, plural, one {it} other {them}} on the Mapping or Validate step before planning.',
  'refusal.planStillBlocked':
    'The plan is still held back by the safety guards; a truncated source cannot be allowed through.',
  'refusal.unknownRun': 'This run is not known (any more); start it again from the Run step.',
  'refusal.file.notAFile': '{file} is not a file.',
  'refusal.file.tooLarge': '{file} is too large for a mapping file.',
  'refusal.file.missing': '{file} does not exist (moved or renamed?).',
  'refusal.file.unreadable': 'Cannot read {file} ({code}).',
  'refusal.file.duplicateKey':
    '{file}: {key} appears twice in the same object; remove one so that the file means one thing.',
  'refusal.file.notJson':
    '{file} is not a readable mapping file: {line, plural, =0 {it is not a JSON document} other {the JSON breaks off or is malformed at line {line}, column {column}}}.',
  'refusal.file.notMapping': '{file} does not hold a mapping.',
  'refusal.secret.noEndpoint':
    'A secret belongs to one place: give the directory (URL, TLS mode, bind DN) or the target URL.',
  'refusal.secret.bindDn': 'A directory password belongs to a bind DN; fill in the bind DN first.',
  'refusal.secret.notPlainLdap': 'This directory does not use plain LDAP.',
  'refusal.secret.gone': 'That stored secret does not exist any more; enter it again.',
  'refusal.secret.noEncryption':
    'This computer offers no encrypted storage, so the secret was not saved; enter it again when it is needed.',
  'refusal.confirm.plainLdap':
    '{host} would receive the bind password unencrypted (StartTLS is off). Confirm plain LDAP, or switch StartTLS on.',
  'refusal.confirm.sameHost':
    'The project binds to {host} differently than when the {secret, select, bindPassword {bind password} other {secret}} was stored (bind DN or TLS mode changed); confirm before it is sent.',
  'refusal.confirm.newHost':
    'The project now points at {host}; the {secret, select, bindPassword {bind password} other {secret}} was stored for {previousHost}. Confirm before it is sent to {host}.',
  'refusal.confirm.tokenHost':
    'The mapping sends the client secret to {host}, not to the target {baseHost}; confirm that token server before anything is sent.',
  'refusal.url.missing':
    '{role, select, target {The target URL} token {The token URL} api {The API URL} other {The URL}} is missing.',
  'refusal.url.userInfo':
    '{role, select, target {The target URL} token {The token URL} api {The API URL} other {The URL}} must not hold a user name or password; secrets go in the secret store.',
  'refusal.url.notPlain':
    '{role, select, target {The target URL} token {The token URL} api {The API URL} other {The URL}} is not a plain https://host[:port]/path address.',
  'refusal.url.notHttps':
    '{role, select, target {The target URL} token {The token URL} api {The API URL} other {The URL}} must use https (plain http only for 127.0.0.1 or localhost): {origin} would send secrets unencrypted.',
  'refusal.ldapUrl.userInfo': 'The directory URL must not hold a user name or password.',
  'refusal.ldapUrl.form': 'The directory URL must be ldap://host[:port] or ldaps://host[:port].',
  'refusal.path.empty': '{field} is empty.',
  'refusal.path.tooLong': '{field} is too long.',
  'refusal.path.control': '{field} holds control characters.',
  'refusal.path.network':
    '{field} is a network or device path (\\\\host\\share, //host/share); pick the file on this computer instead.',
  'refusal.path.absolute':
    '{field} is an absolute path; a mapping file names files relative to its own folder. Choose the file in the workbench, or pass it on the command line.',
  'refusal.path.url': '{field} is a web address, not a file path.',
  'refusal.path.colon': '{field} may not contain ":".',
  'refusal.path.leaves':
    '{field} leaves the project folder; keep the file next to the mapping or in a folder below it.',
  'refusal.path.noFile': '{field} names no file.',
  'refusal.path.notChosen':
    '{field} is a path outside the folders you chose in this session; choose the file again (or pass it on the command line).',
  'refusal.bridge.tooLarge': 'The request is larger than {limit, number} bytes.',
  'refusal.bridge.noSession':
    'This page has no session (any more): open the link that plek-sync serve or npm start printed.',
  'refusal.bridge.foreign': 'Requests from other sites or addresses are refused.',
  'refusal.bridge.protocol': 'The workbench refused a malformed request. Reload the page.',
  'refusal.bridge.failed': 'The workbench could not handle this request; the log has the detail.',
  'refusal.unreachable':
    'The workbench service cannot be reached; is plek-sync serve (or npm start) still running? The technical detail: {message}',
  'issue.encoding': 'Encoding problem',
  'issue.duplicate-header': 'Duplicate column header',
  'issue.empty-header': 'Empty column header',
  'issue.short-row': 'Row with too few columns',
  'issue.long-row': 'Row with too many columns',
  'issue.empty-row': 'Empty row',
  'issue.unterminated-quote': 'Unterminated quote',
  'issue.source-unreadable': 'Source cannot be read',
  'issue.empty-key': 'Empty mapping key',
  'issue.duplicate-key': 'Duplicate mapping key',
  'issue.similar-key': 'Look-alike mapping key',
  'issue.key-changed': 'Mapping key changed',
  'issue.missing-required': 'Required value missing',
  'issue.invalid-email': 'Invalid e-mail address',
  'issue.duplicate-email': 'Duplicate e-mail address',
  'issue.invalid-date': 'Invalid date',
  'issue.invalid-phone': 'Invalid phone number',
  'issue.expression-error': 'Expression error',
  'issue.login-collision': 'Login collision',
  'issue.login-empty': 'No login possible',
  'issue.out-of-scope': 'Out of scope',
  'issue.leaving-later': 'Leaving later',
  'issue.starting-later': 'Starting later',
  'issue.manual-link': 'Needs a manual link',
  'issue.mapping-invalid': 'Mapping definition invalid',

  'result.ok': 'Succeeded',
  'result.failed': 'Failed',
  'result.not-run': 'Not run',
  'result.noop': 'No change',
  'result.conflict': 'Conflict',
  'result.skipped': 'Skipped',
  'result.blocked': 'Blocked',

  // The mapping editor (graph).
  'graph.search': 'Search attribute or field…',
  'graph.undo': 'Undo (Ctrl+Z)',
  'graph.redo': 'Redo (Ctrl+Shift+Z)',
  'graph.layout': 'Arrange',
  'graph.layoutTitle': 'Auto-layout: sources left, Plek fields right',
  'graph.fit': 'Fit',
  'graph.fitTitle': 'Fit everything in view',
  'graph.filterFunctions': 'Function…',
  'graph.literalTitle': 'A constant value',
  'graph.refused': 'Connection refused:',
  'graph.apply': 'Apply',
  'graph.column': 'Column',
  'graph.incomplete': 'Graph incomplete: {reason}. The saved expression is unchanged.',
  'graph.suggestions': 'Suggestions',
  'graph.accept': 'Accept the suggestion for {field}',
  'graph.reject': 'Turn down the suggestion for {field}',
  'graph.unsupported': 'Not available in Plek',
  'graph.photo': 'Profile photo',
  'graph.birthDate': 'Birth date',
  'graph.rows': '{n, plural, one {row} other {rows}}',
  'graph.duplicateKeys': '{n, plural, one {# duplicate key} other {# duplicate keys}}',
  'graph.emptyKeys': '{n, plural, one {# empty key} other {# empty keys}}',
  'graph.keyMayChange': 'key may change',
  'graph.keyStable': 'key stable',
  'graph.keyStableTitle': 'unique and never changes',
  'graph.previewLabel': 'Mapped rows',
  'graph.functions': 'Functions',
  'graph.filterFunctionsLabel': 'Filter functions',
  'graph.op.concat': 'Text concatenation',
  'graph.op.equals': 'Equals (trimmed, case-insensitive)',
  'graph.op.differs': 'Differs',
  'graph.op.and': 'Both conditions',
  'graph.op.or': 'Either condition',
  'graph.op.not': 'Negation',
  'graph.keyColumn': '{attribute} (key)',
  'graph.row': 'row',
  'graph.status': 'status',
  'graph.empty': '(empty)',
  'graph.duplicate': 'duplicate',
  'graph.emptyTag': 'empty',
  'graph.status.active': 'active',
  'graph.status.deactivate': 'deactivate',
  'graph.status.skipped': 'skipped',
  'graph.status.error': 'error',
  'graph.status.unknown': '–',
  'graph.notInSample': 'not in sample',
  'graph.notInSampleTitle': 'Not in the sampled source: every row reads empty',
  'graph.keyBadge': 'Mapping key',
  'graph.listTitle': 'Multi-valued: needs a pick function for a single field',
  'graph.requiredTitle': 'Needed to create an account in Plek',
  'graph.editAsText': 'Edit as text',
  'graph.refusal.endpoints': 'connect two nodes',
  'graph.refusal.fromField': 'a Plek field is an end point; it has no output',
  'graph.refusal.intoSource': '{kind, select, source {a source attribute} other {a constant}} has no input',
  'graph.refusal.fromOutput': 'connect from the output on the right of a node',
  'graph.refusal.intoInput': 'connect into an input on the left of a node',
  'graph.refusal.cycle': 'this edge would create a cycle',
  'graph.refusal.already': 'already connected',
  'graph.refusal.occupied': 'this input already has an edge; delete it first (an input takes one edge)',
  'graph.refusal.singleInput': '{field} has a single input',
  'graph.refusal.notOneInput': 'not takes one input',
  'graph.refusal.binaryTwo': '"{op}" takes two inputs',
  'graph.refusal.tooMany': '{fn} takes at most {max, plural, one {# input} other {# inputs}}',
  'graph.refusal.literalOnly': '{input} must be typed on the node, not wired (a fixed value)',
  'graph.refusal.listToText':
    '{input}: a list (multi-valued attribute) needs a pick function such as First, FindPrefix or Join first',
  'graph.refusal.dateToText': '{input}: a date needs FormatDate to become text',
  'graph.refusal.notNumber':
    '{input}: {from, select, date {a date} boolean {a yes/no value} list {a list} other {a {from}}} is not a number',
  'graph.refusal.notDate':
    '{input}: {from, select, number {a number} boolean {a yes/no value} list {a list} other {a {from}}} is not a date; use ParseDate on text',
  'graph.refusal.notList':
    '{input}: {from, select, date {a date} boolean {a yes/no value} other {a {from}}} cannot be a list',
  'graph.refusal.notCondition':
    '{input}: {from, select, number {a number} date {a date} list {a list} other {a {from}}} is not a condition; compare it, e.g. [Status] = "Actief"',
  'graph.type':
    '{type, select, text {text} number {number} date {date} boolean {yes/no} list {list} other {any}}',
  'graph.incomplete.missingNode': 'an input comes from a node that no longer exists',
  'graph.incomplete.cycle': 'the graph contains a cycle',
  'graph.incomplete.fieldFeeds': 'a Plek field cannot feed another node',
  'graph.incomplete.hole': 'input {n} of {fn} is not connected',
  'graph.incomplete.notOne': 'not needs exactly one input',
  'graph.incomplete.binaryTwo': '{fn} needs two inputs',
  'graph.incomplete.atLeast': '{fn} needs at least {n, plural, one {# input} other {# inputs}}',
  'graph.incomplete.atMost': '{fn} takes at most {n, plural, one {# input} other {# inputs}}',
  'graph.photoReason':
    "Plek does not synchronise profile photos (Plek: 'geen synchronisatieondersteuning voor profielfoto's').",
  'graph.birthDateReason':
    "Plek does not synchronise (birth) dates to profiles (Plek: 'geen synchronisatieondersteuning voor (geboorte)datums').",
  'graph.skipToGraph': 'Skip to the graph',
  'graph.toolbar': 'Graph tools',
  'graph.searchLabel': 'Search attribute or field',
  'graph.focus': 'Focus',
  'graph.focusTitle': 'Show only the chain of the selected field, large (Esc returns)',
  'graph.focusShowing': 'Showing only {field}',
  'graph.focusLeave': 'Show all (Esc)',
  'graph.minimapHide': 'Hide the overview map',
  'graph.minimapShow': 'Show the overview map',
  'graph.edgeToField': '{source} → {field}',
  'graph.edgeToInput': '{source} → {fn}, input {slot}{param, select, none {} other { ({param})}}',
  'graph.editFieldAsText': 'Edit {field} as text',
  'graph.expression': 'Expression',
  'graph.expressionFor': 'Expression for {field}',
  'graph.close': 'Close',
  'graph.dismiss': 'Dismiss',
  'graph.parseError': 'Column {column}: {detail}',
  'graph.literal': 'constant',
  'graph.literalValue': 'Constant value',
  'graph.keyBadgeText': 'key',
  'graph.listBadge': 'list',
  'graph.example': 'e.g. {example}',
  'graph.param.left': 'left',
  'graph.param.right': 'right',
  'graph.param.value': 'value',
  'graph.param.arg': 'argument {n}',
  'graph.a11y.node': 'Press Enter or Space to select a node; Delete removes it, Escape cancels.',
  'graph.a11y.nodeKeyboard':
    'Arrow keys: to the next node; Enter: edit it; E: its connections; C: connect it to another node; Shift+arrow keys move it; Delete removes it; Escape leaves the graph.',
  'graph.a11y.nodeMoved':
    'Moved the selected node {direction, select, up {up} down {down} left {left} right {right} other {{direction}}}. New position: x {x}, y {y}',
  'graph.a11y.edge':
    'E: the next connection of the node (Shift+E the previous); Enter: to the other end; Delete removes it; Escape: back to the node.',
  'graph.a11y.controls': 'Zoom controls',
  'graph.a11y.zoomIn': 'Zoom in',
  'graph.a11y.zoomOut': 'Zoom out',
  'graph.a11y.fitView': 'Fit everything in view',
  'graph.a11y.interactive': 'Lock or unlock the graph',
  'graph.a11y.minimap': 'Overview map',
  'graph.a11y.handle': 'Connection point',
  'graph.role.source': 'attribute',
  'graph.role.transform': 'function',
  'graph.role.literal': 'constant',
  'graph.role.target': 'Plek field',
  'graph.role.edge': 'connection',
  'graph.graphLabel': 'Mapping graph',
  'graph.graphParked': 'Enter or an arrow key: back to the nodes · Tab: on to the next part · ?: keys',
  'graph.keys': 'Keys',
  'graph.keys.summary':
    'Arrow keys: to the next node; Enter: edit it; E: its connections; C: connect it; Esc: leave the graph; ?: all keys.',
  'graph.keys.tab': 'The graph is one stop: Tab enters it at the node you were on, Tab again leaves it',
  'graph.keys.leftRight':
    'Along the lane: from the attribute through its functions to the Plek field, and back',
  'graph.keys.upDown': 'To the lane above or below (the same column first)',
  'graph.keys.homeEnd': 'To the start (attribute) or the end (Plek field) of the chain',
  'graph.keys.enter':
    'Edit the node: a Plek field as text, a function’s or constant’s typed values (Tab between them, Esc back); on an attribute: focus on its field',
  'graph.keys.edges':
    'Visit the node’s connections one by one (Shift+E backwards); Enter goes to the other end, Esc back to the node',
  'graph.keys.delete': 'Remove the function, constant or connection in focus',
  'graph.keys.move': 'Move the node',
  'graph.keys.escape': 'Leave focus mode, else leave the nodes (the graph keeps the focus; Tab goes on)',
  'graph.keys.help': 'Show or hide these keys',
  'graph.keys.connect':
    'Connect: start a connection from the node in focus; the arrow keys go to the node to connect to, I chooses its input, Enter connects, Esc cancels',
  'graph.connect.start':
    'Connecting from {source}. Arrow keys: go to the node to connect to; I: choose its input; Enter: connect; Esc: cancel.',
  'graph.connect.noStart': 'Cannot connect from {source}: {reason}.',
  'graph.connect.self': '{source}: the connection starts here; go to another node.',
  'graph.connect.can': '{edge}. Enter connects.',
  'graph.connect.cannot': '{target}: cannot connect here: {reason}.',
  'graph.connect.done': 'Connected: {edge}.',
  'graph.connect.refused': 'Not connected: {reason}. Choose another node, or Esc to cancel.',
  'graph.connect.cancelled': 'Connecting cancelled.',
  'graph.moved':
    '{node} moved {direction, select, up {up} down {down} left {left} other {right}}; position x {x}, y {y}.',
  'graph.focusHeld': '{node} is out of view. An arrow key goes on from it; Enter goes back to it.',
  'graph.keys.palette': 'Functions: one stop; the arrow keys go through the list, Enter adds the function',
  // Problems in an expression's text (src/shared/expression/errors.ts), shown after "Column N:".
  'expr.tooLong': 'the expression is too long ({length, number} characters, at most {max, number})',
  'expr.empty': 'the expression is empty',
  'expr.unexpected':
    '{what, select, end {the expression ends too early} attribute {an attribute is not expected here} string {a text in quotes is not expected here} other {"{token}" is not expected here}}',
  'expr.unexpectedChar':
    '"{char}" is not expected here{curly, select, yes { (write text in straight double quotes: "…")} other {}}',
  'expr.tooDeep': 'the expression is nested too deeply (more than {max} levels)',
  'expr.tooNested': 'too many nested brackets, calls or "not" (more than {max})',
  'expr.unknownName': 'unknown name {name}: an attribute is written [{name}], a function call {name}(…)',
  'expr.expected': '"{token}" is missing here',
  'expr.unterminatedAttribute': 'an attribute name in [ ] is not closed with ]',
  'expr.emptyAttribute': 'the attribute name between [ ] is empty',
  'expr.unterminatedString': 'a text in quotes is not closed with "',
  'expr.digitAfterDot': 'a digit must follow the decimal point',
  'expr.numberRange': 'the number {number} is too large',
  'expr.unknownFunction': 'unknown function {name}',
  'expr.arity':
    '{fn} expects {kind, select, exactly {{min, plural, one {# argument} other {# arguments}}} atLeast {at least {min, plural, one {# argument} other {# arguments}}} range {{min} to {max} arguments} other {{fixed} arguments and then pairs}}, got {got}',
  'expr.literalParam':
    '{fn} needs {param, select, format {the format} table {the table name} region {the region} mode {the mode} culture {the culture} other {the {param}}} as a text in quotes',
  // Raised by one function's own check of a literal argument (a pattern, a date format, a region…).
  'expr.regexTooLong':
    'the regular expression is too long ({length, number} characters, at most {max, number})',
  'expr.regexTooLarge':
    'the regular expression is too large once its repeats are expanded; use fewer or smaller repeat counts',
  'expr.regexLookaround':
    'look-ahead and look-behind ((?=…), (?!…), (?<=…), (?<!…)) are not supported; the patterns Plek understands are in docs/expressions.md',
  'expr.regexBackref':
    'back-references (\\1, \\k<name>) are not supported; the patterns Plek understands are in docs/expressions.md',
  'expr.regexEscape': "write a character escape as \\x'{'00e9'}' (not \\u00e9)",
  'expr.regexInvalid':
    'the regular expression cannot be read: {problem, select, charRange {a character range such as [z-a] runs backwards} escape {an escape with \\ is not known} namedCapture {a named group is not written (?P<name>…)} perlSyntax {this (?…) form is not supported} nestedRepeat {a repeat follows another repeat (such as a*+)} repeatCount {a count in braces is wrong or larger than 1000} missingBracket {a [ is not closed with ]} missingParen {a ( is not closed with )} repeatArgument {a *, + or ? has nothing before it to repeat} trailingBackslash {it ends in a lone \\} duplicateName {two groups have the same name} unexpectedParen {a ) has no ( before it} tooDeep {it is nested too deeply} tooLarge {it is too large} other {RE2 refuses it}}{where, select, yes { (at {near})} other {}}; the patterns Plek understands are in docs/expressions.md',
  'expr.dateFormatRepeats':
    'the date format "{format}" has the {part, select, y {year} M {month} other {day}} twice',
  'expr.dateFormatIncomplete':
    'the date format "{format}" needs a year, a month and a day (yyyy, MM, dd), or is one of "auto", "excel", "generalizedTime", "filetime"',
  'expr.dateFormatEmpty': 'the date format "{format}" has no yyyy, MM or dd',
  'expr.phoneRegion': 'unknown phone region "{region}": use a two-letter country code such as "NL"',
  'expr.culture': 'unknown culture "{culture}": use a language tag such as "nl-NL"',
  'expr.diacriticsMode': 'the mode of NormalizeDiacritics is "strip" or "dach", not "{mode}"',
  'expr.unknownValueMap':
    'there is no value map table "{name}"{count, plural, =0 { in this mapping} other { (the mapping has: {known})}}',

  // Issue texts: `issue.<code>.<variant>`, chosen by the engine in `Issue.params.id` (see src/shared/issues.ts).
  'issue.empty-key.text':
    'row {row}: the mapping key "{attribute}" is empty; Plek cannot recognise this person on the next sync. Fill it in the source.',
  'issue.eval.scope': 'row {row}: scope: {detail}',
  // Expression failures on a row's data, inside an issue's {detail}; {line} and {position} say where in the expression.
  'eval.invalidDate.format':
    '{fn}: {text} is not a date in format {format} ({line, plural, =0 {in the expression at position {position}} other {in the expression at line {line}, position {position}}})',
  'eval.invalidDate.invalid':
    '{fn}: {text} is not a valid date ({why, select, noSuchDay {no such day} outOfRange {out of range} excelRange {Excel serial numbers run from 1 to 2958465} excel1900 {serial 60 is 29-02-1900, a day that does not exist: the Excel 1900 bug} filetimeDigits {a FILETIME is a whole number of up to 19 digits} ambiguous {{a}/{b} could be day/month or month/day; give the format, for example ParseDate([…], "dd/MM/yyyy")} serialAmongText {a number among dates written as text; use ParseDate(…, "excel") if it really is a serial number} other {{why}}}) ({line, plural, =0 {in the expression at position {position}} other {in the expression at line {line}, position {position}}})',
  'eval.invalidDate.notDate':
    '{fn}: {text} is not a date ({line, plural, =0 {in the expression at position {position}} other {in the expression at line {line}, position {position}}})',
  'eval.invalidPhone':
    '{fn}: {text} is not a valid phone number for {region} ({line, plural, =0 {in the expression at position {position}} other {in the expression at line {line}, position {position}}})',
  'eval.notWhole':
    '{fn}: {param, select, length {the length} start {the start} index {the position} days {the number of days} number {the word number} other {{param}}} must be a whole number, not {text} ({line, plural, =0 {in the expression at position {position}} other {in the expression at line {line}, position {position}}})',
  'eval.notNumber':
    '{fn}: {text} is not a number ({line, plural, =0 {in the expression at position {position}} other {in the expression at line {line}, position {position}}})',
  'eval.emptySeparator':
    '{fn}: the separator is empty ({line, plural, =0 {in the expression at position {position}} other {in the expression at line {line}, position {position}}})',
  'eval.regexInputTooLong':
    '{fn}: the text is longer than {max, number} characters ({line, plural, =0 {in the expression at position {position}} other {in the expression at line {line}, position {position}}})',
  'eval.badToday':
    '{fn}: the run date {today} is not written yyyy-MM-dd ({line, plural, =0 {in the expression at position {position}} other {in the expression at line {line}, position {position}}})',
  'eval.dateOutOfRange':
    '{fn}: the result lies outside the years 1 to 9999 ({line, plural, =0 {in the expression at position {position}} other {in the expression at line {line}, position {position}}})',
  'eval.tooLarge': 'the result is too large (a text grew past the longest text Plek can hold)',
  'issue.eval.field': 'row {row}: {field}: {detail}; the field is left unchanged in Plek',
  'issue.eval.inactiveWhen': 'row {row}: deactivation.inactiveWhen: {detail}',
  'issue.eval.endDate':
    'row {row}: end date: {detail}; the user is not synced until the date is fixed, so nobody is deactivated by mistake',
  'issue.eval.endDateLeaver':
    'row {row}: end date: {detail} (the source says this person left, so the account is deactivated anyway)',
  'issue.eval.startDate': 'row {row}: start date: {detail}; the user is not created until it is fixed',
  'issue.invalid-date.startDate':
    'row {row}: start date "{value}" is not a date; use ParseDate in activation.startDate',
  'issue.starting-later.text':
    'row {row}: starts on {date}; the account is created {days, plural, =0 {on that day} one {# day before that} other {# days before that}}',
  'issue.out-of-scope.text': 'row {row}: skipped, out of scope: {scope} is not true',
  'issue.similar-key.text':
    'row {row}: mapping key "{key}" differs from {like} ({count, plural, one {row} other {rows}} {others}) only by case or leading zeros; probably the same person — check the source',
  'issue.invalid-date.endDate':
    'row {row}: end date "{value}" is not a date; use ParseDate in deactivation.endDate',
  'issue.missing-required.text':
    'row {row}: {targetLabel} is empty{columns, select, none {} other { (read from {columns})}}; Plek needs it to create an account{active, select, no { (the user is inactive, so only a deactivation is possible)} other {}}',
  'issue.invalid-email.text': 'row {row}: "{email}" is not a valid email address',
  'issue.leaving-later.text': 'row {row}: leaves on {date}; stays active until then',
  'issue.mapping-invalid.unknownColumn':
    'the mapping reads [{attribute}], but the source has no such column or attribute; check the spelling (columns: {columns})',
  'issue.duplicate-key.text':
    'row {row}: mapping key "{key}" also appears in {count, plural, one {row} other {rows}} {others}; a key must be unique, so none of these rows is synced',
  'issue.duplicate-email.text':
    'row {row}: email "{email}" is also used in {count, plural, one {row} other {rows}} {others} (compared without case and spaces); Plek needs a unique email per account',
  'issue.login-collision.text':
    'login "{login}" is shared by rows {rows}; row {first} keeps it, the others get _<{suffix}> ({given}). An account that already holds a login in Plek always keeps it.',
  'issue.login-collision.exhausted':
    'row {row}: every variant of the login "{login}" is taken; set {suffix} apart or change the login schema',
  'issue.login-empty.text':
    'row {row}: the login schema gives no login ({fields} hold no letters or digits); fix the name in the source',
  'issue.key-changed.text':
    'row {row}: the mapping key changed from "{old}" to "{key}" for the same person ({why, select, email {same email {email}} other {same name and birth date}}); syncing would create a duplicate account. Restore the old {attribute} in the source, or choose a key that never changes.',
  'issue.source-unreadable.empty': '{file} is empty: it has no header row; export the file again',
  'issue.encoding.more':
    '{file}: {n, plural, one {# more cell} other {# more cells}} with characters lost in a bad encoding {n, plural, one {is} other {are}} not listed; re-export as UTF-8 or set the encoding',
  'issue.encoding.questionMark':
    'row {row}: "{value}" in [{column}] has a "?" between letters: a letter the export\'s code page could not hold (ş, ı, ł …) was replaced; export as UTF-8 ("CSV UTF-8") and check the name',
  'issue.encoding.switchedTo1252':
    '{file} row {row}: the file was plain ASCII up to here, but this row is not valid UTF-8, so it and the rest are read as Windows-1252; set the encoding if letters look wrong',
  'issue.encoding.lost':
    '{file} row {row}, column {letter} ({column}) "{field}": characters lost in a bad encoding; re-export as UTF-8 or set the encoding (now {encoding})',
  'issue.encoding.bomMismatch':
    '{file}: the encoding is set to {chosen}, but the file starts with a {bom} byte-order mark; letters may come out wrong — set the encoding to "auto" or {bom}',
  'issue.unterminated-quote.swallowed':
    '{file} rows {row}–{last}: a quoted value in row {row} has text after its closing quote (like "Team" leider), so these rows were read as one value; in the export, quote the whole value with inner quotes doubled ("""Team"" leider") or drop the quotes. The rows are skipped.',
  'issue.empty-row.text': '{file} row {row} is empty; skipped',
  'issue.unterminated-quote.stray':
    '{file} row {row}: a quoted value has a stray quote (") inside it that is not doubled; check the values of this row',
  'issue.unterminated-quote.open':
    '{file} row {row}: a value opens a quote (") that is never closed, so everything from row {row} to the end of the file reads as one value; close or remove that quote in the export',
  'issue.long-row.text':
    '{file} row {row}: {actual} fields where the header has {expected}{start, select, none {} other { (it starts with "{start}")}}; {suspect, select, yes {the value "{value}" in column {letter} ({column}) "{header}" probably contains an unquoted {delimiter}} other {a value probably contains an unquoted {delimiter} (for example "{example}")}} — put that value in quotes in the export. The row is skipped.',
  'issue.short-row.text':
    '{file} row {row}: {actual, plural, one {# field} other {# fields}} where the header has {expected}{start, select, none {} other { (it starts with "{start}")}}; the row is cut short — a value may hold an unquoted line break, or {delimiter} delimiters are missing. The row is skipped.',
  'issue.empty-header.trailing':
    '{file}: column {letter} ({column}) has no header (a trailing delimiter in the export?); its values are ignored',
  'issue.empty-header.inner':
    '{file}: column {letter} ({column}) has no header; give it a name in the export so its values can be used',
  'issue.duplicate-header.text':
    '{file}: column {firstLetter} ({first}) and column {letter} ({column}) are both called "{name}"; rename one of them in the export (the values of column {letter} ({column}) are ignored until then)',

  // The command line (plek-sync).
  'cli.lang': 'language of the messages: nl or en (default: from LC_ALL, LC_MESSAGES or LANG)',
  'cli.progress.rate': '{rate} ops/s',
  'cli.progress.eta': 'ETA {time}',
  'cli.more': '… and {n, number} more (use --json for all)',
  'cli.plan.heading':
    'Plan for {target} (today {today}, {rows, plural, one {# source row} other {# source rows}}{initial, select, yes {, initial import} other {}})',
  'cli.plan.linkedLeavers': '({n, number} linked and deactivated)',
  'cli.plan.target': 'Target: {warning}',
  'cli.plan.safe': 'Safety: ok',
  'cli.plan.blocked': 'Safety: BLOCKED — nothing will be applied',
  'cli.plan.row': 'row {row}',
  'cli.plan.warning': 'warning: {warning}',
  'cli.plan.managerCreated': 'manager "{key}" (created in this run)',
  'cli.plan.manual':
    "Plek accounts to assign by hand ({n, number}): set their externalId to the person's mapping key, or leave them",
  'cli.plan.noUserName': '(no userName)',
  'cli.plan.written': 'Plan written to {file}; apply it with: {command}',
  'cli.plan.blockedExit': '✗ the safety guards block this plan',
  'cli.apply.blocked': '✗ the plan is blocked by the safety guards; nothing was changed:',
  'cli.apply.summary':
    '{ok, number} ok, {failed, number} failed, {notRun, number} not run, {noop, number} unchanged, {conflict, plural, one {# conflict} other {# conflicts}}, {skipped, number} skipped{warnings, plural, =0 {} other {, # with a warning}}',
  'cli.apply.interrupted': 'interrupted: {summary}; run the same command again to resume',
  'cli.apply.report': 'report: {json}, {nl} and {en}',
  'cli.apply.target': 'target: {warning}',
  'cli.apply.failure': '{key}: {reason}',
  'cli.run.comparedWithFile': 'compared with {file}',
  'cli.run.comparedWithState':
    'compared with the state of the run of {date} ({rows, plural, one {# row} other {# rows}})',
  'cli.run.noState': 'no daily state yet: this run starts it',
  'cli.run.stateOff': 'daily state off (--no-state)',
  'cli.run.attention':
    'exit 1: {conflicts, plural, one {# conflict} other {# conflicts}} and {rows, plural, one {# row with errors needs} other {# rows with errors need}} attention (see the report)',
  'cli.validate.summary': '{source}: {rows, plural, one {# row} other {# rows}}, today = {today}',
  'cli.validate.users':
    '{active, number} active ({leaving, number} leaving later), {deactivate, number} to deactivate, {skipped, number} skipped ({starting, number} starting later), {error, number} with errors',
  'cli.validate.blocked': '✗ errors block a sync of the rows named above',
  'cli.validate.ok': '✓ nothing blocks a sync',

  // Directory (LDAP) failures: what happened and what to do; the server's own words only as a technical detail.
  'start.noElectron':
    'Electron is not installed on this machine (its download failed or was skipped during npm install), so the workbench opens in your browser instead: {url}',
  'serve.building': 'Building the workbench UI once (vite build → out/renderer)…',
  'serve.internalError': 'Internal error in {channel} (a fault in the workbench; technical detail: {detail})',
  'serve.demoFailed': 'The demo project could not be opened: {detail}',
  'ldap.connected':
    'Connected and signed in; {more, select, true {more than {entries, number} entries} other {{entries, plural, one {# entry} other {# entries}}}} found under the base DN{warned, select, true { ({warnings})} other {}}.',
  'ldap.warning.plain':
    '{url} without StartTLS: the password and all user data cross the network unencrypted. Use this only on an isolated test network',
  'ldap.warning.referrals':
    'followReferrals is not supported yet: search references are skipped. Point the base DN at the OU that holds the people',
  'ldap.tls': 'Cannot set up a secure connection to {server}: {problem}.',
  'ldap.tlsProblem.untrusted': 'the certificate is signed by a CA this computer does not trust',
  'ldap.tlsProblem.selfSigned': 'the certificate is self-signed',
  'ldap.tlsProblem.expired': 'the certificate has expired',
  'ldap.tlsProblem.notYetValid': 'the certificate is not valid yet (check the clock of this computer)',
  'ldap.tlsProblem.altName': 'the certificate was issued for another host name',
  'ldap.tlsProblem.pinMismatch': 'the certificate is not the one pinned for this project',
  'ldap.tlsProblem.other': 'the TLS handshake failed ({code})',
  'ldap.hint.pinMismatch':
    'The directory now presents a different certificate than the one pinned. If the customer renewed it, check the new subject, issuer and fingerprint with them and pin it again; otherwise do not connect.',
  'ldap.hint.altName':
    'Use the host name the certificate was issued for (see the certificate details), or ask for a certificate that includes this name.',
  'ldap.hint.tls':
    "Ask the customer for the CA certificate that signed the directory's certificate and set it as the CA file, or compare the fingerprint with the customer and pin this certificate.",
  'ldap.refused': 'Nothing answers on {server} (connection refused).',
  'ldap.hint.refused':
    'Check the host name and port (389 for ldap://, 636 for ldaps://) and that this computer is on the customer network or VPN.',
  'ldap.notFound': 'The host name in {server} cannot be resolved.',
  'ldap.hint.notFound':
    'Check the spelling of the host name, and that this computer uses the customer DNS (VPN connected?).',
  'ldap.connectionFailed': 'The connection to {server} failed ({code}).',
  'ldap.hint.connectionFailed':
    'Check that this computer is on the customer network or VPN and that a firewall allows the LDAP port.',
  'ldap.connectTimeout': '{server} did not accept a connection in time.',
  'ldap.hint.connectTimeout':
    'Check the host name and port and that a firewall allows the LDAP port from this computer; raise timeoutMs for slow links.',
  'ldap.timeout': '{server} did not answer in time.',
  'ldap.hint.timeout': 'Narrow the base DN or the filter, or raise timeoutMs in the source settings.',
  'ldap.bindRefused': '{server} refused the bind as {bindDn}: {what} (AD data {data}).',
  'ldap.ad.525': 'the account does not exist',
  'ldap.ad.52e': 'the password is wrong',
  'ldap.ad.530': 'the account may not log on at this time',
  'ldap.ad.531': 'the account may not log on from this computer',
  'ldap.ad.532': 'the password has expired',
  'ldap.ad.533': 'the account is disabled',
  'ldap.ad.701': 'the account has expired',
  'ldap.ad.773': 'the password must be changed before the first logon',
  'ldap.ad.775': 'the account is locked out after too many wrong passwords',
  'ldap.adHint.525':
    'Check the bind DN or UPN for typos; use the exact userPrincipalName (name@domain) or the full DN of the service account.',
  'ldap.adHint.52e':
    'Check the password of the service account (PLEK_LDAP_PASSWORD for the CLI, the secret store in the app). Each wrong attempt counts towards the lockout threshold.',
  'ldap.adHint.530':
    "Ask the AD administrator to lift the account's logon-hours restriction for the service account.",
  'ldap.adHint.531':
    "Ask the AD administrator to remove the 'Log on to' workstation restriction of the service account.",
  'ldap.adHint.532':
    "Ask the AD administrator to set a new password and tick 'Password never expires' for the service account, then update the stored password.",
  'ldap.adHint.533':
    'Ask the AD administrator to enable the service account (Active Directory Users and Computers → Enable Account).',
  'ldap.adHint.701':
    "Ask the AD administrator to clear 'Account expires' (set it to Never) for the service account.",
  'ldap.adHint.773':
    "Ask the AD administrator to untick 'User must change password at next logon' (or log on once and change it), then update the stored password.",
  'ldap.adHint.775':
    'Wait for the lockout to expire or ask the AD administrator to unlock the service account; check the stored password first so the next attempt does not lock it again.',
  'ldap.invalidCredentials':
    '{server} refused the bind as {bindDn}: wrong bind DN or password{data, select, none {} other { (AD data {data})}}.',
  'ldap.hint.invalidCredentials': 'Check the bind DN (a full DN, or name@domain for AD) and the password.',
  'ldap.sizeLimit': '{server} stopped the search at its size limit.',
  'ldap.hint.sizeLimit':
    'Paging is on, but the server still limits the total for this account. Narrow the base DN or filter, or ask the administrator to lift the limit for the service account.',
  'ldap.noSuchObject': 'The base DN {baseDn} does not exist on {server}.',
  'ldap.hint.noSuchObject':
    'Check the base DN: copy it from the distinguishedName of the OU (Attribute Editor in Active Directory Users and Computers).',
  'ldap.encryptedOnly': '{server} only accepts encrypted binds.',
  'ldap.hint.encryptedOnly': 'Turn StartTLS on (startTls: true) or use ldaps://.',
  'ldap.dnSyntax': '{server} cannot read a DN in the request (bind DN {bindDn} or base DN {baseDn}).',
  'ldap.hint.dnSyntax': 'Check the bind DN and base DN for typos (CN=…,OU=…,DC=…).',
  'ldap.noAccess':
    '{bindDn} may not read {baseDn, select, none {this part of the directory} other {{baseDn}}} on {server}.',
  'ldap.hint.noAccess': 'Ask the administrator to give the service account read access to the users OU.',
  'ldap.bindUnwilling': '{server} refused the bind as {bindDn}.',
  'ldap.hint.bindUnwilling':
    'Bind with a service account and its password; anonymous and unauthenticated binds are not allowed.',
  'ldap.unknown': '{server}: {detail}',
  'ldap.hint.unknown':
    'Check the connection settings; if the problem stays, send this message (it contains no password) to Plek support.',
  'ldap.filter': 'The LDAP filter {filter} is not valid: {detail}',
  'ldap.hint.filter':
    'Check the parentheses (every condition in its own, e.g. (&(objectClass=user)(department=Zorg))) and escape * ( ) \\ in values as \\2a \\28 \\29 \\5c.',
  'ldap.anonymous':
    'No {missing, select, bindDn {bind DN} other {password}} for {server}: anonymous binds are refused.',
  'ldap.hint.anonymous':
    'An anonymous or empty-password bind "succeeds" on many servers but reads nothing (AD treats an empty password as an unauthenticated bind). Give the service account DN or UPN and its password (PLEK_LDAP_PASSWORD for the CLI).',
  'ldap.aborted': 'Reading {server} was cancelled.',
  'ldap.hint.aborted': 'Start the read again when ready.',

  // Why a file or a connection failed, from the system's code: what happened and what to do.
  'sys.read.missing': 'the file does not exist (moved or renamed?); choose the file again',
  'sys.read.folder': 'it is a folder, not a file; give the file inside it',
  'sys.read.folderCsv': 'it is a folder, not a file; choose the CSV file inside it',
  'sys.read.folderInstead': 'a folder stands where a file should be',
  'sys.read.denied': 'permission denied; ask for read access or copy the file to a folder of your own',
  'sys.read.locked': 'it is locked by another program (open in Excel?); close it there and retry',
  'sys.read.other': 'the system reported {code}; check the file and retry',
  'sys.write.missing': 'the folder does not exist; create it first or choose another place',
  'sys.write.denied': 'permission denied; choose a folder you may write to',
  'sys.write.folder': 'it is a folder; give a file name',
  'sys.write.exists': 'it already exists; pass --force to overwrite it',
  'sys.write.full': 'the disk is full',
  'sys.write.readOnly': 'the disk is read-only',
  'sys.write.locked': 'it is locked by another program (open in Excel?); close it there and retry',
  'sys.write.other': 'the system reported {code}',
  'sys.net.refused':
    'nothing answers there (connection refused); check the host name and port, and that the server is running',
  'sys.net.notFound':
    'the host name cannot be resolved; check its spelling and the network connection (VPN?)',
  'sys.net.timeout': 'no answer in time; check the network connection (VPN, proxy, firewall) and try again',
  'sys.net.reset':
    'the connection broke off; try again, and check the network connection if it happens again',
  'sys.net.unreachable': 'the network cannot reach the host; check the connection (VPN, firewall)',
  'sys.tls.untrusted': 'the certificate is signed by a CA this computer does not trust',
  'sys.tls.selfSigned': 'the certificate is self-signed',
  'sys.tls.expired': 'the certificate has expired',
  'sys.tls.notYetValid': 'the certificate is not valid yet (check the clock of this computer)',
  'sys.tls.altName': 'the certificate was issued for another host name',
  'sys.tls.other': 'the secure connection could not be set up',
  'sys.api.unreachable': 'Cannot connect to {endpoint}: {reason}.',

  // A source that cannot be read at all.
  'sourceError.unreadable': 'Cannot read {file}: {reason}',
  'sourceError.empty': 'Cannot read {file}: it is empty (no header row); export the file again',
  'sourceError.binary':
    'Cannot read {file}: it is a binary file, not a CSV export; ask for the export as CSV',
  'sourceError.notCsv':
    'Cannot read {file}: it is {kind, select, xlsx {an Excel workbook (.xlsx) or another ZIP file, not a CSV file; in Excel choose File → Save As → "CSV (semicolon separated)" and pick that file} xls {an old Excel workbook (.xls), not a CSV file; in Excel choose File → Save As → "CSV (semicolon separated)" and pick that file} pdf {a PDF document, not a CSV file; ask for the export as CSV} png {a PNG image, not a CSV export; ask for the export as CSV} jpeg {a JPEG image, not a CSV export; ask for the export as CSV} gif {a GIF image, not a CSV export; ask for the export as CSV} gzip {a gzip archive, not a CSV export; ask for the export as CSV} 7z {a 7-Zip archive, not a CSV export; ask for the export as CSV} rar {a RAR archive, not a CSV export; ask for the export as CSV} other {not a CSV export; ask for the export as CSV}}',
  'sourceError.aborted': 'Reading {file} was cancelled',
  'sourceError.noWorker':
    'Cannot read {file} in a thread of its own: PLEK_CSV_WORKER is on, but this installation has no csv-worker.js; remove PLEK_CSV_WORKER or install again',
  'sourceError.workerStopped':
    'Reading {file} stopped: the thread that reads it ended unexpectedly (exit code {code}), for example because the computer ran out of memory. Try again, or set PLEK_CSV_WORKER=off to read it without a thread',
  'sourceError.withHint': '{message} {hint}',

  // The CLI's own errors: usage, files, settings. Each says what to do.
  'cli.error.prefix': 'plek-sync: {message}',
  'cli.error.whatToDo': 'what to do: {hint}',
  'cli.error.technical': 'technical detail: {detail}',
  'cli.error.certificate': 'certificate: subject {subject}',
  'cli.error.certificateIssuer': 'issuer {issuer}',
  'cli.error.certificateValid': 'valid {from} – {to}',
  'cli.error.certificateFingerprint': 'SHA-256 {fingerprint}',
  'cli.error.unexpected':
    'unexpected error: this is a fault in plek-sync, not in your files. Send the technical detail below (it contains no password) to Plek support.',
  'cli.error.column': '(column {column})',
  'cli.error.portInUse': 'port {port} on 127.0.0.1 is in use; choose another with --port, or leave it out',
  'cli.error.write': 'cannot write {path}: {reason}',
  'cli.error.cancelled': 'cancelled',
  'cli.error.mappingMissing':
    'mapping file {file} does not exist; check the path (or create one with: plek-sync init --source HR.csv)',
  'cli.error.mappingUnreadable': 'cannot read mapping file {file}: {reason}',
  'cli.error.mappingInvalid': '{file} is not a valid mapping file:',
  'cli.error.mappingErrors': '{file} has mapping errors:',
  'cli.error.stateUnreadable':
    'cannot read the previous state {file}: expected a file written by --write-state',
  'cli.error.stateInvalid': '{file} is not a state file written by --write-state',
  'cli.error.stateUnreadableDaily': 'cannot read the daily state {file}: {reason}',
  'cli.error.stateDamaged':
    'the daily state {file} is damaged: move it away (the next run starts without key-change and truncation checks) or pass --previous',
  'cli.error.noSource': 'the mapping names no source file: pass --source FILE (the HR export)',
  'cli.error.ldapPassword':
    'the directory {url} needs the bind password of {bindDn}: set PLEK_LDAP_PASSWORD (it is never stored in the mapping file)',
  'cli.error.plainLdap':
    'the mapping switches StartTLS off: the bind password of {bindDn} would cross the network unencrypted to {url}. Switch startTls on, use ldaps://, or pass --allow-plain-ldap if that is really what you want',
  'cli.error.caFile': 'cannot read the CA file {file} named in source.caFile: {reason}',
  'cli.error.targetForm': '--target {target} is neither a URL nor "sandbox[:DIR]"',
  'cli.error.targetCredentials': 'put credentials in PLEK_CLIENT_SECRET / PLEK_TOKEN, never in the URL',
  'cli.error.sandboxDir':
    '{reason}; target.dataDir in a mapping must be a folder inside the workbench data folder — pass another folder with --target sandbox:DIR',
  'cli.error.sandboxUnreadable':
    'cannot read the sandbox state in {dir}: {reason}; move that folder away to start with an empty sandbox, or choose another with --target sandbox:DIR',
  'cli.error.noTarget': 'no target: pass --target URL|sandbox[:DIR] or set "target" in the mapping',
  'cli.error.tokenHost':
    'the mapping sends the client secret to {origin}, not to the target {baseOrigin}; if that token server is right, confirm it with --token-url {tokenUrl}',
  'cli.error.noClientId':
    'PLEK_CLIENT_SECRET is set but no client id: pass --client-id or set target.clientId in the mapping',
  'cli.error.noCredentials':
    'no credentials: set PLEK_CLIENT_SECRET (with --client-id) or PLEK_TOKEN in the environment',
  'cli.error.target': 'Plek target: {reason}',
  'cli.error.targetUnreachable': 'Plek target: no answer from Plek: {reason}',
  'cli.error.seedUnreadable': 'cannot read the seed file {file}: {reason}',
  'cli.error.seedInvalid': "{file} is not a JSON file with users and groups ('{' users, groups '}')",
  'cli.error.journalOtherPlan':
    'the journal {file} belongs to another plan (was a new plan written to the same file?): move it away or pass --journal with a new file',
  'cli.error.planUnreadable':
    'cannot read the plan {file}: expected the JSON (or .json.gz) written by plek-sync plan --out',
  'cli.error.planInvalid': '{file} is not a plan written by plek-sync plan --out (version 1)',
  'cli.error.planTarget':
    'the plan was made for {planTarget}, not for {target}: make a new plan for this target',
  'cli.error.initLdapOptions':
    'init from a directory needs --bind-dn and --base-dn (and the password in PLEK_LDAP_PASSWORD)',
  'cli.error.initLdapPassword': 'set PLEK_LDAP_PASSWORD to the bind password of {bindDn}',
  'cli.error.ldapSettings': 'invalid directory settings:',
  'cli.error.apiSettings': 'invalid source settings:',
  'cli.error.initPersonio':
    'init --source personio needs --source-client-id (the secret goes in PLEK_SOURCE_SECRET)',
  'cli.error.initAfas':
    'init --source afas needs --source-url (https://12345.rest.afas.online/ProfitRestServices) and --connector (the token goes in PLEK_SOURCE_TOKEN)',
  'cli.error.initRest': 'init --source rest needs --source-url (the URL that lists the people)',
  'cli.error.initOauth':
    '--auth oauth2 needs --token-url and --source-client-id (the secret goes in PLEK_SOURCE_SECRET)',
  'cli.error.apiSecret':
    'set {env} to {kind, select, afas {the AFAS token} personio {the client secret of Personio client ID {clientId}} oauth2 {the client secret of client ID {clientId}} bearer {the bearer token} apiKey {the API key (header {header})} other {the secret}} (it is never written to the mapping file)',
  'cli.error.apiEmpty': '{source} returned no records; check the settings (connector, records path, rights)',

  // commander's sentences and the help headings, in the CLI's language.
  'cli.usage.error': 'error: {message}',
  'cli.usage.seeHelp': '(run plek-sync --help for usage)',
  'cli.usage.unknownOption':
    'unknown option {flag}{suggestion, select, none {} other { (did you mean {suggestion}?)}}',
  'cli.usage.unknownCommand':
    'unknown command {name}{suggestion, select, none {} other { (did you mean {suggestion}?)}}',
  'cli.usage.missingOption': 'the option {flags} is required',
  'cli.usage.optionMissingValue': 'the option {flags} needs a value',
  'cli.usage.missingArgument': 'the argument {name} is missing',
  'cli.usage.excessArguments':
    'too many arguments: {expected, plural, =0 {none expected} one {# expected} other {# expected}}, {got, number} given',
  'cli.usage.conflict': '{a} and {b} cannot be used together',
  'cli.usage.invalidValue': 'the option {flags} does not accept "{value}": {reason}',
  'cli.usage.invalidArgument': 'the argument {name} does not accept "{value}": {reason}',
  'cli.usage.expectedLang': 'expected nl or en',
  'cli.usage.expectedDate': 'expected a date as YYYY-MM-DD, e.g. 2026-11-23',
  'cli.usage.expectedDays': 'expected a number of days from {min} to {max}, e.g. 30',
  'cli.usage.expectedPositive': 'expected a whole number of 1 or more',
  'cli.usage.expectedPort': 'expected a port number {min}-65535',
  'cli.help.usage': 'Usage:',
  'cli.help.options': 'Options:',
  'cli.help.commands': 'Commands:',
  'cli.help.arguments': 'Arguments:',
  'cli.help.globalOptions': 'Global options:',
  'cli.help.help': 'display help for a command',
  'cli.help.version': 'output the version number',
  'cli.help.program':
    'Plek provisioning: map an HR export or Active Directory to Plek users, validate, plan and sync.',
  'cli.help.allowPlainLdap':
    'bind to a directory over plain LDAP (StartTLS off) with the password: only when you mean it',

  // The sandbox's start-up lines and other CLI notes.
  'cli.sandbox.on': 'on {url}',
  'cli.sandbox.tokenUrl': 'token URL',
  'cli.sandbox.clientId': 'client id',
  'cli.sandbox.clientSecret': 'client secret',
  'cli.sandbox.secretFromEnv': '(from PLEK_CLIENT_SECRET)',
  'cli.sandbox.state': 'state',
  'cli.sandbox.inMemory': 'in memory',
  'cli.sandbox.profile': 'profile',
  'cli.sandbox.profileName':
    '{profile, select, permissive {permissive} other {plek (value-filter PATCH paths refused, as Plek does)}}',
  'cli.sandbox.stop': 'Stop with Ctrl+C.',
  'cli.run.pruneFailed': 'could not remove old run files: {reason}',

  // The help text of each command and option.
  'cli.help.apply': 'apply a plan written by plek-sync plan --out; resumable: re-run after an interruption',
  'cli.help.mappingTarget': 'mapping file (.plekmap.json): the target when --target is absent',
  'cli.help.plan': 'plan JSON (or .json.gz) from plek-sync plan --out',
  'cli.help.targetPlan': 'SCIM base URL, "sandbox" or "sandbox:DIR"; must be the plan\'s target',
  'cli.help.clientId': 'OAuth2 client id (the secret comes from PLEK_CLIENT_SECRET)',
  'cli.help.tokenUrl': 'OAuth2 token URL (default: <target>/oauth/token)',
  'cli.help.journal': 'journal for resuming (default: <plan>.journal.jsonl)',
  'cli.help.reportApply': 'run report (.json, with a .csv beside it; default: <plan>.report.json)',
  'cli.help.massDeactivation':
    "allow more deactivations than the mapping's safety thresholds (this run only)",
  'cli.help.jsonSummary': 'a JSON summary on stdout',
  'cli.help.sourceUrl': 'personio|afas|rest: API base URL (Personio: default https://api.personio.de)',
  'cli.help.sourceClientId': 'personio|rest: OAuth2 client ID (the secret comes from PLEK_SOURCE_SECRET)',
  'cli.help.connector': 'afas: the GetConnector id (the token comes from PLEK_SOURCE_TOKEN)',
  'cli.help.orderBy': 'afas: field id to sort on while paging, e.g. Medewerker',
  'cli.help.auth': 'rest: oauth2, bearer, api-key or none (default: oauth2 with a client ID, else bearer)',
  'cli.help.restTokenUrl': 'rest: OAuth2 token URL',
  'cli.help.scope': 'rest: OAuth2 scope',
  'cli.help.apiKeyHeader': 'rest: header that carries the API key, e.g. X-Api-Key',
  'cli.help.recordsPath': 'rest: where the list is in the response, e.g. data (default: the response itself)',
  'cli.help.paging': 'rest: none, offset, page, cursor or next-link',
  'cli.help.pageSize': 'rest/afas/personio: records per page',
  'cli.help.cursorPath': 'rest: where the next cursor is, e.g. meta.next_cursor',
  'cli.help.cursorParam': 'rest: query parameter for the cursor (default cursor)',
  'cli.help.nextPath': 'rest: where the next-page URL is, e.g. links.next',
  'cli.help.totalPath': 'rest: where the total count is, e.g. meta.total',
  'cli.help.init':
    'propose a mapping from an HR export’s headers, an Active Directory’s attributes, or an HR application’s API',
  'cli.help.initSource': 'HR export (CSV), ldaps://host / ldap://host, or personio / afas / rest',
  'cli.help.initOut': 'where to write the mapping (default: print it)',
  'cli.help.name': 'project name shown in the workbench',
  'cli.help.bindDn': 'LDAP: bind DN or UPN (password from PLEK_LDAP_PASSWORD)',
  'cli.help.baseDn': 'LDAP: where the users are, e.g. OU=Medewerkers,DC=corp,DC=example',
  'cli.help.caFile': 'LDAP: PEM file of the CA that signed the directory certificate',
  'cli.help.flavor': 'LDAP: ad or openldap (default: ad)',
  'cli.help.force': 'overwrite --out if it exists',
  'cli.help.map': 'write the Plek users a source maps to, one SCIM User resource per line (JSON Lines)',
  'cli.help.mapping': 'mapping file (.plekmap.json)',
  'cli.help.source': 'HR export (overrides source.path in the mapping)',
  'cli.help.previousMap': 'previous export or state file, to check key stability',
  'cli.help.today': 'the date to judge end dates by (YYYY-MM-DD; default: today)',
  'cli.help.out': 'write to this file instead of stdout',
  'cli.help.targetMapping': 'SCIM base URL, "sandbox" or "sandbox:DIR" (default: the mapping\'s target)',
  'cli.help.previousPlan': 'previous export or state file: guards against a truncated source',
  'cli.help.initialImport':
    'link existing Plek accounts by email (default: when no account has an externalId yet)',
  'cli.help.planCommand': 'dry run: what a sync would change in Plek, per user and field',
  'cli.help.planJson': 'the plan as JSON on stdout',
  'cli.help.planOut': 'write the plan JSON for plek-sync apply (gzip-compressed when it ends in .gz)',
  'cli.help.all': 'also list users without changes',
  'cli.help.run': 'plan and apply in one go (the daily scheduled sync)',
  'cli.help.runDir': 'where journals and reports go (default: the workbench data folder/runs)',
  'cli.help.reportRun': 'run report (.json, with .nl.csv and .en.csv beside it)',
  'cli.help.stateDir': 'where the daily state is kept (default: the workbench data folder/state)',
  'cli.help.noState':
    'do not read or save the daily state (a dry experiment: no key-change or truncation check unless --previous)',
  'cli.help.retentionDays':
    'after the run, delete journals and reports older than this many days (default: the workbench setting, else 30); in the workbench data folder also old uploads and sandbox state',
  'cli.help.sandbox': 'start the Plek sandbox (a local SCIM 2.0 server) on 127.0.0.1',
  'cli.help.port': 'port (default: a free one)',
  'cli.help.data': 'state folder (default: the workbench data folder/sandbox)',
  'cli.help.memory': 'keep the state in memory only',
  'cli.help.demo': 'seed a new state with the demo accounts (for the linking demo)',
  'cli.help.seed': "seed a new state from this JSON file ('{' users, groups '}')",
  'cli.help.permissive':
    'accept value-filter PATCH paths (emails[type eq "work"].value), which Plek (the default profile) refuses',
  'cli.help.demoCommand':
    'write the bundled demo (mapping and HR export) into a folder, its start and end dates moved to today',
  'cli.help.demoOut': 'the folder to write to (default: plek-demo)',
  'cli.help.demoToday': 'the day the demo’s dates are moved to (YYYY-MM-DD; default: today)',
  'cli.demo.export': 'wrote {path}, its dates as on {today} (the demo is written for {anchor})',
  'cli.demo.mappingKept': 'kept {path}: it was there already, so your changes stay',
  'cli.demo.sandbox': 'wrote {path}: the demo’s Plek, a sandbox with its accounts to link',
  'cli.demo.sandboxKept': 'kept {path}: what earlier runs did in the demo’s Plek stays',
  'cli.demo.then': 'then:  plek-sync plan --mapping {path} --target sandbox:{sandbox}',
  'cli.help.serve': 'open the workbench in your browser (loopback only, protected by a random token)',
  'cli.help.servePort': 'port on 127.0.0.1 (default: a free one)',
  'cli.help.noOpen': 'print the URL only; do not open a browser',
  'cli.help.serveDemo': 'open the bundled demo project when the page connects',
  'cli.help.dataDir': 'workbench folder for projects and the sandbox (default: per user)',
  'cli.help.validate': 'check a source against a mapping: keys, required fields, emails, dates, deactivation',
  'cli.help.previousValidate': 'previous export, or a state file from --write-state, to check key stability',
  'cli.help.validateJson': 'one JSON object on stdout',
  'cli.help.trace': 'show which rule produced each value for the user with this mapping key',
  'cli.help.writeState': 'save identity data for the next run’s key-stability check',

  // A value the mapping format does not accept, in words (the kinds of value named per language).
  'schema.type.string': 'text',
  'schema.type.number': 'number',
  'schema.type.int': 'whole number',
  'schema.type.nan': 'not-a-number',
  'schema.type.boolean': 'true or false',
  'schema.type.array': 'list',
  'schema.type.object': 'object',
  'schema.type.null': 'null',
  'schema.type.undefined': 'nothing',
  'schema.type.date': 'date',
  'schema.type.other': 'another kind of value',
  'schema.missing': 'missing: expected {expected}',
  'schema.invalidType': 'expected {expected}, found {received}',
  'schema.tooSmall':
    '{kind, select, string {too short: {exact, select, yes {exactly} exclusive {more than} other {at least}} {limit, plural, one {# character} other {# characters}}} array {too few: {exact, select, yes {exactly} exclusive {more than} other {at least}} {limit, plural, one {# item} other {# items}}} other {too small: {exact, select, yes {exactly} exclusive {more than} other {at least}} {limit, number}}}',
  'schema.tooBig':
    '{kind, select, string {too long: {exact, select, yes {exactly} exclusive {less than} other {at most}} {limit, plural, one {# character} other {# characters}}} array {too many: {exact, select, yes {exactly} exclusive {less than} other {at most}} {limit, plural, one {# item} other {# items}}} other {too large: {exact, select, yes {exactly} exclusive {less than} other {at most}} {limit, number}}}',
  'schema.invalidValue': '{n, plural, one {expected {values}} other {expected one of {values}}}',
  'schema.invalidFormat':
    '{format, select, email {not a valid email address} url {not a valid URL} regex {does not have the expected form ({pattern})} other {not in the expected format ({format})}}',
  'schema.invalidUnion': 'does not match any of the allowed forms',

  // plek-sync init: what it tells the consultant about the draft mapping.
  'init.note.wrote': 'wrote {path}',
  'init.note.next': 'next: plek-sync validate --mapping {path}',
  'init.note.label': 'note',
  'init.note.csvFile':
    '{file}: {encoding} ({because}), delimiter {delimiter}, {columns, plural, one {# column} other {# columns}}',
  'init.note.outsideFolder':
    'the export is outside the mapping’s folder: a mapping only reads files beside it or below it, so move the export there or pass --source FILE to each command',
  'init.note.ldapSampled':
    'sampled {entries, plural, one {# entry} other {# entries}}, {attributes, plural, one {# attribute} other {# attributes}}',
  'init.note.apiSampled':
    '{source}: sampled {records, plural, one {# record} other {# records}}, {attributes, plural, one {# attribute} other {# attributes}}',
  'init.note.recognised': '{attribute} → {concept}',
  'init.note.key': 'mapping key ← {header}',
  'init.note.keyFirstColumn':
    'mapping key ← {header} (the first column: no employee number column recognised); make sure it is unique and never changes',
  'init.note.keyApiGuess':
    'mapping key ← {header} (no employee id recognised); make sure it is unique and never changes',
  'init.note.field': '{target} ← {columns}',
  'init.note.missingField':
    'no {unit, select, attribute {attribute} other {column}} recognised for {target}; Plek needs it to create accounts — map it by hand',
  'init.note.about': '{header}: {note}',
  'init.note.dateAmbiguous':
    'dates such as {example} could be day-first or month-first; read as day-first ({format}), check a known date',
  'init.note.statusValues':
    '{header} holds {values} in the first rows, none of which says "left"; check deactivation.inactiveWhen against the values a leaver gets',
  'init.note.endDate': 'deactivation.endDate ← {header}: deactivated after the last working day',
  'init.note.inactiveWhen': 'deactivation.inactiveWhen ← {expression}',
  'init.note.noDeactivation':
    'no end date or status {unit, select, attribute {attribute} other {column}}: users will never be deactivated (absence never deactivates)',
  'init.note.startDate': 'activation.startDate ← {header}: accounts are created on the start date',
  'init.note.birthDate': '{header}: never synced; recognises a person whose mapping key changed',
  'init.note.initials': '{header}: not used — Plek uses the given name',
  'init.note.excluded.privateEmail':
    '{header}: not used — a private address, never used as the work e-mail (it would become a login)',
  'init.note.excluded.privatePhone': '{header}: not used — a private number, not synced to Plek',
  'init.note.excluded.notEndDate':
    '{header}: not used — the end of a probation period or contract, not the last working day: never used for deactivation',
  'init.note.excluded.notStartDate':
    '{header}: not used — not the start of employment: never used for joiners',
  'init.note.excluded.notStatus':
    '{header}: not used — not the employment status: never used for deactivation',
  'init.note.excluded.notManagerKey': "{header}: not used — not the manager's mapping key",

  // New project: the proposed mapping, the mapping-key picker and the sync checklist.
  'setup.heading': 'Set up this project',
  'setup.proposed':
    'The workbench proposed a mapping from the column names (the same proposal as plek-sync init). Check the mapping key, then the fields on the Mapping step.',
  'key.heading': 'Mapping key',
  'key.hint':
    'The column that recognises a person on every sync: filled for everyone, unique, and never changing.',
  'key.recommended': 'Recommended',
  'key.filled': '{rate, number, percent} filled',
  'key.unique': 'unique',
  'key.duplicates': '{n, plural, one {# row shares} other {# rows share}} a value',
  'key.stable': 'does not change',
  'key.mayChange': 'may change',
  'key.reason.employeeNumber':
    'An employee number: filled and unique in every sampled row, and it stays the same when a name or e-mail address changes.',
  'key.reason.directoryId':
    'The directory’s own id: filled and unique, and it never changes, not even when the account is renamed or moved.',
  'key.reason.completeUnique': 'Filled and unique in every sampled row.',
  'key.reason.mayChange':
    'Filled and unique, but it changes with the person (a new name or e-mail address); Plek would then see a new person.',
  'key.reason.duplicates': 'Some rows share a value; those rows cannot be synced.',
  'key.reason.empty': 'Some rows have no value; those rows cannot be synced.',
  'key.none': 'No column is filled and unique in the sample. Ask HR to add an employee number to the export.',
  'key.sampled': 'Measured on {n, plural, one {# sampled row} other {# sampled rows}}.',
  // Why a mapping key can change (src/shared/ad/suggest.ts), the preview's tooltip on "key may change".
  'key.stability.employeeID':
    'employeeID can change (re-hire under a new number, a fixed typo) and is often empty for external staff; when it changes Plek sees a new person and deactivates the old one. objectGUID never changes.',
  'key.stability.employeeNumber':
    'employeeNumber can change (re-hire under a new number, a fixed typo); when it changes Plek sees a new person. objectGUID never changes.',
  'key.stability.mail':
    'mail changes with a name change (marriage, a corrected spelling); when it changes Plek sees a new person. objectGUID never changes.',
  'key.stability.sAMAccountName':
    'sAMAccountName is renamed with the person (marriage, naming convention changes) and can be reused for a new colleague; objectGUID never changes.',
  'key.stability.userPrincipalName':
    'userPrincipalName changes with a name or domain change; objectGUID never changes.',
  'key.stability.cn': 'cn changes whenever the account is renamed; objectGUID never changes.',
  'key.stability.distinguishedName':
    'the DN changes whenever the account moves to another OU or is renamed; objectGUID never changes.',
  'checklist.heading': 'What a sync needs',
  'checklist.key': 'A mapping key',
  'checklist.givenName': 'Given name',
  'checklist.familyName': 'Family name',
  'checklist.login': 'E-mail address or login',
  'checklist.ok': 'set',
  'checklist.missing': 'missing',
  'checklist.fix': 'Set it on the {step} step',
  'problem.noKey':
    'No mapping key chosen yet: pick the column that recognises a person under “Mapping key” on the Source step.',
  'problem.generic': 'The mapping has a problem at {place}: {detail}',
  'problem.expression': 'The expression for {place} cannot be used: {detail}',
  'problem.target.photos': '{field}: Plek does not synchronise profile photos.',
  'problem.target.birthDates': '{field}: Plek does not synchronise (birth) dates to profiles.',
  'problem.target.unknown':
    '"{field}" is not a Plek field: use a SCIM path such as name.givenName, or declare it under customFields.',
  'problem.duplicateTarget': '"{field}" fills the same Plek field as "{earlier}"; keep one of them.',
  'problem.loginTargetMapped':
    'The {targetLabel} is also mapped as a field, while the login schema makes it; remove one of the two.',
  'problem.loginReadsUnmapped':
    'The login schema reads the {targetLabel}, but no field mapping fills it; map it first.',
  'problem.groupFieldUnmapped':
    'Group rules work on Plek profile fields only, and the {targetLabel} is not mapped; map it first.',
  'problem.requiredMissing': 'Plek needs the {targetLabel} to create an account; add a field mapping for it.',
  'problem.secretKey':
    '"{keys}" {n, plural, one {looks} other {look}} like a secret, and a mapping file never holds one. Remove {n, plural, one {it} other {them}}: the workbench keeps secrets in its secret store, the command line reads PLEK_LDAP_PASSWORD / PLEK_CLIENT_SECRET.',
  'problem.unknownKeys':
    'Unknown {n, plural, one {key} other {keys}} {keys}; check the spelling against docs/mapping-format.md.',
  'problem.version': 'Mapping format version {version} is not supported; this workbench reads version 1.',
  'problem.jsonAt':
    'The file is not valid JSON: it breaks off or is malformed at line {line}, column {column}.',
  'problem.json': 'The file is not a JSON document.',
  'problem.duplicateKey':
    'The key {key} appears twice in the same object; remove one so that the file means one thing.',
  'report.col.row': 'row',
  'report.col.key': 'key',
  'report.col.name': 'name',
  'report.col.email': 'email',
  'report.col.action': 'action',
  'report.col.result': 'result',
  'report.col.changes': 'changes',
  'report.col.reason': 'reason',
  'report.col.warnings': 'warnings',
  'report.col.groups': 'groups',
  'report.col.plekId': 'Plek id',
  'report.col.login': 'login',
  'report.col.externalId': 'key (externalId)',
  'report.col.active': 'active',
  'report.notInSource': 'Plek accounts not in the source, left alone ({n, number})',
  'report.empty': '(empty)',
  'report.yes': 'yes',
  'report.no': 'no',
  'report.action.create': 'create',
  'report.action.update': 'update',
  'report.action.deactivate': 'deactivate',
  'report.action.linkDeactivate': 'link and deactivate',
  'report.action.reactivate': 'reactivate',
  'report.action.link': 'link',
  'report.action.groupAdd': 'add to group',
  'report.action.createGroup': 'create group',
  'report.action.noop': 'no change',
  'report.action.conflict': 'conflict',
  'report.action.skipped': 'skipped',
  'report.result.ok': 'done',
  'report.result.failed': 'failed',
  'report.result.not-run': 'not run (interrupted)',
  'report.result.noop': 'up to date',
  'report.result.conflict': 'needs attention',
  'report.result.skipped': 'skipped',
  'report.result.blocked': 'blocked by the safety guard',
  'report.reason.endDate': 'end date {date} has passed',
  'report.reason.leavingOn': 'leaving on {date}',
  'report.reason.startsOn': 'starts on {date}: not created yet',
  'report.reason.new': 'new in the source',
  'report.reason.upToDate': 'up to date',
  'report.reason.fieldsChanged': '{n, plural, one {# field} other {# fields}} changed',
  'report.reason.activeAgain': 'active again in the source',
  'report.reason.inactive': 'inactive in the source',
  'report.reason.activeFalse': 'the mapping sets the field active to false',
  'report.reason.linked':
    'initial import: existing account linked by {by, select, email {e-mail address} other {login}}',
  'report.reason.notCreatedInactive': 'not created: inactive in the source ({why})',
  'report.reason.inactiveWhen': 'deactivated because {rule}',
  'report.reason.outOfScope': 'skipped because out of scope: {rule}',
  'report.reason.error': 'skipped because of an error: {message}',
  'report.reason.rowErrors': 'the row has errors (see Validate)',
  'report.reason.noSourceUser':
    'no one in the source has this {by, select, email {e-mail address} other {login}}',
  'report.reason.inactiveNeverLinked': 'inactive Plek account: never linked automatically',
  'report.reason.managerUnknown': 'manager "{key}" is not in Plek nor in this run: left unchanged',
  'report.reason.duplicateKey':
    'mapping key "{key}" occurs on rows {rows}: nothing is done until it is unique',
  'report.reason.externalIdAmbiguous':
    'mapping key "{key}" belongs to {n, plural, one {# Plek account} other {# Plek accounts}} ({ids}): remove the duplicates in Plek first',
  'report.reason.linkAmbiguous':
    '{by, select, email {e-mail address} other {login}} {value} matches {n, plural, one {# Plek account} other {# Plek accounts}} without a key ({ids}): link one by hand',
  'report.reason.linkClaimed':
    'rows {rows} all match Plek account {id} by {by, select, email {e-mail address} other {login}}: link it by hand',
  'report.reason.loginExhausted':
    'every variant of the login {login} is already taken in Plek or in this run',
  'report.reason.userNameTaken':
    'login {value} is already used by {kind, select, new {the new account of "{holder}" in this run} other {Plek account {holder}}}',
  'report.reason.emailTaken':
    'e-mail address {value} is already used by {kind, select, new {the new account of "{holder}" in this run} other {Plek account {holder}}}',
  'report.reason.noLogin': 'no login or work e-mail address to create the account with',
  'report.reason.groupRule': 'a group rule matches',
  'report.reason.groupRuleNewGroup': 'a group rule matches; the group is created first',
  'report.reason.groupMissing': 'the group does not exist in Plek yet',
  'report.targetWarnings': 'Warnings about Plek in this run ({n, number})',
  'report.warning.managerFailed': 'manager not set because row {row} ({key}) could not be created: {error}',
  'report.warning.managerNotPlanned':
    'manager not set because row {row} ({key}) is not created in this run: {why}',
  'report.warning.managerNotCreated':
    'manager not set because row {row} ({key}) was not created{interrupted, select, yes { (the run was interrupted)} other {}}',
  'report.warning.loginTaken': 'login {plain} is already taken, so this account gets {given}',
  'report.warning.spcFailed':
    "Plek's /ServiceProviderConfig could not be read — {detail}. ETags and /Bulk were off for this run",
  'report.warning.spcMissing':
    'Plek publishes no /ServiceProviderConfig (HTTP {status}): ETags and /Bulk were off for this run, so every change went as a request of its own',
  'report.warning.spcEmpty':
    "Plek's /ServiceProviderConfig answered HTTP {status} without a configuration: ETags and /Bulk were off for this run",
  'report.warning.pagingRecovered':
    "Plek's paging of {path} skipped {n, plural, one {# account} other {# accounts}} ({why}); read again from the start, the listing is complete",
  'report.paging.echo': 'it answered start index {echoed} when asked for {asked}',
  'report.paging.short': 'it listed {listed, number} of the {total, number} it reports',
  'report.warning.wholeAttributes':
    'Plek refused a value-filter path — {detail}. E-mail addresses and phone numbers were written as whole attributes',
  'report.warning.bulkRefused': 'Plek refused /Bulk — {detail}. Accounts were created one by one',
  'report.failure.conflict':
    'Plek already has an account with this login or e-mail address (HTTP 409: {detail})',
  'report.failure.invalidValue': 'Plek refused a value (HTTP 400 {scimType}: {detail})',
  'report.failure.refused': 'Plek refused the request (HTTP {status}: {detail})',
  'report.failure.access': 'Plek refused access (HTTP {status}: {detail})',
  'report.failure.notFound': 'the account or group no longer exists in Plek ({detail})',
  'report.failure.rateLimited': 'Plek kept asking to slow down; the operation was given up ({detail})',
  'report.failure.server': 'Plek had a server error (HTTP {status}: {detail})',
  'report.failure.network': 'Plek could not be reached or did not answer ({detail})',
  'report.failure.ambiguous':
    '{n, plural, one {# Plek account matches} other {# Plek accounts match}} this person, so nothing was changed ({detail})',
  'report.failure.noId': 'Plek created the account but sent no id back',
  'report.failure.notCreated': 'not done, because the account was not created',
  'report.failure.notCreatedGroup': 'not added to the group, because the account was not created',
  'report.failure.groupMissing': 'group "{group}" does not exist, because creating it failed',
  'report.failure.other': 'the operation failed ({detail})',
  'run.targetWarnings': '{n, plural, one {A warning about Plek} other {# warnings about Plek}}',
} as const satisfies Record<string, string>;

export type MessageId = keyof typeof en;
export type Catalogue = Readonly<Record<MessageId, string>>;
