import type { Catalogue } from './en';

/** De Nederlandse catalogus: elke id uit de Engelse, met dezelfde argumenten (zie en.ts). */
export const nl: Catalogue = {
  'app.title': 'Plek Provisioning Workbench',
  'app.lang': 'Taal',
  'app.theme.toDark': 'Donker thema',
  'app.theme.toLight': 'Licht thema',
  'app.steps': 'Projectstappen',
  'app.noProject': 'Geen project geopend',
  'app.save': 'Mapping opslaan',
  'app.saved': 'Mapping opgeslagen in {path}',
  'app.download': 'Mappingbestand downloaden',
  'app.cancel': 'Annuleren',
  'app.close': 'Sluiten',
  'app.error': 'Er ging iets mis',
  'app.dismiss': 'Sluiten',

  'security.changed.title':
    'Dit project wijst ergens anders heen dan toen je het de vorige keer opende. Er wordt niets naartoe gestuurd tot je het bevestigt.',
  'security.changed.directory': 'Directory',
  'security.changed.target': 'Plek-doel',
  'security.changed.token': 'Tokenserver',
  'security.changed.dismiss': 'Melding verbergen',
  'security.confirm.secret-endpoint': 'Het bewaarde secret naar een nieuwe host sturen?',
  'security.confirm.plain-ldap': 'Het bind-wachtwoord onversleuteld sturen (gewone LDAP)?',
  'security.confirm.token-host': 'Het ClientSecret naar deze tokenserver sturen?',
  'security.confirm.was': 'bewaard voor {host}',
  'security.confirm.target': 'het doel is {host}',
  'security.confirm.yes': 'Ja, stuur het naar {host}',
  'security.confirm.done': 'Bevestigd voor {host}. Probeer het opnieuw.',

  'step.start': 'Start',
  'step.source': 'Bron',
  'step.mapping': 'Mapping',
  'step.validate': 'Controle',
  'step.rules': 'Regels',
  'step.plan': 'Plan',
  'step.run': 'Uitvoeren',

  'start.heading': 'Start een provisioningproject',
  'start.lead':
    'Koppel de HR-export of Active Directory van een klant aan Plek, controleer elke regel en synchroniseer via SCIM.',
  'start.demo': 'Open het demoproject',
  'start.demoHint': 'Een Nederlandse HR-export en een sandbox als Plek-doel. Werkt zonder instellingen.',
  'start.csv': 'Nieuw project vanuit een CSV',
  'start.csvHint': 'Een HR-export (AFAS, Visma, Nmbrs…): tekenset en scheidingsteken worden herkend.',
  'start.csvPath': 'Pad naar CSV-bestand',
  'start.ldap': 'Nieuw project vanuit een directory',
  'start.ldapHint':
    'Lees de medewerkers uit Active Directory of OpenLDAP via LDAPS of StartTLS; de mapping wordt voorgesteld op basis van wat de directory bevat.',
  'start.ldapCreate': 'Verbinden en project maken',
  'start.ldapConnecting': 'Verbinden…',
  'start.ldapCertHeading': 'Controleer eerst het certificaat van de server',
  'start.ldapCertUntrusted':
    'Geen certificaatautoriteit die deze computer vertrouwt staat in voor deze server. Vergelijk de vingerafdruk met die van de beheerder van de directory en vertrouw het certificaat alleen als ze gelijk zijn.',
  'start.ldapTrust': 'Dit certificaat vertrouwen en doorgaan',
  'start.ldapNoTrust': 'Niet vertrouwen',
  'start.hrApp': 'Nieuw project vanuit een HR-applicatie',
  'start.hrAppHint':
    'Lees de medewerkers via de API van de applicatie: Personio, AFAS Profit of een andere REST/JSON-API.',
  'start.hrAppKind': 'Applicatie',
  'start.hrAppOther': 'Andere API (REST/JSON)',
  'start.hrAppUrl': 'API-adres',
  'start.hrAppClientId': 'Client-ID',
  'start.hrAppConnector': 'GetConnector',
  'start.hrAppRecordsPath': 'Pad naar de lijst (bijv. data)',
  'start.hrAppSecret': 'Client secret',
  'start.hrAppToken': 'AFAS-token (de hele token-XML)',
  'start.hrAppApiToken': 'Bearer-token',
  'start.hrAppSecretNote': 'Bewaard in de kluis, alleen voor dit adres; nooit in het mappingbestand.',
  'start.hrAppAuth': 'Aanmelden',
  'start.hrAppAuth.oauth2': 'OAuth2 client credentials',
  'start.hrAppAuth.bearer': 'Bearer-token',
  'start.hrAppAuth.apiKey': 'API-sleutel in een header',
  'start.hrAppAuth.none': 'Geen (een open API)',
  'start.hrAppTokenUrl': 'Token-adres',
  'start.hrAppScope': 'Scope (optioneel)',
  'start.hrAppKeyHeader': 'Naam van de header',
  'start.hrAppApiKey': 'API-sleutel',
  'start.hrAppPaging': 'Pagina’s',
  'start.hrAppPaging.none': 'Eén antwoord met alle records',
  'start.hrAppPaging.offset': 'Offset en limit',
  'start.hrAppPaging.page': 'Paginanummer',
  'start.hrAppPaging.cursor': 'Cursor',
  'start.hrAppPaging.nextLink': 'Link naar de volgende pagina',
  'start.hrAppPageSize': 'Records per pagina',
  'start.hrAppCursorPath': 'Waar de volgende cursor staat (bijv. meta.next_cursor)',
  'start.hrAppCursorParam': 'Queryparameter voor de cursor',
  'start.hrAppNextPath': 'Waar de link naar de volgende pagina staat (bijv. links.next)',
  'start.hrAppTotalPath': 'Waar het totaal staat (optioneel, bijv. meta.total)',
  'start.open': 'Open een mappingbestand',
  'start.openHint': 'Ga verder met een bestaand .plekmap.json.',
  'start.openPath': 'Pad naar mappingbestand',
  'start.go': 'Openen',
  'start.recent': 'Recente projecten',
  'start.noRecent': 'Nog geen recente projecten.',
  'data.heading': 'Gegevens van de workbench',
  'data.lead':
    'Geüploade exports, run-journaals en -rapporten en de accounts in de sandbox bevatten persoonsgegevens. Ze blijven op deze computer, alleen voor jou leesbaar, en worden na de bewaartermijn verwijderd.',
  'data.retention': 'Bewaren (dagen)',
  'data.retentionHint':
    'Van 1 tot 3650 dagen. Oudere bestanden worden verwijderd als de workbench start en na elke run.',
  'data.saveRetention': 'Bewaartermijn opslaan',
  'data.retentionSaved':
    '{days, plural, one {# dag} other {# dagen}} bewaren; {removed, plural, =0 {er was niets oud genoeg om te verwijderen} one {# oud bestand of map verwijderd} other {# oude bestanden en mappen verwijderd}}.',
  'data.clear': 'Gegevens van de workbench wissen…',
  'data.confirmTitle': 'De gegevens van de workbench van deze computer verwijderen?',
  'data.confirmWhat':
    'Dit verwijdert alle geüploade exports, run-journaals en -rapporten en de accounts in de sandbox. Opgeslagen mappings en de status van de dagelijkse sync blijven staan. Een project dat een geüploade export leest, heeft het bestand dan opnieuw nodig.',
  'data.includeProjects': 'Ook de projecten verwijderen die in de map van de workbench zijn opgeslagen',
  'data.confirmYes': 'Gegevens verwijderen',
  'data.cleared':
    '{removed, plural, =0 {Er was niets te verwijderen.} one {# bestand of map verwijderd.} other {# bestanden en mappen verwijderd.}}',
  'start.loading': 'Project wordt geopend…',

  'source.heading': 'Bron',
  'source.csvOptions': 'CSV-opties',
  'source.encoding': 'Tekenset',
  'source.delimiter': 'Scheidingsteken',
  'source.auto': 'Automatisch',
  'source.detected': 'Herkend: {value}',
  'source.because': 'omdat {reason}',
  'source.reason.chosen': 'handmatig gekozen',
  'source.reason.bom': 'het bestand begint met een byte-order mark',
  'source.reason.utf8': 'alle bytes geldige UTF-8 zijn',
  'source.reason.cp1252': 'de bytes geen geldige UTF-8 zijn (gebruikelijk voor Excel op Windows)',
  'source.reason.delimiter': 'het de kop en de eerste regels in evenveel kolommen splitst',
  'source.tab': 'Tab',
  'source.semicolon': 'Puntkomma (;)',
  'source.comma': 'Komma (,)',
  'source.pipe': 'Verticale streep (|)',
  'source.path': 'Bestand',
  'source.ldap': 'Directoryverbinding',
  'source.url': 'Server-URL',
  'source.bindDn': 'Bind-DN of UPN',
  'source.password': 'Wachtwoord',
  'source.passwordHint': 'Bewaard in de kluis van de app, nooit in het mappingbestand.',
  'source.passwordStored': 'Er is een wachtwoord bewaard voor deze verbinding.',
  'source.storePassword': 'Wachtwoord bewaren',
  'source.baseDn': 'Basis-DN',
  'source.filter': 'Filter',
  'source.flavor': 'Soort directory',
  'source.caFile': 'CA-certificaatbestand (PEM)',
  'source.checkCert': 'Certificaat controleren',
  'source.testConnection': 'Verbinding testen',
  'source.mappingProblems': 'Het mappingbestand bevat problemen; los ze op in de stappen hieronder:',
  'source.cert': 'Servercertificaat',
  'source.cert.subject': 'Onderwerp',
  'source.cert.issuer': 'Uitgever',
  'source.cert.validity': 'Geldig',
  'source.cert.fingerprint': 'SHA-256-vingerafdruk',
  'source.cert.pin': 'Dit certificaat vastzetten',
  'source.cert.pinned': 'Vastgezet: {fingerprint}',
  'source.sample': 'Steekproef',
  'source.sampling': 'Steekproef wordt genomen…',
  'source.testing': 'Verbinding wordt getest…',
  'source.attributes': 'Attributen',
  'source.attribute': 'Attribuut',
  'source.fillRate': 'Gevuld',
  'source.examples': 'Voorbeelden',
  'source.rows': '{n, plural, one {# rij} other {# rijen}}',
  'source.unreadable':
    '{n, plural, one {# rij kan niet worden gelezen en wordt overgeslagen} other {# rijen kunnen niet worden gelezen en worden overgeslagen}}; Valideren laat zien waarom.',
  'source.binary': 'binaire waarde, niet getoond',
  'source.multi': 'meerwaardig',
  'source.fileIssues': 'Problemen in het bestand',
  'source.noFileIssues': 'Geen problemen in het bestand.',
  'source.noSample': 'Neem een steekproef om de attributen te zien.',
  'source.api.heading':
    'Verbinding met {vendor, select, personio {Personio} afas {AFAS Profit} other {REST/JSON-API}}',
  'source.api.address': 'Adres',
  'source.api.clientId': 'Client-ID',
  'source.api.connector': 'GetConnector',
  'source.api.auth': 'Aanmelden',
  'source.api.paging': 'Pagina’s',
  'source.api.secret': 'Geheim',
  'source.api.storeSecret': 'Geheim bewaren',
  'source.api.secretStored': 'Voor dit adres is een geheim bewaard.',
  'source.api.secretMissing': 'Voor dit adres is nog geen geheim bewaard.',
  'source.api.secretHint':
    'Bewaard in de kluis van de app, alleen voor dit adres; nooit in het mappingbestand.',
  'source.api.reading':
    '{vendor, select, personio {Personio} afas {AFAS Profit} other {De API}} wordt gelezen…',
  'source.api.progress':
    '{records, plural, one {# record} other {# records}} · {pages, plural, one {# pagina} other {# pagina’s}} · {rate, number} records/s',
  'source.api.ofTotal': 'de API noemt {total, plural, one {# record} other {# records}}',
  'source.api.eta': 'nog ongeveer {seconds, plural, one {# seconde} other {# seconden}}',
  'source.api.retries':
    '{n, plural, one {# verzoek herhaald} other {# verzoeken herhaald}} (limiet of serverfout)',
  'source.api.records': 'Voorbeeldrecords',
  'source.api.recordsHint':
    'De eerste {n, plural, one {# record} other {# records}} zoals de API ze geeft; geneste velden hebben namen met punten (position.title).',
  'source.api.ok':
    'Verbonden: {records, plural, one {# record} other {# records}} gelezen met {attributes, plural, one {# attribuut} other {# attributen}}.',
  'source.api.unauthorized':
    '{vendor, select, personio {Personio accepteert de client-ID of het client secret niet (verkeerde client-ID of verkeerd secret). Controleer beide onder Instellingen → Integraties → API-gegevens; een secret wordt maar één keer getoond, dus maak bij twijfel een nieuw aan en bewaar het opnieuw.} afas {AFAS Profit accepteert het token niet (verkeerd of ingetrokken token). Plak de hele tekst <token><version>1</version><data>…</data></token> van de app-connectorgebruiker en bewaar die opnieuw.} other {De API accepteert de inloggegevens niet (verkeerde client-ID of verkeerd secret, token of sleutel). Controleer ze en bewaar het geheim opnieuw als het vernieuwd is.}}',
  'source.api.forbidden':
    '{vendor, select, personio {Personio accepteert de inloggegevens, maar ze mogen de personen niet lezen (scope of recht ontbreekt). Geef de API-gegevens personio:persons:read en de dienstverbandattributen onder Instellingen → Integraties → API-gegevens.} afas {AFAS Profit accepteert het token, maar het mag deze GetConnector niet gebruiken (recht ontbreekt). Voeg de connector toe aan de app-connector van dit token en controleer de autorisatie van de gebruiker.} other {De API accepteert de inloggegevens, maar ze mogen dit niet lezen (scope of recht ontbreekt). Vraag de beheerder van de applicatie om leesrechten.}}',
  'source.api.not-found':
    '{vendor, select, personio {Personio heeft niets op {endpoint} (verkeerd adres). Controleer het basisadres: https://api.personio.de, tenzij Personio een ander gaf.} afas {AFAS Profit heeft geen GetConnector op {endpoint} (verkeerde connectornaam of verkeerd adres). De naam is hoofdlettergevoelig en moet in de app-connector gepubliceerd zijn; het adres lijkt op https://12345.rest.afas.online/ProfitRestServices.} other {De API heeft niets op {endpoint} (verkeerd adres). Controleer het adres en het pad van de lijst met personen.}}',
  'source.api.rate-limited':
    '{vendor, select, personio {Personio} afas {AFAS Profit} other {De API}} beperkt het aantal verzoeken (limiet bereikt). {when, select, known {Probeer het opnieuw om {retryAt, time, short}.} other {Wacht een paar minuten en probeer het opnieuw.}} Andere koppelingen met dezelfde inloggegevens delen die limiet.',
  'source.api.tls':
    'De beveiligde verbinding met {endpoint} is mislukt: het certificaat wordt niet vertrouwd ({tlsCode}). Controleer het adres (een tikfout kan bij een andere server uitkomen); achter een bedrijfsproxy die HTTPS inspecteert: vraag IT het CA-certificaat ervan op deze computer te zetten.',
  'source.api.server':
    '{vendor, select, personio {Personio} afas {AFAS Profit} other {De API}} gaf een serverfout (HTTP {status}) op {endpoint}, ook na nieuwe pogingen. Probeer het later opnieuw{vendor, select, afas {; AFAS antwoordt ook zo op een token in de verkeerde vorm, plak dus de hele token-XML} other {}}.',
  'source.api.bad-request':
    '{vendor, select, personio {Personio} afas {AFAS Profit} other {De API}} weigert het verzoek naar {endpoint} (HTTP {status}). Controleer de broninstellingen: pagina’s, paginagrootte en extra queryparameters.',
  'source.api.timeout':
    '{vendor, select, personio {Personio} afas {AFAS Profit} other {De API}} antwoordde niet op tijd op {endpoint}. Controleer de verbinding (VPN, proxy) en probeer het opnieuw.',
  'source.api.unreachable':
    'Geen verbinding met {endpoint}. Controleer de spelling van het adres en de netwerkverbinding (VPN, proxy, firewall).',
  'source.api.insecure-url':
    'Het geheim wordt niet naar dit adres gestuurd: het is geen https:// (gewoon http alleen op deze computer), of de tokenserver staat op een andere host die u niet hebt bevestigd.',
  'source.api.redirect':
    'De API stuurt de workbench door naar een andere host; de inloggegevens zijn daar niet heen gestuurd. Gebruik het uiteindelijke API-adres in de broninstellingen.',
  'source.api.bad-response':
    'Het antwoord is niet wat de broninstellingen verwachten (geen JSON, geen lijst met records, of een pagina die zich herhaalt). Controleer het adres, het pad naar de lijst en de pagina-instellingen.',
  'source.api.incomplete':
    'De API noemde meer records dan hij gaf, dus de lezing wordt niet gebruikt: een onvolledige lijst zou mensen als vertrekkers laten lijken. Controleer de pagina-instellingen.',
  'source.api.missing-secret':
    'Voor dit adres is nog geen {vendor, select, personio {client secret} afas {AFAS-token} other {geheim}} bewaard: vul het in en bewaar het eerst.',
  'source.api.aborted': 'Het lezen van de API is geannuleerd.',

  'mapping.heading': 'Mapping',
  'mapping.preview': 'Voorbeeld ({n, plural, one {# rij} other {# rijen}})',
  'mapping.editorLoading': 'Grafische editor wordt geladen…',
  'mapping.key': 'Mapping key',
  'mapping.status': 'Status',
  'mapping.rowErrors': '{n, plural, one {# probleem} other {# problemen}}',
  'mapping.noPreview': 'Nog geen voorbeeld: open een project en neem een steekproef.',
  'mapping.previewing': 'Voorbeeld wordt bijgewerkt…',

  'validate.heading': 'Controle',
  'validate.run': 'Alle regels controleren',
  'validate.running': 'Bezig met controleren…',
  'validate.progress':
    '{done, plural, one {# rij gelezen} other {# rijen gelezen}}; elke rij wordt gecontroleerd zodra alles gelezen is…',
  'validate.progressOf': '{done, number} van ongeveer {total, plural, one {# rij} other {# rijen}} gelezen…',
  'validate.summary':
    '{errors, plural, one {# fout} other {# fouten}}, {warnings, plural, one {# waarschuwing} other {# waarschuwingen}} in {rows, plural, one {# rij} other {# rijen}}',
  'validate.errorRows':
    '{n, plural, one {# rij met fouten wordt} other {# rijen met fouten worden}} niet gesynchroniseerd tot de bron is verbeterd.',
  'validate.none': 'Geen problemen gevonden.',
  'validate.stale': 'De mapping is gewijzigd sinds deze controle.',
  'validate.partial':
    'Hier zijn de eerste {n, number} van {total, number} rijen gecontroleerd; het plan controleert elke rij.',
  'validate.notRun': 'Controleer om alle problemen in de bron in één keer te zien.',
  'validate.export': 'Lijst exporteren als CSV',
  'validate.code': 'Probleem',
  'validate.count': 'Aantal',
  'validate.row': 'Regel',
  'validate.key': 'Mapping key',
  'validate.field': 'Veld',
  'validate.message': 'Melding',
  'validate.severity': 'Ernst',
  'validate.sourceRow': 'Bronregel {row}',
  'validate.sourceRowMissing': 'Deze regel zit niet in de geladen steekproef.',
  'validate.value': 'Waarde',
  'validate.filter': 'Problemen filteren',
  'validate.error': 'fout',
  'validate.warning': 'waarschuwing',
  'validate.info': 'info',
  'validate.count.error': '{n, plural, one {# fout} other {# fouten}}',
  'validate.count.warning': '{n, plural, one {# waarschuwing} other {# waarschuwingen}}',
  'validate.count.info': '{n, number} info',

  'rules.heading': 'Regels',
  'rules.deactivation': 'Deactiveren',
  'rules.deactivationHint':
    'Alleen op basis van een waarde in de bron: wie ontbreekt in de export wordt nooit gedeactiveerd.',
  'rules.endDate': 'Expressie uitdienstdatum',
  'rules.inactiveWhen': 'Inactief als',
  'rules.previewDeactivate':
    '{n, plural, one {# gebruiker is} other {# gebruikers zijn}} volgens de bron uit dienst',
  'rules.previewDeactivateHint':
    'Wie uit dienst is en een account in Plek heeft, wordt gedeactiveerd; wie nog geen account heeft, wordt niet aangemaakt. De stap Plan laat zien wat voor wie geldt.',
  'rules.previewLeaving': '{n, plural, one {# gebruiker gaat} other {# gebruikers gaan}} later uit dienst',
  'rules.leavingOn': 'uit dienst op {date}',
  'rules.groups': 'Groepsregels',
  'rules.groupsHint': 'Groepsregels voegen alleen toe aan groepen; ze verwijderen nooit iemand.',
  'rules.group': 'Groep',
  'rules.field': 'Veld',
  'rules.values': 'Waarden (kommagescheiden)',
  'rules.why': 'Waarom',
  'rules.addGroup': 'Groepsregel toevoegen',
  'rules.remove': 'Verwijderen',
  'rules.members': '{n, plural, one {# lid} other {# leden}}',
  'rules.login': 'Inlogschema',
  'rules.loginEnabled': 'Logins genereren',
  'rules.begin': 'Begin login',
  'rules.end': 'Einde login',
  'rules.separator': 'Scheidingsteken',
  'rules.domain': 'Domein',
  'rules.part.full': 'Volledig veld',
  'rules.part.firstLetter': 'Eerste letter',
  'rules.none': 'Geen',
  'rules.transliteration': 'Umlauts',
  'rules.translit.strip': 'Verwijderen (ä → a)',
  'rules.translit.dach': 'DACH (ä → ae)',
  'rules.collisions': '{n, plural, one {# dubbele login} other {# dubbele logins}}',
  'rules.noCollisions': 'Geen dubbele logins.',
  'rules.example': 'Voorbeeld: {login}',
  'rules.apply': 'Voorbeeld bijwerken',
  'rules.previewing': 'Voorbeeld wordt berekend…',

  'plan.heading': 'Plan',
  'plan.target': 'Doel',
  'plan.sandbox': 'Sandbox (lokaal, veilig)',
  'plan.scim': 'Plek SCIM',
  'plan.baseUrl': 'SCIM-basis-URL',
  'plan.clientId': 'Client-ID',
  'plan.clientSecret': 'Client secret',
  'plan.storeSecret': 'Secret bewaren',
  'plan.secretStored': 'Er is een client secret bewaard.',
  'plan.compute': 'Plan berekenen',
  'plan.computing': 'Plan wordt berekend…',
  'plan.notComputed': 'Bereken een plan om te zien wat een synchronisatie zou wijzigen.',
  'plan.safe': 'Veiligheidscontroles geslaagd.',
  'plan.reconcile.rows':
    '{n, plural, one {# rij} other {# rijen}} in de bron, geteld zoals Valideren ze telt:',
  'plan.reconcile.errorRows':
    '{n, plural, one {# rij met fouten wordt} other {# rijen met fouten worden}} niet gesynchroniseerd (zie Valideren)',
  'plan.reconcile.unreadable': '{n, plural, one {# rij kon} other {# rijen konden}} niet worden gelezen',
  'plan.reconcile.otherSkipped':
    '{n, plural, one {# persoon wordt} other {# personen worden}} om een andere reden overgeslagen, zoals uit dienst en niet in Plek, of nog niet in dienst (de reden staat bij elke regel)',
  'plan.reconcile.planErrors':
    '{n, plural, one {# persoon botst} other {# personen botsen}} met een bestaand Plek-account: fouten van het plan, niet van de bron',
  'plan.blocked': 'Tegengehouden door de veiligheidscontroles',
  'plan.allow': 'Toestaan voor deze run',
  'plan.safety.empty':
    'De bron bevat geen rijen. Een lege export of een leeg directoryresultaat geldt als fout, niet als vertrek van iedereen: controleer de export.',
  'plan.safety.truncated':
    'De bron bevat {rows, number} {rows, plural, one {rij} other {rijen}}, minder dan {percent}% van de {previous, number} bij de vorige run. Is de export afgebroken? Controleer hem voordat u synchroniseert.',
  'plan.safety.count':
    '{count, plural, one {# deactivering} other {# deactiveringen}}, meer dan de grens van {limit, number}.',
  'plan.safety.percent':
    '{count, plural, one {# deactivering is} other {# deactiveringen zijn}} {percent, number}% van de {base, number} actieve Plek-{base, plural, one {account} other {accounts}} {linking, select, 1 {die gekoppeld zijn of worden} other {die aan de bron gekoppeld zijn}}, meer dan de grens van {limit}%.',
  'plan.filterAction': 'Actie',
  'plan.filterText': 'Zoeken',
  'plan.all': 'Alle',
  'plan.user': 'Gebruiker',
  'plan.changes': 'Wijzigingen',
  'plan.withWarning': 'Met een waarschuwing',
  'plan.warnings': 'Waarschuwingen',
  'plan.showing': '{shown, number} van {total, number} getoond',
  'plan.toRun': 'Naar uitvoeren',
  'plan.safety': 'Veiligheidsgrenzen',
  'plan.manual': 'Plek-accounts om handmatig toe te wijzen ({n, number})',
  'plan.targetWarnings': 'Over het doelsysteem',
  'plan.manualHint':
    'Geen enkele gebruiker uit de bron past bij deze bestaande Plek-accounts. Zet in Plek de externalId op de mapping key van de persoon, of laat ze staan: de synchronisatie raakt een niet-gekoppeld account nooit aan.',
  'plan.maxDeactivateCount': 'Max. deactiveringen',
  'plan.maxDeactivatePercent': 'Max. deactiveringen (%)',
  'plan.minSourceRowsPercent': 'Min. bronregels t.o.v. vorige run (%)',
  'plan.stale':
    'De mapping is gewijzigd nadat dit plan is berekend; bereken het opnieuw voordat je het toepast.',

  'action.create': 'Aanmaken',
  'action.update': 'Bijwerken',
  'action.deactivate': 'Deactiveren',
  'action.reactivate': 'Heractiveren',
  'action.link': 'Koppelen',
  'action.unchanged': 'Ongewijzigd',
  'action.skip': 'Overslaan',
  'action.error': 'Fout',

  'run.heading': 'Uitvoeren',
  'run.apply': 'Toepassen op {target}',
  'run.pause': 'Pauzeren',
  'run.resume': 'Hervatten',
  'run.cancel': 'Annuleren',
  'run.progress': '{done, number} van {total, number}',
  'run.rate': '{rate}/s',
  'run.eta': 'nog ongeveer {eta}',
  'run.log': 'Logboek',
  'run.report': 'Runrapport',
  'run.saveJson': 'Rapport opslaan (JSON)',
  'run.saveCsv': 'Rapport opslaan (CSV)',
  'run.needPlan': 'Bereken eerst een plan.',
  'run.blocked': 'Het plan is tegengehouden door de veiligheidscontroles; sta het toe bij de stap Plan.',
  'run.done': 'Run voltooid',
  'run.doneWithFailures':
    'Run voltooid met fouten: {failed, plural, one {# bewerking} other {# bewerkingen}} van {total, number} mislukt',
  'run.failuresBadge': '{n, plural, one {# fout} other {# fouten}}',
  'run.doneWithAttention':
    'Run voltooid: {n, plural, one {# persoon vraagt} other {# personen vragen}} je aandacht (zie het rapport hieronder)',
  'run.attentionBadge': '{n, plural, one {# na te kijken} other {# na te kijken}}',
  'run.cancelled': 'Run geannuleerd',
  'run.failed': 'Run mislukt',
  'run.paused': 'Gepauzeerd',
  'run.status.running': 'bezig',
  'run.status.completed': 'voltooid',
  'run.status.completed-with-failures': 'voltooid met mislukte bewerkingen',
  'run.status.cancelled': 'geannuleerd',
  'run.status.failed': 'mislukt',
  'run.level.info': 'INFO',
  'run.level.warn': 'WAARSCHUWING',
  'run.level.error': 'FOUT',
  'run.succeeded': 'Gelukt',
  'run.failedCount': 'Mislukt',

  'run.log.applying': '{total, plural, one {# bewerking} other {# bewerkingen}} uitvoeren op {target}',
  'run.log.progress': '{done, number} van {total, plural, one {# bewerking} other {# bewerkingen}} gedaan',
  'run.log.failed': '{op} mislukt: {error}',
  'run.log.stopped': 'de run is gestopt: {error}',
  'run.log.finished':
    'klaar: {total, plural, one {# bewerking} other {# bewerkingen}}, {failed, plural, =0 {geen mislukt} one {# mislukt} other {# mislukt}}',
  'run.failure.person': 'Persoon',
  'run.failure.todo': 'Wat te doen',
  'run.failure.detail': 'Technische details',
  'run.failure.uniqueness':
    'Plek heeft al een account met deze login of dit e-mailadres. Koppel dat account aan deze persoon, of pas de login of het e-mailadres aan in de bron.',
  'run.failure.invalidValue':
    'Plek weigerde een van de waarden (zie de technische details). Verbeter die in de bron of de mapping en bereken het plan opnieuw.',
  'run.failure.access':
    'Plek weigerde de toegang. Controleer de client-ID en het bewaarde secret van het doel, en of de API-client gebruikers mag beheren.',
  'run.failure.gone':
    'Het Plek-account bestaat niet meer. Bereken het plan opnieuw: de persoon wordt dan opnieuw aangemaakt of gekoppeld.',
  'run.failure.unavailable':
    'Plek was niet bereikbaar of had het te druk. Voer het plan later opnieuw uit: wat al gelukt is, wordt niet herhaald.',
  'run.failure.manager':
    'Opgeslagen zonder leidinggevende, omdat die nog geen Plek-account heeft. De volgende run vult de leidinggevende aan.',
  'run.failure.ambiguous':
    'Meerdere Plek-accounts passen bij deze persoon, dus er is niets gewijzigd. Verwijder eerst de dubbele accounts in Plek.',
  'run.failure.other':
    'De bewerking is mislukt (zie de technische details). Voer de run opnieuw uit; blijft het mislukken, stuur dan het rapport naar Plek-support.',
  'run.report.run': 'Run {id}',
  'run.report.target': 'Doel: {target}',
  'run.report.started': 'Gestart: {at}',
  'run.report.finished': 'Klaar: {at}',
  'run.report.status': 'Status: {status}',
  'run.report.failures': 'Mislukt:',
  'run.csv.run': 'run',
  'run.csv.plan': 'plan',
  'run.csv.status': 'status',
  'run.csv.target': 'doel',
  'run.csv.started': 'gestart',
  'run.csv.finished': 'klaar',
  'run.csv.what': 'wat er gebeurde',
  'run.csv.todo': 'wat te doen',
  'run.csv.detail': 'technische details',
  'error.ldapPasswordMissing':
    'Vul eerst het wachtwoord van {bindDn} in (bij Bron); het wordt in de kluis bewaard, nooit in de mapping.',
  'error.csvMissing':
    'Kies eerst het CSV-bestand (of sla het project op, zodat een pad ernaast gevonden kan worden).',
  'error.scimSecretMissing':
    'Vul eerst het client secret voor {url} in (bij Plan); het wordt in de kluis bewaard.',
  'error.caFileUnsaved': 'Sla eerst het project op, of geef het CA-bestand {file} als volledig pad op.',
  'error.caFileUnreadable':
    'Het CA-bestand {file} kan niet worden gelezen; controleer het pad bij de broninstellingen.',
  'error.planGone': 'Dit plan is niet meer beschikbaar; bereken het plan opnieuw.',
  'error.planBlocked':
    'Het plan overschrijdt de veiligheidsgrenzen; sta het eerst toe voor deze run bij Plan.',
  'error.openThroughDialog': 'Open het project via het dialoogvenster Openen (of sleep het op het venster).',
  // Weigeringen van de API van de workbench, de brug en de URL- en padcontroles (src/shared/api/refusals.ts).
  'refusal.cancelled':
    '{task, select, sampling {De steekproef} validation {De validatie} planning {Het plannen} reading {Het lezen van de bron} preview {Het voorbeeld} testing {De verbindingstest} other {Het verzoek}} is geannuleerd.',
  'refusal.tooSlow':
    '{task, select, sampling {De steekproef} validation {De validatie} planning {Het plannen} reading {Het lezen van de bron} preview {Het voorbeeld} testing {De verbindingstest} other {Het verzoek}} is na {seconds, plural, one {# seconde} other {# seconden}} gestopt, vóór record {record}: de mapping doet te lang over een rij. Maak de expressies eenvoudiger (lange teksten, veel Replace-aanroepen).',
  'refusal.internal': 'Er ging iets onverwachts mis; het technische detail: {message}',
  'refusal.sourceFailed': 'De bron of het doel meldde een probleem: {message}',
  'refusal.invalidRequest':
    'De workbench weigerde een verzoek dat hij niet kon lezen ({channel}). Laad de pagina opnieuw; gebeurt het weer, dan staat het detail in het logboek.',
  'refusal.unknownChannel': 'De workbench kent dit verzoek niet. Laad de pagina opnieuw.',
  'refusal.untrustedFrame':
    'Een verzoek uit een deel van het venster dat de workbench niet vertrouwt, is geweigerd.',
  'refusal.projectNotOpened': 'Dat project is niet in de workbench geopend; open het eerst.',
  'refusal.noDialogs':
    'De workbench in de browser heeft geen bestandsvensters; typ het pad of sleep het bestand op het venster.',
  'refusal.demoMissing': 'De meegeleverde demo ontbreekt in deze installatie (resources/demo).',
  'refusal.save.secret':
    'Niet opgeslagen: {keys} {n, plural, one {lijkt} other {lijken}} op een geheim, en een mappingbestand bevat nooit een geheim. Haal {n, plural, one {het} other {ze}} weg; de workbench bewaart geheimen in zijn kluis.',
  'refusal.save.fileName': 'De bestandsnaam moet een gewone naam zijn die eindigt op .plekmap.json.',
  'refusal.save.extension': 'Een mapping wordt opgeslagen als .plekmap.json-bestand.',
  'refusal.save.throughDialog': 'Kies via het venster Opslaan waar het bestand komt.',
  'refusal.upload.fileName': 'De bestandsnaam moet een gewone naam zijn, zonder mappen.',
  'refusal.mappingProblems':
    'De mapping heeft {n, plural, one {een probleem} other {# problemen}}; los {n, plural, one {het} other {ze}} op bij de stap Mapping of Valideren voordat je plant.',
  'refusal.planStillBlocked':
    'Het plan wordt nog steeds tegengehouden door de veiligheidsgrenzen; een afgekapte bron kan niet worden doorgelaten.',
  'refusal.unknownRun': 'Deze run is (niet meer) bekend; start hem opnieuw bij de stap Run.',
  'refusal.file.notAFile': '{file} is geen bestand.',
  'refusal.file.tooLarge': '{file} is te groot voor een mappingbestand.',
  'refusal.file.missing': '{file} bestaat niet (verplaatst of hernoemd?).',
  'refusal.file.unreadable': '{file} kan niet worden gelezen ({code}).',
  'refusal.file.duplicateKey':
    '{file}: {key} staat twee keer in hetzelfde object; haal er één weg, zodat het bestand maar één ding betekent.',
  'refusal.file.notJson':
    '{file} is geen leesbaar mappingbestand: {line, plural, =0 {het is geen JSON-document} other {de JSON houdt op of klopt niet op regel {line}, kolom {column}}}.',
  'refusal.file.notMapping': '{file} bevat geen mapping.',
  'refusal.secret.noEndpoint':
    'Een geheim hoort bij één plek: geef de directory (URL, TLS-modus, bind-DN) of de doel-URL op.',
  'refusal.secret.bindDn': 'Een directorywachtwoord hoort bij een bind-DN; vul eerst de bind-DN in.',
  'refusal.secret.notPlainLdap': 'Deze directory gebruikt geen onversleutelde LDAP.',
  'refusal.secret.gone': 'Dat bewaarde geheim bestaat niet meer; vul het opnieuw in.',
  'refusal.secret.noEncryption':
    'Deze computer biedt geen versleutelde opslag, dus het geheim is niet bewaard; vul het opnieuw in als het nodig is.',
  'refusal.confirm.plainLdap':
    '{host} zou het bind-wachtwoord onversleuteld ontvangen (StartTLS staat uit). Bevestig onversleutelde LDAP, of zet StartTLS aan.',
  'refusal.confirm.sameHost':
    'Het project maakt anders verbinding met {host} dan toen {secret, select, bindPassword {het bind-wachtwoord} other {het geheim}} werd bewaard (bind-DN of TLS-modus gewijzigd); bevestig voordat het wordt verstuurd.',
  'refusal.confirm.newHost':
    'Het project wijst nu naar {host}; {secret, select, bindPassword {het bind-wachtwoord} other {het geheim}} werd bewaard voor {previousHost}. Bevestig voordat het naar {host} gaat.',
  'refusal.confirm.tokenHost':
    'De mapping stuurt het client secret naar {host}, niet naar het doel {baseHost}; bevestig die tokenserver voordat er iets wordt verstuurd.',
  'refusal.url.missing':
    '{role, select, target {De doel-URL} token {De token-URL} api {De API-URL} other {De URL}} ontbreekt.',
  'refusal.url.userInfo':
    '{role, select, target {De doel-URL} token {De token-URL} api {De API-URL} other {De URL}} mag geen gebruikersnaam of wachtwoord bevatten; geheimen horen in de kluis.',
  'refusal.url.notPlain':
    '{role, select, target {De doel-URL} token {De token-URL} api {De API-URL} other {De URL}} is geen gewoon https://host[:poort]/pad-adres.',
  'refusal.url.notHttps':
    '{role, select, target {De doel-URL} token {De token-URL} api {De API-URL} other {De URL}} moet https gebruiken (gewone http alleen voor 127.0.0.1 of localhost): {origin} zou geheimen onversleuteld versturen.',
  'refusal.ldapUrl.userInfo': 'De directory-URL mag geen gebruikersnaam of wachtwoord bevatten.',
  'refusal.ldapUrl.form': 'De directory-URL moet ldap://host[:poort] of ldaps://host[:poort] zijn.',
  'refusal.path.empty': '{field} is leeg.',
  'refusal.path.tooLong': '{field} is te lang.',
  'refusal.path.control': '{field} bevat stuurtekens.',
  'refusal.path.network':
    '{field} is een netwerk- of apparaatpad (\\\\host\\share, //host/share); kies het bestand op deze computer.',
  'refusal.path.absolute':
    '{field} is een absoluut pad; een mappingbestand noemt bestanden ten opzichte van zijn eigen map. Kies het bestand in de workbench, of geef het op de opdrachtregel mee.',
  'refusal.path.url': '{field} is een webadres, geen bestandspad.',
  'refusal.path.colon': '{field} mag geen ":" bevatten.',
  'refusal.path.leaves':
    '{field} gaat buiten de projectmap; zet het bestand naast de mapping of in een map daaronder.',
  'refusal.path.noFile': '{field} noemt geen bestand.',
  'refusal.path.notChosen':
    '{field} is een pad buiten de mappen die je in deze sessie hebt gekozen; kies het bestand opnieuw (of geef het op de opdrachtregel mee).',
  'refusal.bridge.tooLarge': 'Het verzoek is groter dan {limit, number} bytes.',
  'refusal.bridge.noSession':
    'Deze pagina heeft geen sessie (meer): open de link die plek-sync serve of npm start liet zien.',
  'refusal.bridge.foreign': 'Verzoeken van andere sites of adressen worden geweigerd.',
  'refusal.bridge.protocol': 'De workbench weigerde een onjuist verzoek. Laad de pagina opnieuw.',
  'refusal.bridge.failed': 'De workbench kon dit verzoek niet afhandelen; het detail staat in het logboek.',
  'refusal.unreachable':
    'De workbench-service is niet bereikbaar; draait plek-sync serve (of npm start) nog? Het technische detail: {message}',
  'issue.encoding': 'Tekensetprobleem',
  'issue.duplicate-header': 'Dubbele kolomkop',
  'issue.empty-header': 'Lege kolomkop',
  'issue.short-row': 'Regel met te weinig kolommen',
  'issue.long-row': 'Regel met te veel kolommen',
  'issue.empty-row': 'Lege rij',
  'issue.unterminated-quote': 'Niet afgesloten aanhalingsteken',
  'issue.source-unreadable': 'Bron niet leesbaar',
  'issue.empty-key': 'Lege mapping key',
  'issue.duplicate-key': 'Dubbele mapping key',
  'issue.similar-key': 'Gelijkende mapping key',
  'issue.key-changed': 'Mapping key gewijzigd',
  'issue.missing-required': 'Verplichte waarde ontbreekt',
  'issue.invalid-email': 'Ongeldig e-mailadres',
  'issue.duplicate-email': 'Dubbel e-mailadres',
  'issue.invalid-date': 'Ongeldige datum',
  'issue.invalid-phone': 'Ongeldig telefoonnummer',
  'issue.expression-error': 'Fout in expressie',
  'issue.login-collision': 'Dubbele login',
  'issue.login-empty': 'Geen login mogelijk',
  'issue.out-of-scope': 'Buiten scope',
  'issue.leaving-later': 'Gaat later uit dienst',
  'issue.starting-later': 'Komt later in dienst',
  'issue.manual-link': 'Handmatig koppelen nodig',
  'issue.mapping-invalid': 'Mappingdefinitie ongeldig',

  'result.ok': 'Gelukt',
  'result.failed': 'Mislukt',
  'result.not-run': 'Niet uitgevoerd',
  'result.noop': 'Geen wijziging',
  'result.conflict': 'Conflict',
  'result.skipped': 'Overgeslagen',
  'result.blocked': 'Tegengehouden',

  'graph.search': 'Zoek attribuut of veld…',
  'graph.undo': 'Ongedaan maken (Ctrl+Z)',
  'graph.redo': 'Opnieuw (Ctrl+Shift+Z)',
  'graph.layout': 'Ordenen',
  'graph.layoutTitle': 'Automatisch ordenen: bronnen links, Plek-velden rechts',
  'graph.fit': 'Passend',
  'graph.fitTitle': 'Alles in beeld',
  'graph.filterFunctions': 'Functie…',
  'graph.literalTitle': 'Een vaste waarde',
  'graph.refused': 'Verbinding geweigerd:',
  'graph.apply': 'Toepassen',
  'graph.column': 'Kolom',
  'graph.incomplete': 'Graaf onvolledig: {reason}. De opgeslagen expressie blijft ongewijzigd.',
  'graph.suggestions': 'Suggesties',
  'graph.accept': 'Suggestie voor {field} overnemen',
  'graph.reject': 'Suggestie voor {field} afwijzen',
  'graph.unsupported': 'Niet beschikbaar in Plek',
  'graph.photo': 'Profielfoto',
  'graph.birthDate': 'Geboortedatum',
  'graph.rows': '{n, plural, one {rij} other {rijen}}',
  'graph.duplicateKeys': '{n, plural, one {# dubbele key} other {# dubbele keys}}',
  'graph.emptyKeys': '{n, plural, one {# lege key} other {# lege keys}}',
  'graph.keyMayChange': 'key kan veranderen',
  'graph.keyStable': 'key stabiel',
  'graph.keyStableTitle': 'uniek en verandert nooit',
  'graph.previewLabel': 'Gemapte rijen',
  'graph.functions': 'Functies',
  'graph.filterFunctionsLabel': 'Functies filteren',
  'graph.op.concat': 'Tekst samenvoegen',
  'graph.op.equals': 'Gelijk aan (zonder spaties aan de randen, hoofdletterongevoelig)',
  'graph.op.differs': 'Verschilt van',
  'graph.op.and': 'Beide voorwaarden',
  'graph.op.or': 'Een van beide voorwaarden',
  'graph.op.not': 'Niet (omkering)',
  'graph.keyColumn': '{attribute} (key)',
  'graph.row': 'rij',
  'graph.status': 'status',
  'graph.empty': '(leeg)',
  'graph.duplicate': 'dubbel',
  'graph.emptyTag': 'leeg',
  'graph.status.active': 'actief',
  'graph.status.deactivate': 'deactiveren',
  'graph.status.skipped': 'overgeslagen',
  'graph.status.error': 'fout',
  'graph.status.unknown': '–',
  'graph.notInSample': 'niet in steekproef',
  'graph.notInSampleTitle': 'Niet in de steekproef: elke rij leest leeg',
  'graph.keyBadge': 'Mapping key',
  'graph.listTitle': 'Meerwaardig: heeft een keuzefunctie nodig voor een enkel veld',
  'graph.requiredTitle': 'Nodig om een account in Plek aan te maken',
  'graph.editAsText': 'Als tekst bewerken',
  'graph.refusal.endpoints': 'verbind twee knooppunten',
  'graph.refusal.fromField': 'een Plek-veld is een eindpunt; het heeft geen uitgang',
  'graph.refusal.intoSource':
    '{kind, select, source {een bronattribuut} other {een vaste waarde}} heeft geen ingang',
  'graph.refusal.fromOutput': 'verbind vanuit de uitgang rechts van een knooppunt',
  'graph.refusal.intoInput': 'verbind met een ingang links van een knooppunt',
  'graph.refusal.cycle': 'deze verbinding zou een kringloop maken',
  'graph.refusal.already': 'al verbonden',
  'graph.refusal.occupied':
    'deze ingang heeft al een verbinding; verwijder die eerst (een ingang neemt één verbinding)',
  'graph.refusal.singleInput': '{field} heeft één ingang',
  'graph.refusal.notOneInput': 'not neemt één ingang',
  'graph.refusal.binaryTwo': '"{op}" neemt twee ingangen',
  'graph.refusal.tooMany': '{fn} neemt hoogstens {max, plural, one {# ingang} other {# ingangen}}',
  'graph.refusal.literalOnly':
    '{input} typ je op het knooppunt zelf, het wordt niet verbonden (een vaste waarde)',
  'graph.refusal.listToText':
    '{input}: een lijst (attribuut met meerdere waarden) heeft eerst een keuzefunctie nodig, zoals First, FindPrefix of Join',
  'graph.refusal.dateToText': '{input}: een datum wordt pas tekst met FormatDate',
  'graph.refusal.notNumber':
    '{input}: {from, select, date {een datum} boolean {een ja/nee-waarde} list {een lijst} other {een {from}}} is geen getal',
  'graph.refusal.notDate':
    '{input}: {from, select, number {een getal} boolean {een ja/nee-waarde} list {een lijst} other {een {from}}} is geen datum; gebruik ParseDate op tekst',
  'graph.refusal.notList':
    '{input}: {from, select, date {een datum} boolean {een ja/nee-waarde} other {een {from}}} kan geen lijst zijn',
  'graph.refusal.notCondition':
    '{input}: {from, select, number {een getal} date {een datum} list {een lijst} other {een {from}}} is geen voorwaarde; vergelijk het, bijv. [Status] = "Actief"',
  'graph.type':
    '{type, select, text {tekst} number {getal} date {datum} boolean {ja/nee} list {lijst} other {alles}}',
  'graph.incomplete.missingNode': 'een ingang komt van een knooppunt dat niet meer bestaat',
  'graph.incomplete.cycle': 'de grafiek bevat een kringloop',
  'graph.incomplete.fieldFeeds': 'een Plek-veld kan geen ander knooppunt voeden',
  'graph.incomplete.hole': 'ingang {n} van {fn} is niet verbonden',
  'graph.incomplete.notOne': 'not heeft precies één ingang nodig',
  'graph.incomplete.binaryTwo': '{fn} heeft twee ingangen nodig',
  'graph.incomplete.atLeast': '{fn} heeft minstens {n, plural, one {# ingang} other {# ingangen}} nodig',
  'graph.incomplete.atMost': '{fn} neemt hoogstens {n, plural, one {# ingang} other {# ingangen}}',
  'graph.photoReason':
    'Plek synchroniseert geen profielfoto’s (Plek: ‘geen synchronisatieondersteuning voor profielfoto’s’).',
  'graph.birthDateReason':
    'Plek synchroniseert geen (geboorte)datums naar profielen (Plek: ‘geen synchronisatieondersteuning voor (geboorte)datums’).',
  'graph.skipToGraph': 'Naar de grafiek',
  'graph.toolbar': 'Grafiekgereedschap',
  'graph.searchLabel': 'Zoek attribuut of veld',
  'graph.focus': 'Focus',
  'graph.focusTitle': 'Toon alleen de keten van het gekozen veld, groot (Esc gaat terug)',
  'graph.focusShowing': 'Alleen {field}',
  'graph.focusLeave': 'Alles tonen (Esc)',
  'graph.minimapHide': 'Overzichtskaart verbergen',
  'graph.minimapShow': 'Overzichtskaart tonen',
  'graph.edgeToField': '{source} → {field}',
  'graph.edgeToInput': '{source} → {fn}, invoer {slot}{param, select, none {} other { ({param})}}',
  'graph.editFieldAsText': '{field} als tekst bewerken',
  'graph.expression': 'Expressie',
  'graph.expressionFor': 'Expressie voor {field}',
  'graph.close': 'Sluiten',
  'graph.dismiss': 'Wegklikken',
  'graph.parseError': 'Kolom {column}: {detail}',
  'graph.literal': 'vaste waarde',
  'graph.literalValue': 'Vaste waarde',
  'graph.keyBadgeText': 'mapping key',
  'graph.listBadge': 'lijst',
  'graph.example': 'bijv. {example}',
  'graph.param.left': 'links',
  'graph.param.right': 'rechts',
  'graph.param.value': 'waarde',
  'graph.param.arg': 'argument {n}',
  'graph.a11y.node':
    'Druk op Enter of spatie om een knooppunt te selecteren; Delete verwijdert het, Escape annuleert.',
  'graph.a11y.nodeKeyboard':
    'Pijltjestoetsen: naar de volgende knoop; Enter: bewerken; E: de verbindingen; C: met een andere knoop verbinden; Shift+pijltjestoetsen verplaatsen hem; Delete verwijdert hem; Escape verlaat de grafiek.',
  'graph.a11y.nodeMoved':
    'Geselecteerd knooppunt {direction, select, up {omhoog} down {omlaag} left {naar links} right {naar rechts} other {{direction}}} verplaatst. Nieuwe positie: x {x}, y {y}',
  'graph.a11y.edge':
    'E: de volgende verbinding van de knoop (Shift+E de vorige); Enter: naar het andere eind; Delete verwijdert haar; Escape: terug naar de knoop.',
  'graph.a11y.controls': 'Zoomknoppen',
  'graph.a11y.zoomIn': 'Inzoomen',
  'graph.a11y.zoomOut': 'Uitzoomen',
  'graph.a11y.fitView': 'Alles in beeld',
  'graph.a11y.interactive': 'Grafiek vergrendelen of ontgrendelen',
  'graph.a11y.minimap': 'Overzichtskaart',
  'graph.a11y.handle': 'Verbindingspunt',
  'graph.role.source': 'attribuut',
  'graph.role.transform': 'functie',
  'graph.role.literal': 'vaste waarde',
  'graph.role.target': 'Plek-veld',
  'graph.role.edge': 'verbinding',
  'graph.graphLabel': 'Mappinggrafiek',
  'graph.graphParked': 'Enter of een pijltjestoets: terug naar de knopen · Tab: verder · ?: toetsen',
  'graph.keys': 'Toetsen',
  'graph.keys.summary':
    'Pijltjestoetsen: naar de volgende knoop; Enter: bewerken; E: de verbindingen; C: verbinden; Esc: de grafiek verlaten; ?: alle toetsen.',
  'graph.keys.tab': 'De grafiek is één stap: Tab gaat erin bij de knoop waar je was, nog een Tab gaat eruit',
  'graph.keys.leftRight': 'Langs de baan: van het attribuut via de functies naar het Plek-veld, en terug',
  'graph.keys.upDown': 'Naar de baan erboven of eronder (eerst in dezelfde kolom)',
  'graph.keys.homeEnd': 'Naar het begin (attribuut) of het eind (Plek-veld) van de keten',
  'graph.keys.enter':
    'De knoop bewerken: een Plek-veld als tekst, de getypte waarden van een functie of vaste waarde (Tab ertussen, Esc terug); op een attribuut: focus op zijn veld',
  'graph.keys.edges':
    'De verbindingen van de knoop een voor een langs (Shift+E terug); Enter gaat naar het andere eind, Esc terug naar de knoop',
  'graph.keys.delete': 'De functie, vaste waarde of verbinding met de focus verwijderen',
  'graph.keys.move': 'De knoop verplaatsen',
  'graph.keys.escape':
    'Focusweergave verlaten, anders de knopen verlaten (de grafiek houdt de focus; Tab gaat verder)',
  'graph.keys.help': 'Deze toetsen tonen of verbergen',
  'graph.keys.connect':
    'Verbinden: begin een verbinding bij de knoop met de focus; de pijltjestoetsen gaan naar de knoop om mee te verbinden, I kiest de ingang, Enter verbindt, Esc annuleert',
  'graph.connect.start':
    'Verbinden vanaf {source}. Pijltjestoetsen: naar de knoop om mee te verbinden; I: de ingang kiezen; Enter: verbinden; Esc: annuleren.',
  'graph.connect.noStart': 'Verbinden vanaf {source} kan niet: {reason}.',
  'graph.connect.self': '{source}: hier begint de verbinding; ga naar een andere knoop.',
  'graph.connect.can': '{edge}. Enter verbindt.',
  'graph.connect.cannot': '{target}: hier verbinden kan niet: {reason}.',
  'graph.connect.done': 'Verbonden: {edge}.',
  'graph.connect.refused': 'Niet verbonden: {reason}. Kies een andere knoop, of Esc om te annuleren.',
  'graph.connect.cancelled': 'Verbinden geannuleerd.',
  'graph.moved':
    '{node} {direction, select, up {omhoog} down {omlaag} left {naar links} other {naar rechts}} verplaatst; positie x {x}, y {y}.',
  'graph.focusHeld':
    '{node} is buiten beeld. Een pijltjestoets gaat ervandaan verder; Enter gaat terug naar de knoop.',
  'graph.keys.palette':
    'Functies: één stap; de pijltjestoetsen gaan door de lijst, Enter voegt de functie toe',
  // Problemen in de tekst van een expressie (src/shared/expression/errors.ts), getoond na "Kolom N:".
  'expr.tooLong': 'de expressie is te lang ({length, number} tekens, hoogstens {max, number})',
  'expr.empty': 'de expressie is leeg',
  'expr.unexpected':
    '{what, select, end {de expressie houdt te vroeg op} attribute {hier hoort geen attribuut} string {hier hoort geen tekst tussen aanhalingstekens} other {"{token}" hoort hier niet}}',
  'expr.unexpectedChar':
    '"{char}" hoort hier niet{curly, select, yes { (schrijf tekst tussen rechte dubbele aanhalingstekens: "…")} other {}}',
  'expr.tooDeep': 'de expressie is te diep genest (meer dan {max} niveaus)',
  'expr.tooNested': 'te veel geneste haakjes, aanroepen of "not" (meer dan {max})',
  'expr.unknownName':
    'onbekende naam {name}: een attribuut schrijf je als [{name}], een functieaanroep als {name}(…)',
  'expr.expected': 'hier ontbreekt "{token}"',
  'expr.unterminatedAttribute': 'een attribuutnaam tussen [ ] wordt niet met ] afgesloten',
  'expr.emptyAttribute': 'de attribuutnaam tussen [ ] is leeg',
  'expr.unterminatedString': 'een tekst tussen aanhalingstekens wordt niet met " afgesloten',
  'expr.digitAfterDot': 'na de decimale punt moet een cijfer staan',
  'expr.numberRange': 'het getal {number} is te groot',
  'expr.unknownFunction': 'onbekende functie {name}',
  'expr.arity':
    '{fn} verwacht {kind, select, exactly {{min, plural, one {# argument} other {# argumenten}}} atLeast {minstens {min, plural, one {# argument} other {# argumenten}}} range {{min} tot {max} argumenten} other {{fixed} argumenten en dan paren}}, maar krijgt er {got}',
  'expr.literalParam':
    '{fn} heeft {param, select, format {het formaat} table {de naam van de vertaaltabel} region {de regio} mode {de modus} culture {de cultuur} other {„{param}”}} nodig als tekst tussen aanhalingstekens',
  // Gemeld door de eigen controle van één functie op een vaste waarde (een patroon, een datumformaat, een regio…).
  'expr.regexTooLong': 'de reguliere expressie is te lang ({length, number} tekens, hoogstens {max, number})',
  'expr.regexTooLarge':
    'de reguliere expressie wordt te groot als haar herhalingen zijn uitgeschreven; gebruik minder of kleinere herhalingsaantallen',
  'expr.regexLookaround':
    'vooruit- en terugkijken ((?=…), (?!…), (?<=…), (?<!…)) kan niet; welke patronen Plek begrijpt staat in docs/expressions.md',
  'expr.regexBackref':
    'terugverwijzingen (\\1, \\k<name>) kunnen niet; welke patronen Plek begrijpt staat in docs/expressions.md',
  'expr.regexEscape': "schrijf een teken met een code als \\x'{'00e9'}' (niet als \\u00e9)",
  'expr.regexInvalid':
    'de reguliere expressie is niet te lezen: {problem, select, charRange {een tekenbereik zoals [z-a] loopt achterstevoren} escape {een teken na \\ is onbekend} namedCapture {een groep met een naam schrijf je als (?P<naam>…)} perlSyntax {deze vorm (?…) kan niet} nestedRepeat {een herhaling volgt op een herhaling (zoals a*+)} repeatCount {een aantal tussen accolades klopt niet of is groter dan 1000} missingBracket {een [ wordt niet met ] gesloten} missingParen {een ( wordt niet met ) gesloten} repeatArgument {voor een *, + of ? staat niets om te herhalen} trailingBackslash {hij eindigt op een losse \\} duplicateName {twee groepen hebben dezelfde naam} unexpectedParen {voor een ) staat geen (} tooDeep {hij is te diep genest} tooLarge {hij is te groot} other {RE2 weigert hem}}{where, select, yes { (bij {near})} other {}}; welke patronen Plek begrijpt staat in docs/expressions.md',
  'expr.dateFormatRepeats':
    'in het datumformaat "{format}" staat {part, select, y {het jaar} M {de maand} other {de dag}} twee keer',
  'expr.dateFormatIncomplete':
    'het datumformaat "{format}" heeft een jaar, een maand en een dag nodig (yyyy, MM, dd), of is een van "auto", "excel", "generalizedTime", "filetime"',
  'expr.dateFormatEmpty': 'in het datumformaat "{format}" staat geen yyyy, MM of dd',
  'expr.phoneRegion': 'onbekende telefoonregio "{region}": gebruik een landcode van twee letters, zoals "NL"',
  'expr.culture': 'onbekende cultuur "{culture}": gebruik een taalcode zoals "nl-NL"',
  'expr.diacriticsMode': 'de modus van NormalizeDiacritics is "strip" of "dach", niet "{mode}"',
  'expr.unknownValueMap':
    'er is geen vertaaltabel "{name}"{count, plural, =0 { in deze mapping} other { (de mapping heeft: {known})}}',

  'issue.empty-key.text':
    'rij {row}: de mapping key "{attribute}" is leeg; Plek kan deze persoon bij de volgende synchronisatie niet herkennen. Vul hem in de bron in.',
  'issue.eval.scope': 'rij {row}: scope: {detail}',
  'eval.invalidDate.format':
    '{fn}: {text} is geen datum in het formaat {format} ({line, plural, =0 {in de expressie op positie {position}} other {in de expressie op regel {line}, positie {position}}})',
  'eval.invalidDate.invalid':
    '{fn}: {text} is geen geldige datum ({why, select, noSuchDay {die dag bestaat niet} outOfRange {buiten het bereik} excelRange {Excel-volgnummers lopen van 1 tot 2958465} excel1900 {volgnummer 60 is 29-02-1900, een dag die niet bestaat: de 1900-fout van Excel} filetimeDigits {een FILETIME is een geheel getal van hoogstens 19 cijfers} ambiguous {bij {a}/{b} is niet te zien wat de dag en wat de maand is; geef het formaat, bijvoorbeeld ParseDate([…], "dd/MM/yyyy")} serialAmongText {een getal tussen datums die als tekst zijn geschreven; gebruik ParseDate(…, "excel") als het echt een Excel-volgnummer is} other {{why}}}) ({line, plural, =0 {in de expressie op positie {position}} other {in de expressie op regel {line}, positie {position}}})',
  'eval.invalidDate.notDate':
    '{fn}: {text} is geen datum ({line, plural, =0 {in de expressie op positie {position}} other {in de expressie op regel {line}, positie {position}}})',
  'eval.invalidPhone':
    '{fn}: {text} is geen geldig telefoonnummer voor {region} ({line, plural, =0 {in de expressie op positie {position}} other {in de expressie op regel {line}, positie {position}}})',
  'eval.notWhole':
    '{fn}: {param, select, length {de lengte} start {het begin} index {de positie} days {het aantal dagen} number {het woordnummer} other {{param}}} moet een geheel getal zijn, niet {text} ({line, plural, =0 {in de expressie op positie {position}} other {in de expressie op regel {line}, positie {position}}})',
  'eval.notNumber':
    '{fn}: {text} is geen getal ({line, plural, =0 {in de expressie op positie {position}} other {in de expressie op regel {line}, positie {position}}})',
  'eval.emptySeparator':
    '{fn}: het scheidingsteken is leeg ({line, plural, =0 {in de expressie op positie {position}} other {in de expressie op regel {line}, positie {position}}})',
  'eval.regexInputTooLong':
    '{fn}: de tekst is langer dan {max, number} tekens ({line, plural, =0 {in de expressie op positie {position}} other {in de expressie op regel {line}, positie {position}}})',
  'eval.badToday':
    '{fn}: de rundatum {today} is niet geschreven als yyyy-MM-dd ({line, plural, =0 {in de expressie op positie {position}} other {in de expressie op regel {line}, positie {position}}})',
  'eval.dateOutOfRange':
    '{fn}: de uitkomst ligt buiten de jaren 1 tot 9999 ({line, plural, =0 {in de expressie op positie {position}} other {in de expressie op regel {line}, positie {position}}})',
  'eval.tooLarge': 'de uitkomst is te groot (een tekst is langer geworden dan Plek kan bewaren)',
  'issue.eval.field': 'rij {row}: {field}: {detail}; het veld blijft in Plek ongewijzigd',
  'issue.eval.inactiveWhen': 'rij {row}: deactivation.inactiveWhen: {detail}',
  'issue.eval.endDate':
    'rij {row}: uitdienstdatum: {detail}; de gebruiker wordt pas gesynchroniseerd als de datum klopt, zodat niemand per ongeluk wordt gedeactiveerd',
  'issue.eval.endDateLeaver':
    'rij {row}: uitdienstdatum: {detail} (volgens de bron is deze persoon uit dienst, dus het account wordt toch gedeactiveerd)',
  'issue.eval.startDate':
    'rij {row}: datum in dienst: {detail}; de gebruiker wordt pas aangemaakt als de datum klopt',
  'issue.invalid-date.startDate':
    'rij {row}: datum in dienst "{value}" is geen datum; gebruik ParseDate in activation.startDate',
  'issue.starting-later.text':
    'rij {row}: komt in dienst op {date}; het account wordt {days, plural, =0 {op die dag} one {# dag eerder} other {# dagen eerder}} aangemaakt',
  'issue.out-of-scope.text': 'rij {row}: overgeslagen, buiten scope: {scope} is niet waar',
  'issue.similar-key.text':
    'rij {row}: mapping key "{key}" verschilt van {like} ({count, plural, one {rij} other {rijen}} {others}) alleen in hoofdletters of voorloopnullen; waarschijnlijk dezelfde persoon — controleer de bron',
  'issue.invalid-date.endDate':
    'rij {row}: uitdienstdatum "{value}" is geen datum; gebruik ParseDate in deactivation.endDate',
  'issue.missing-required.text':
    'rij {row}: {targetLabel} is leeg{columns, select, none {} other { (gelezen uit {columns})}}; Plek heeft dit nodig om een account aan te maken{active, select, no { (de gebruiker is inactief, dus alleen deactiveren is mogelijk)} other {}}',
  'issue.invalid-email.text': 'rij {row}: "{email}" is geen geldig e-mailadres',
  'issue.leaving-later.text': 'rij {row}: gaat uit dienst op {date}; blijft tot dan actief',
  'issue.mapping-invalid.unknownColumn':
    'de mapping leest [{attribute}], maar de bron heeft geen kolom of attribuut met die naam; controleer de spelling (kolommen: {columns})',
  'issue.duplicate-key.text':
    'rij {row}: mapping key "{key}" staat ook in {count, plural, one {rij} other {rijen}} {others}; een key moet uniek zijn, dus geen van deze rijen wordt gesynchroniseerd',
  'issue.duplicate-email.text':
    'rij {row}: e-mailadres "{email}" wordt ook gebruikt in {count, plural, one {rij} other {rijen}} {others} (vergeleken zonder hoofdletters en spaties); Plek heeft per account een uniek e-mailadres nodig',
  'issue.login-collision.text':
    'login "{login}" wordt gedeeld door rijen {rows}; rij {first} houdt hem, de andere krijgen _<{suffix}> ({given}). Een account dat al een login in Plek heeft, houdt die altijd.',
  'issue.login-collision.exhausted':
    'rij {row}: elke variant van de login "{login}" is al bezet; maak {suffix} onderscheidend of pas het loginschema aan',
  'issue.login-empty.text':
    'rij {row}: het loginschema levert geen login op ({fields} bevatten geen letters of cijfers); verbeter de naam in de bron',
  'issue.key-changed.text':
    'rij {row}: de mapping key is voor dezelfde persoon gewijzigd van "{old}" in "{key}" ({why, select, email {zelfde e-mailadres {email}} other {zelfde naam en geboortedatum}}); synchroniseren zou een dubbel account aanmaken. Zet de oude {attribute} terug in de bron, of kies een key die nooit verandert.',
  'issue.source-unreadable.empty': '{file} is leeg: er is geen kopregel; exporteer het bestand opnieuw',
  'issue.encoding.more':
    '{file}: nog {n, plural, one {# cel} other {# cellen}} met tekens die door een verkeerde tekenset verloren zijn, {n, plural, one {staat} other {staan}} niet in de lijst; exporteer opnieuw als UTF-8 of stel de tekenset in',
  'issue.encoding.questionMark':
    'rij {row}: "{value}" in [{column}] heeft een "?" tussen letters: een letter die de tekenset van de export niet kent (ş, ı, ł …) is vervangen; exporteer als UTF-8 ("CSV UTF-8") en controleer de naam',
  'issue.encoding.switchedTo1252':
    '{file} rij {row}: het bestand was tot hier gewone ASCII, maar deze rij is geen geldige UTF-8, dus deze en de rest worden als Windows-1252 gelezen; stel de tekenset in als letters er verkeerd uitzien',
  'issue.encoding.lost':
    '{file} rij {row}, kolom {letter} ({column}) "{field}": tekens verloren door een verkeerde tekenset; exporteer opnieuw als UTF-8 of stel de tekenset in (nu {encoding})',
  'issue.encoding.bomMismatch':
    '{file}: de tekenset staat op {chosen}, maar het bestand begint met een {bom}-byte-order mark; letters kunnen verkeerd uitkomen — zet de tekenset op "automatisch" of {bom}',
  'issue.unterminated-quote.swallowed':
    '{file} rijen {row}–{last}: een waarde tussen aanhalingstekens in rij {row} heeft tekst na het sluitende aanhalingsteken (zoals "Team" leider), dus deze rijen zijn als één waarde gelezen; zet in de export de hele waarde tussen aanhalingstekens met verdubbelde binnenste aanhalingstekens ("""Team"" leider") of laat de aanhalingstekens weg. De rijen worden overgeslagen.',
  'issue.empty-row.text': '{file} rij {row} is leeg; overgeslagen',
  'issue.unterminated-quote.stray':
    '{file} rij {row}: een waarde tussen aanhalingstekens bevat een los aanhalingsteken (") dat niet verdubbeld is; controleer de waarden van deze rij',
  'issue.unterminated-quote.open':
    '{file} rij {row}: een waarde opent een aanhalingsteken (") dat nooit wordt gesloten, dus alles van rij {row} tot het einde van het bestand wordt als één waarde gelezen; sluit of verwijder dat aanhalingsteken in de export',
  'issue.long-row.text':
    '{file} rij {row}: {actual} velden terwijl de kop er {expected} heeft{start, select, none {} other { (de rij begint met "{start}")}}; {suspect, select, yes {de waarde "{value}" in kolom {letter} ({column}) "{header}" bevat waarschijnlijk een {delimiter} zonder aanhalingstekens} other {een waarde bevat waarschijnlijk een {delimiter} zonder aanhalingstekens (bijvoorbeeld "{example}")}} — zet die waarde in de export tussen aanhalingstekens. De rij wordt overgeslagen.',
  'issue.short-row.text':
    '{file} rij {row}: {actual, plural, one {# veld} other {# velden}} terwijl de kop er {expected} heeft{start, select, none {} other { (de rij begint met "{start}")}}; de rij is afgebroken — een waarde bevat misschien een regeleinde zonder aanhalingstekens, of er ontbreken {delimiter}-scheidingstekens. De rij wordt overgeslagen.',
  'issue.empty-header.trailing':
    '{file}: kolom {letter} ({column}) heeft geen kop (een scheidingsteken aan het eind van de export?); de waarden worden genegeerd',
  'issue.empty-header.inner':
    '{file}: kolom {letter} ({column}) heeft geen kop; geef hem in de export een naam zodat de waarden gebruikt kunnen worden',
  'issue.duplicate-header.text':
    '{file}: kolom {firstLetter} ({first}) en kolom {letter} ({column}) heten allebei "{name}"; hernoem een van beide in de export (de waarden van kolom {letter} ({column}) worden tot dan genegeerd)',

  'cli.lang': 'taal van de meldingen: nl of en (standaard: uit LC_ALL, LC_MESSAGES of LANG)',
  'cli.progress.rate': '{rate} bewerkingen/s',
  'cli.progress.eta': 'nog {time}',
  'cli.more': '… en nog {n, number} (gebruik --json voor alle)',
  'cli.plan.heading':
    'Plan voor {target} (vandaag {today}, {rows, plural, one {# bronrij} other {# bronrijen}}{initial, select, yes {, eerste import} other {}})',
  'cli.plan.linkedLeavers': '({n, number} gekoppeld en gedeactiveerd)',
  'cli.plan.target': 'Doel: {warning}',
  'cli.plan.safe': 'Veiligheid: in orde',
  'cli.plan.blocked': 'Veiligheid: TEGENGEHOUDEN — er wordt niets uitgevoerd',
  'cli.plan.row': 'rij {row}',
  'cli.plan.warning': 'waarschuwing: {warning}',
  'cli.plan.managerCreated': 'leidinggevende "{key}" (aangemaakt in deze run)',
  'cli.plan.manual':
    'Plek-accounts om met de hand toe te wijzen ({n, number}): zet hun externalId op de mapping key van de persoon, of laat ze staan',
  'cli.plan.noUserName': '(geen login)',
  'cli.plan.written': 'Plan geschreven naar {file}; voer het uit met: {command}',
  'cli.plan.blockedExit': '✗ de veiligheidscontroles houden dit plan tegen',
  'cli.apply.blocked': '✗ het plan wordt tegengehouden door de veiligheidscontroles; er is niets gewijzigd:',
  'cli.apply.summary':
    '{ok, number} gelukt, {failed, number} mislukt, {notRun, number} niet uitgevoerd, {noop, number} ongewijzigd, {conflict, plural, one {# conflict} other {# conflicten}}, {skipped, number} overgeslagen{warnings, plural, =0 {} other {, # met een waarschuwing}}',
  'cli.apply.interrupted': 'onderbroken: {summary}; voer hetzelfde commando opnieuw uit om verder te gaan',
  'cli.apply.report': 'rapport: {json}, {nl} en {en}',
  'cli.apply.target': 'doel: {warning}',
  'cli.apply.failure': '{key}: {reason}',
  'cli.run.comparedWithFile': 'vergeleken met {file}',
  'cli.run.comparedWithState':
    'vergeleken met de stand van de run van {date} ({rows, plural, one {# rij} other {# rijen}})',
  'cli.run.noState': 'nog geen dagelijkse stand: deze run begint die',
  'cli.run.stateOff': 'dagelijkse stand uit (--no-state)',
  'cli.run.attention':
    'exit 1: {conflicts, plural, one {# conflict} other {# conflicten}} en {rows, plural, one {# rij met fouten vraagt} other {# rijen met fouten vragen}} aandacht (zie het rapport)',
  'cli.validate.summary': '{source}: {rows, plural, one {# rij} other {# rijen}}, vandaag = {today}',
  'cli.validate.users':
    '{active, number} actief ({leaving, number} gaan later uit dienst), {deactivate, number} te deactiveren, {skipped, number} overgeslagen ({starting, number} komen later in dienst), {error, number} met fouten',
  'cli.validate.blocked': '✗ fouten houden de synchronisatie van de hierboven genoemde rijen tegen',
  'cli.validate.ok': '✓ niets houdt een synchronisatie tegen',

  // Directory (LDAP) failures: what happened and what to do; the server's own words only as a technical detail.
  'start.noElectron':
    'Electron is niet geïnstalleerd op deze computer (de download is mislukt of overgeslagen bij npm install), dus de workbench opent in je browser: {url}',
  'serve.building': 'De workbench-interface wordt eenmalig gebouwd (vite build → out/renderer)…',
  'serve.internalError': 'Interne fout in {channel} (een fout in de workbench; technisch detail: {detail})',
  'serve.demoFailed': 'Het demoproject kon niet worden geopend: {detail}',
  'ldap.connected':
    'Verbonden en aangemeld; {more, select, true {meer dan {entries, number} items} other {{entries, plural, one {# item} other {# items}}}} gevonden onder de basis-DN{warned, select, true { ({warnings})} other {}}.',
  'ldap.warning.plain':
    '{url} zonder StartTLS: het wachtwoord en alle gebruikersgegevens gaan onversleuteld over het netwerk. Gebruik dit alleen op een afgeschermd testnetwerk',
  'ldap.warning.referrals':
    'followReferrals wordt nog niet ondersteund: verwijzingen naar andere servers worden overgeslagen. Laat de basis-DN wijzen naar de OU met de mensen',
  'ldap.tls': 'Er is geen beveiligde verbinding met {server} te maken: {problem}.',
  'ldap.tlsProblem.untrusted': 'het certificaat is ondertekend door een CA die deze computer niet vertrouwt',
  'ldap.tlsProblem.selfSigned': 'het certificaat is door de server zelf ondertekend',
  'ldap.tlsProblem.expired': 'het certificaat is verlopen',
  'ldap.tlsProblem.notYetValid': 'het certificaat is nog niet geldig (controleer de klok van deze computer)',
  'ldap.tlsProblem.altName': 'het certificaat is uitgegeven voor een andere hostnaam',
  'ldap.tlsProblem.pinMismatch': 'het certificaat is niet het certificaat dat voor dit project is vastgezet',
  'ldap.tlsProblem.other': 'de TLS-handshake is mislukt ({code})',
  'ldap.hint.pinMismatch':
    'De directory toont nu een ander certificaat dan het vastgezette. Heeft de klant het vernieuwd, controleer dan samen met de klant het nieuwe onderwerp, de uitgever en de vingerafdruk en zet het opnieuw vast; maak anders geen verbinding.',
  'ldap.hint.altName':
    'Gebruik de hostnaam waarvoor het certificaat is uitgegeven (zie de gegevens van het certificaat), of vraag om een certificaat met deze naam erin.',
  'ldap.hint.tls':
    'Vraag de klant om het CA-certificaat waarmee het certificaat van de directory is ondertekend en stel het in als CA-bestand, of vergelijk de vingerafdruk met de klant en zet dit certificaat vast.',
  'ldap.refused': 'Niets antwoordt op {server} (verbinding geweigerd).',
  'ldap.hint.refused':
    'Controleer de hostnaam en de poort (389 voor ldap://, 636 voor ldaps://) en of deze computer op het netwerk of de VPN van de klant zit.',
  'ldap.notFound': 'De hostnaam in {server} is niet te vinden.',
  'ldap.hint.notFound':
    'Controleer de spelling van de hostnaam, en of deze computer de DNS van de klant gebruikt (VPN verbonden?).',
  'ldap.connectionFailed': 'De verbinding met {server} is mislukt ({code}).',
  'ldap.hint.connectionFailed':
    'Controleer of deze computer op het netwerk of de VPN van de klant zit en of een firewall de LDAP-poort doorlaat.',
  'ldap.connectTimeout': '{server} nam de verbinding niet op tijd aan.',
  'ldap.hint.connectTimeout':
    'Controleer de hostnaam en de poort en of een firewall de LDAP-poort vanaf deze computer doorlaat; verhoog timeoutMs bij een trage verbinding.',
  'ldap.timeout': '{server} antwoordde niet op tijd.',
  'ldap.hint.timeout': 'Maak de base DN of het filter nauwer, of verhoog timeoutMs in de broninstellingen.',
  'ldap.bindRefused': '{server} weigerde de aanmelding als {bindDn}: {what} (AD-code {data}).',
  'ldap.ad.525': 'het account bestaat niet',
  'ldap.ad.52e': 'het wachtwoord is onjuist',
  'ldap.ad.530': 'het account mag zich op dit moment niet aanmelden',
  'ldap.ad.531': 'het account mag zich niet vanaf deze computer aanmelden',
  'ldap.ad.532': 'het wachtwoord is verlopen',
  'ldap.ad.533': 'het account is uitgeschakeld',
  'ldap.ad.701': 'het account is verlopen',
  'ldap.ad.773': 'het wachtwoord moet bij de eerste aanmelding worden gewijzigd',
  'ldap.ad.775': 'het account is geblokkeerd na te veel onjuiste wachtwoorden',
  'ldap.adHint.525':
    'Controleer de bind DN of UPN op typefouten; gebruik de exacte userPrincipalName (naam@domein) of de volledige DN van het serviceaccount.',
  'ldap.adHint.52e':
    'Controleer het wachtwoord van het serviceaccount (PLEK_LDAP_PASSWORD voor de CLI, de kluis voor geheimen in de app). Elke onjuiste poging telt mee voor de blokkeringsdrempel.',
  'ldap.adHint.530':
    'Vraag de AD-beheerder de beperking op aanmeldtijden van het serviceaccount op te heffen.',
  'ldap.adHint.531':
    "Vraag de AD-beheerder de beperking 'Aanmelden bij' (werkstations) van het serviceaccount weg te halen.",
  'ldap.adHint.532':
    "Vraag de AD-beheerder een nieuw wachtwoord in te stellen en 'Wachtwoord verloopt nooit' aan te vinken voor het serviceaccount, en sla daarna het nieuwe wachtwoord op.",
  'ldap.adHint.533':
    'Vraag de AD-beheerder het serviceaccount in te schakelen (Active Directory: gebruikers en computers → Account inschakelen).',
  'ldap.adHint.701': "Vraag de AD-beheerder 'Account verloopt' op Nooit te zetten voor het serviceaccount.",
  'ldap.adHint.773':
    "Vraag de AD-beheerder 'Gebruiker moet wachtwoord bij volgende aanmelding wijzigen' uit te zetten (of meld één keer aan en wijzig het), en sla daarna het nieuwe wachtwoord op.",
  'ldap.adHint.775':
    'Wacht tot de blokkering verloopt of vraag de AD-beheerder het serviceaccount te deblokkeren; controleer eerst het opgeslagen wachtwoord, zodat de volgende poging het niet opnieuw blokkeert.',
  'ldap.invalidCredentials':
    '{server} weigerde de aanmelding als {bindDn}: bind DN of wachtwoord onjuist{data, select, none {} other { (AD-code {data})}}.',
  'ldap.hint.invalidCredentials':
    'Controleer de bind DN (een volledige DN, of naam@domein voor AD) en het wachtwoord.',
  'ldap.sizeLimit': '{server} stopte het zoeken bij zijn maximum aantal resultaten.',
  'ldap.hint.sizeLimit':
    'Er wordt al per pagina gelezen, maar de server beperkt het totaal voor dit account. Maak de base DN of het filter nauwer, of vraag de beheerder de limiet voor het serviceaccount op te heffen.',
  'ldap.noSuchObject': 'De base DN {baseDn} bestaat niet op {server}.',
  'ldap.hint.noSuchObject':
    'Controleer de base DN: kopieer hem uit de distinguishedName van de OU (tabblad Kenmerkeditor in Active Directory: gebruikers en computers).',
  'ldap.encryptedOnly': '{server} accepteert alleen versleutelde aanmeldingen.',
  'ldap.hint.encryptedOnly': 'Zet StartTLS aan (startTls: true) of gebruik ldaps://.',
  'ldap.dnSyntax': '{server} kan een DN in het verzoek niet lezen (bind DN {bindDn} of base DN {baseDn}).',
  'ldap.hint.dnSyntax': 'Controleer de bind DN en de base DN op typefouten (CN=…,OU=…,DC=…).',
  'ldap.noAccess':
    '{bindDn} mag {baseDn, select, none {dit deel van de directory} other {{baseDn}}} op {server} niet lezen.',
  'ldap.hint.noAccess':
    'Vraag de beheerder het serviceaccount leesrechten te geven op de OU met de medewerkers.',
  'ldap.bindUnwilling': '{server} weigerde de aanmelding als {bindDn}.',
  'ldap.hint.bindUnwilling':
    'Meld aan met een serviceaccount en zijn wachtwoord; anonieme en niet-geverifieerde aanmeldingen zijn niet toegestaan.',
  'ldap.unknown': '{server} meldde een probleem dat de workbench niet kent (technisch detail: {detail})',
  'ldap.hint.unknown':
    'Controleer de verbindingsinstellingen; blijft het probleem, stuur dan deze melding (er staat geen wachtwoord in) naar Plek-support.',
  'ldap.filter': 'Het LDAP-filter {filter} is niet geldig (technisch detail: {detail})',
  'ldap.hint.filter':
    'Controleer de haakjes (elke voorwaarde tussen eigen haakjes, bijv. (&(objectClass=user)(department=Zorg))) en schrijf * ( ) \\ in waarden als \\2a \\28 \\29 \\5c.',
  'ldap.anonymous':
    'Geen {missing, select, bindDn {bind DN} other {wachtwoord}} voor {server}: anonieme aanmeldingen worden geweigerd.',
  'ldap.hint.anonymous':
    'Een anonieme aanmelding of een met een leeg wachtwoord "lukt" op veel servers, maar leest niets (AD ziet een leeg wachtwoord als een niet-geverifieerde aanmelding). Geef de DN of UPN van het serviceaccount en zijn wachtwoord (PLEK_LDAP_PASSWORD voor de CLI).',
  'ldap.aborted': 'Het lezen van {server} is afgebroken.',
  'ldap.hint.aborted': 'Start het lezen opnieuw zodra het uitkomt.',

  // Why a file or a connection failed, from the system's code: what happened and what to do.
  'sys.read.missing': 'het bestand bestaat niet (verplaatst of hernoemd?); kies het bestand opnieuw',
  'sys.read.folder': 'het is een map, geen bestand; geef het bestand in die map',
  'sys.read.folderCsv': 'het is een map, geen bestand; kies het CSV-bestand in die map',
  'sys.read.folderInstead': 'er staat een map waar een bestand hoort',
  'sys.read.denied': 'geen toegang; vraag leesrechten of kopieer het bestand naar een eigen map',
  'sys.read.locked':
    'een ander programma houdt het vast (open in Excel?); sluit het daar en probeer het opnieuw',
  'sys.read.other': 'het systeem meldde {code}; controleer het bestand en probeer het opnieuw',
  'sys.write.missing': 'de map bestaat niet; maak hem eerst aan of kies een andere plek',
  'sys.write.denied': 'geen toegang; kies een map waarin geschreven mag worden',
  'sys.write.folder': 'het is een map; geef een bestandsnaam',
  'sys.write.exists': 'het bestaat al; geef --force om het te overschrijven',
  'sys.write.full': 'de schijf is vol',
  'sys.write.readOnly': 'de schijf is alleen-lezen',
  'sys.write.locked':
    'een ander programma houdt het vast (open in Excel?); sluit het daar en probeer het opnieuw',
  'sys.write.other': 'het systeem meldde {code}',
  'sys.net.refused':
    'daar antwoordt niets (verbinding geweigerd); controleer de hostnaam en de poort, en of de server draait',
  'sys.net.notFound': 'de hostnaam is niet te vinden; controleer de spelling en de netwerkverbinding (VPN?)',
  'sys.net.timeout':
    'geen antwoord op tijd; controleer de netwerkverbinding (VPN, proxy, firewall) en probeer het opnieuw',
  'sys.net.reset':
    'de verbinding werd verbroken; probeer het opnieuw, en controleer de netwerkverbinding als het vaker gebeurt',
  'sys.net.unreachable': 'het netwerk kan de host niet bereiken; controleer de verbinding (VPN, firewall)',
  'sys.tls.untrusted': 'het certificaat is ondertekend door een CA die deze computer niet vertrouwt',
  'sys.tls.selfSigned': 'het certificaat is door de server zelf ondertekend',
  'sys.tls.expired': 'het certificaat is verlopen',
  'sys.tls.notYetValid': 'het certificaat is nog niet geldig (controleer de klok van deze computer)',
  'sys.tls.altName': 'het certificaat is uitgegeven voor een andere hostnaam',
  'sys.tls.other': 'de beveiligde verbinding kon niet worden opgezet',
  'sys.api.unreachable': 'Geen verbinding met {endpoint}: {reason}.',

  // A source that cannot be read at all.
  'sourceError.unreadable': '{file} is niet te lezen: {reason}',
  'sourceError.empty': '{file} is niet te lezen: het is leeg (geen kopregel); exporteer het bestand opnieuw',
  'sourceError.binary':
    '{file} is niet te lezen: het is een binair bestand, geen CSV-export; vraag om de export als CSV',
  'sourceError.notCsv':
    '{file} is niet te lezen: het is {kind, select, xlsx {een Excel-werkmap (.xlsx) of een ander ZIP-bestand, geen CSV-bestand; kies in Excel Bestand → Opslaan als → "CSV (gescheiden door puntkomma\'s)" en kies dat bestand} xls {een oude Excel-werkmap (.xls), geen CSV-bestand; kies in Excel Bestand → Opslaan als → "CSV (gescheiden door puntkomma\'s)" en kies dat bestand} pdf {een PDF-document, geen CSV-bestand; vraag om de export als CSV} png {een PNG-afbeelding, geen CSV-export; vraag om de export als CSV} jpeg {een JPEG-afbeelding, geen CSV-export; vraag om de export als CSV} gif {een GIF-afbeelding, geen CSV-export; vraag om de export als CSV} gzip {een gzip-archief, geen CSV-export; vraag om de export als CSV} 7z {een 7-Zip-archief, geen CSV-export; vraag om de export als CSV} rar {een RAR-archief, geen CSV-export; vraag om de export als CSV} other {geen CSV-export; vraag om de export als CSV}}',
  'sourceError.aborted': 'Het lezen van {file} is afgebroken',
  'sourceError.noWorker':
    '{file} kan niet in een eigen thread worden gelezen: PLEK_CSV_WORKER staat aan, maar deze installatie heeft geen csv-worker.js; haal PLEK_CSV_WORKER weg of installeer opnieuw',
  'sourceError.workerStopped':
    'Het lezen van {file} is gestopt: de thread die het bestand leest, stopte onverwacht (afsluitcode {code}), bijvoorbeeld omdat de computer geen geheugen meer had. Probeer het opnieuw, of zet PLEK_CSV_WORKER=off om zonder thread te lezen',
  'sourceError.withHint': '{message} {hint}',

  // The CLI's own errors: usage, files, settings. Each says what to do.
  'cli.error.prefix': 'plek-sync: {message}',
  'cli.error.whatToDo': 'wat te doen: {hint}',
  'cli.error.technical': 'technisch detail: {detail}',
  'cli.error.certificate': 'certificaat: onderwerp {subject}',
  'cli.error.certificateIssuer': 'uitgever {issuer}',
  'cli.error.certificateValid': 'geldig {from} – {to}',
  'cli.error.certificateFingerprint': 'SHA-256 {fingerprint}',
  'cli.error.unexpected':
    'onverwachte fout: dit is een fout in plek-sync, niet in uw bestanden. Stuur het technische detail hieronder (er staat geen wachtwoord in) naar Plek-support.',
  'cli.error.column': '(kolom {column})',
  'cli.error.portInUse':
    'poort {port} op 127.0.0.1 is al in gebruik; kies een andere met --port, of laat de optie weg',
  'cli.error.write': 'kan {path} niet schrijven: {reason}',
  'cli.error.cancelled': 'afgebroken',
  'cli.error.mappingMissing':
    'mappingbestand {file} bestaat niet; controleer het pad (of maak er een met: plek-sync init --source HR.csv)',
  'cli.error.mappingUnreadable': 'kan mappingbestand {file} niet lezen: {reason}',
  'cli.error.mappingInvalid': '{file} is geen geldig mappingbestand:',
  'cli.error.mappingErrors': '{file} bevat fouten in de mapping:',
  'cli.error.stateUnreadable':
    'kan de vorige stand {file} niet lezen: verwacht een bestand dat met --write-state is geschreven',
  'cli.error.stateInvalid': '{file} is geen standbestand dat met --write-state is geschreven',
  'cli.error.stateUnreadableDaily': 'kan de dagelijkse stand {file} niet lezen: {reason}',
  'cli.error.stateDamaged':
    'de dagelijkse stand {file} is beschadigd: zet het bestand opzij (de volgende run begint dan zonder controle op gewijzigde keys en ingekorte bronnen) of geef --previous',
  'cli.error.noSource': 'de mapping noemt geen bronbestand: geef het met --source BESTAND (de HR-export)',
  'cli.error.ldapPassword':
    'de directory {url} heeft het wachtwoord van {bindDn} nodig: zet het in PLEK_LDAP_PASSWORD (het wordt nooit in het mappingbestand bewaard)',
  'cli.error.plainLdap':
    'de mapping zet StartTLS uit: het wachtwoord van {bindDn} zou onversleuteld over het netwerk naar {url} gaan. Zet startTls aan, gebruik ldaps://, of geef --allow-plain-ldap als dat echt de bedoeling is',
  'cli.error.caFile': 'kan het CA-bestand {file} uit source.caFile niet lezen: {reason}',
  'cli.error.targetForm': '--target {target} is geen URL en ook geen "sandbox[:MAP]"',
  'cli.error.targetCredentials': 'zet inloggegevens in PLEK_CLIENT_SECRET / PLEK_TOKEN, nooit in de URL',
  'cli.error.sandboxDir':
    '{reason}; target.dataDir in een mapping moet een map binnen de datamap van de workbench zijn — geef een andere map met --target sandbox:MAP',
  'cli.error.sandboxUnreadable':
    'kan de sandboxstand in {dir} niet lezen: {reason}; zet die map opzij om met een lege sandbox te beginnen, of kies een andere met --target sandbox:MAP',
  'cli.error.noTarget': 'geen doel: geef --target URL|sandbox[:MAP] of zet "target" in de mapping',
  'cli.error.tokenHost':
    'de mapping stuurt het client secret naar {origin}, niet naar het doel {baseOrigin}; is die tokenserver juist, bevestig hem dan met --token-url {tokenUrl}',
  'cli.error.noClientId':
    'PLEK_CLIENT_SECRET is gezet maar er is geen client ID: geef --client-id of zet target.clientId in de mapping',
  'cli.error.noCredentials':
    'geen inloggegevens: zet PLEK_CLIENT_SECRET (met --client-id) of PLEK_TOKEN in de omgeving',
  'cli.error.target': 'Plek-doel: {reason}',
  'cli.error.targetUnreachable': 'Plek-doel: geen antwoord van Plek: {reason}',
  'cli.error.seedUnreadable': 'kan het startbestand {file} niet lezen: {reason}',
  'cli.error.seedInvalid': "{file} is geen JSON-bestand met gebruikers en groepen ('{' users, groups '}')",
  'cli.error.journalOtherPlan':
    'het journaal {file} hoort bij een ander plan (is een nieuw plan naar hetzelfde bestand geschreven?): zet het opzij of geef --journal met een nieuw bestand',
  'cli.error.planUnreadable':
    'kan het plan {file} niet lezen: verwacht de JSON (of .json.gz) die plek-sync plan --out schrijft',
  'cli.error.planInvalid': '{file} is geen plan dat plek-sync plan --out heeft geschreven (versie 1)',
  'cli.error.planTarget':
    'het plan is gemaakt voor {planTarget}, niet voor {target}: maak een nieuw plan voor dit doel',
  'cli.error.initLdapOptions':
    'init vanuit een directory heeft --bind-dn en --base-dn nodig (en het wachtwoord in PLEK_LDAP_PASSWORD)',
  'cli.error.initLdapPassword': 'zet PLEK_LDAP_PASSWORD op het wachtwoord van {bindDn}',
  'cli.error.ldapSettings': 'ongeldige directory-instellingen:',
  'cli.error.apiSettings': 'ongeldige broninstellingen:',
  'cli.error.initPersonio':
    'init --source personio heeft --source-client-id nodig (het secret hoort in PLEK_SOURCE_SECRET)',
  'cli.error.initAfas':
    'init --source afas heeft --source-url (https://12345.rest.afas.online/ProfitRestServices) en --connector nodig (het token hoort in PLEK_SOURCE_TOKEN)',
  'cli.error.initRest': 'init --source rest heeft --source-url nodig (de URL met de lijst van personen)',
  'cli.error.initOauth':
    '--auth oauth2 heeft --token-url en --source-client-id nodig (het secret hoort in PLEK_SOURCE_SECRET)',
  'cli.error.apiSecret':
    'zet {env} op {kind, select, afas {het AFAS-token} personio {het client secret van Personio-client-ID {clientId}} oauth2 {het client secret van client-ID {clientId}} bearer {het bearer-token} apiKey {de API-sleutel (header {header})} other {het secret}} (het wordt nooit in het mappingbestand geschreven)',
  'cli.error.apiEmpty':
    '{source} gaf geen records terug; controleer de instellingen (connector, pad naar de records, rechten)',

  // commander's sentences and the help headings, in the CLI's language.
  'cli.usage.error': 'fout: {message}',
  'cli.usage.seeHelp': '(typ plek-sync --help voor het gebruik)',
  'cli.usage.unknownOption':
    'onbekende optie {flag}{suggestion, select, none {} other { (bedoelt u {suggestion}?)}}',
  'cli.usage.unknownCommand':
    'onbekend commando {name}{suggestion, select, none {} other { (bedoelt u {suggestion}?)}}',
  'cli.usage.missingOption': 'de optie {flags} is verplicht',
  'cli.usage.optionMissingValue': 'de optie {flags} heeft een waarde nodig',
  'cli.usage.missingArgument': 'het argument {name} ontbreekt',
  'cli.usage.excessArguments':
    'te veel argumenten: {expected, plural, =0 {geen verwacht} one {# verwacht} other {# verwacht}}, {got, number} gegeven',
  'cli.usage.conflict': '{a} en {b} gaan niet samen',
  'cli.usage.invalidValue': 'de optie {flags} accepteert "{value}" niet: {reason}',
  'cli.usage.invalidArgument': 'het argument {name} accepteert "{value}" niet: {reason}',
  'cli.usage.expectedLang': 'verwacht nl of en',
  'cli.usage.expectedDate': 'verwacht een datum als JJJJ-MM-DD, bijv. 2026-11-23',
  'cli.usage.expectedDays': 'verwacht een aantal dagen van {min} tot {max}, bijv. 30',
  'cli.usage.expectedPositive': 'verwacht een geheel getal van 1 of meer',
  'cli.usage.expectedPort': 'verwacht een poortnummer {min}-65535',
  'cli.help.usage': 'Gebruik:',
  'cli.help.options': 'Opties:',
  'cli.help.commands': 'Commando’s:',
  'cli.help.arguments': 'Argumenten:',
  'cli.help.globalOptions': 'Algemene opties:',
  'cli.help.help': 'toon de hulp bij een commando',
  'cli.help.version': 'toon het versienummer',
  'cli.help.program':
    'Plek-provisioning: zet een HR-export of Active Directory om naar Plek-gebruikers, controleer, plan en synchroniseer.',
  'cli.help.allowPlainLdap':
    'meld aan bij een directory via onversleutelde LDAP (StartTLS uit) met het wachtwoord: alleen als dat echt de bedoeling is',

  // The sandbox's start-up lines and other CLI notes.
  'cli.sandbox.on': 'op {url}',
  'cli.sandbox.tokenUrl': 'token-URL',
  'cli.sandbox.clientId': 'client-ID',
  'cli.sandbox.clientSecret': 'client secret',
  'cli.sandbox.secretFromEnv': '(uit PLEK_CLIENT_SECRET)',
  'cli.sandbox.state': 'stand',
  'cli.sandbox.inMemory': 'alleen in het geheugen',
  'cli.sandbox.profile': 'profiel',
  'cli.sandbox.profileName':
    '{profile, select, permissive {ruim (permissive)} other {plek (PATCH-paden met een waardefilter geweigerd, zoals Plek doet)}}',
  'cli.sandbox.stop': 'Stoppen met Ctrl+C.',
  'cli.run.pruneFailed': 'kon oude runbestanden niet verwijderen: {reason}',

  // The help text of each command and option.
  'cli.help.apply':
    'voer een plan uit dat plek-sync plan --out schreef; hervatbaar: start opnieuw na een onderbreking',
  'cli.help.mappingTarget': 'mappingbestand (.plekmap.json): het doel als --target ontbreekt',
  'cli.help.plan': 'plan-JSON (of .json.gz) van plek-sync plan --out',
  'cli.help.targetPlan': 'SCIM-basis-URL, "sandbox" of "sandbox:MAP"; moet het doel van het plan zijn',
  'cli.help.clientId': 'OAuth2-client-ID (het secret komt uit PLEK_CLIENT_SECRET)',
  'cli.help.tokenUrl': 'OAuth2-token-URL (standaard: <doel>/oauth/token)',
  'cli.help.journal': 'journaal om te hervatten (standaard: <plan>.journal.jsonl)',
  'cli.help.reportApply': 'rapport van de run (.json, met een .csv ernaast; standaard: <plan>.report.json)',
  'cli.help.massDeactivation':
    'sta meer deactiveringen toe dan de veiligheidsdrempels van de mapping (alleen deze run)',
  'cli.help.jsonSummary': 'een samenvatting als JSON op stdout',
  'cli.help.sourceUrl':
    'personio|afas|rest: basis-URL van de API (Personio: standaard https://api.personio.de)',
  'cli.help.sourceClientId': 'personio|rest: OAuth2-client-ID (het secret komt uit PLEK_SOURCE_SECRET)',
  'cli.help.connector': 'afas: de naam van de GetConnector (het token komt uit PLEK_SOURCE_TOKEN)',
  'cli.help.orderBy': 'afas: veld om op te sorteren bij het bladeren, bijv. Medewerker',
  'cli.help.auth':
    'rest: oauth2, bearer, api-key of none (standaard: oauth2 met een client-ID, anders bearer)',
  'cli.help.restTokenUrl': 'rest: OAuth2-token-URL',
  'cli.help.scope': 'rest: OAuth2-scope',
  'cli.help.apiKeyHeader': 'rest: header met de API-sleutel, bijv. X-Api-Key',
  'cli.help.recordsPath':
    'rest: waar de lijst in het antwoord staat, bijv. data (standaard: het antwoord zelf)',
  'cli.help.paging': 'rest: none, offset, page, cursor of next-link',
  'cli.help.pageSize': 'rest/afas/personio: records per pagina',
  'cli.help.cursorPath': 'rest: waar de volgende cursor staat, bijv. meta.next_cursor',
  'cli.help.cursorParam': 'rest: queryparameter voor de cursor (standaard cursor)',
  'cli.help.nextPath': 'rest: waar de URL van de volgende pagina staat, bijv. links.next',
  'cli.help.totalPath': 'rest: waar het totaal staat, bijv. meta.total',
  'cli.help.init':
    'stel een mapping voor uit de kolomkoppen van een HR-export, de attributen van een Active Directory of de API van een HR-applicatie',
  'cli.help.initSource': 'HR-export (CSV), ldaps://host / ldap://host, of personio / afas / rest',
  'cli.help.initOut': 'waar de mapping heen moet (standaard: op het scherm)',
  'cli.help.name': 'projectnaam in de workbench',
  'cli.help.bindDn': 'LDAP: bind DN of UPN (wachtwoord uit PLEK_LDAP_PASSWORD)',
  'cli.help.baseDn': 'LDAP: waar de medewerkers staan, bijv. OU=Medewerkers,DC=corp,DC=example',
  'cli.help.caFile': 'LDAP: PEM-bestand van de CA die het certificaat van de directory ondertekende',
  'cli.help.flavor': 'LDAP: ad of openldap (standaard: ad)',
  'cli.help.force': 'overschrijf --out als het al bestaat',
  'cli.help.map':
    'schrijf de Plek-gebruikers die uit een bron volgen, één SCIM-gebruikersobject per regel (JSON Lines)',
  'cli.help.mapping': 'mappingbestand (.plekmap.json)',
  'cli.help.source': 'HR-export (gaat voor source.path in de mapping)',
  'cli.help.previousMap': 'vorige export of standbestand, om de stabiliteit van de keys te controleren',
  'cli.help.today': 'de datum waaraan einddatums worden getoetst (JJJJ-MM-DD; standaard: vandaag)',
  'cli.help.out': 'schrijf naar dit bestand in plaats van stdout',
  'cli.help.targetMapping': 'SCIM-basis-URL, "sandbox" of "sandbox:MAP" (standaard: het doel in de mapping)',
  'cli.help.previousPlan': 'vorige export of standbestand: beschermt tegen een ingekorte bron',
  'cli.help.initialImport':
    'koppel bestaande Plek-accounts op e-mailadres (standaard: als nog geen account een externalId heeft)',
  'cli.help.planCommand': 'proefrun: wat een synchronisatie in Plek zou wijzigen, per gebruiker en veld',
  'cli.help.planJson': 'het plan als JSON op stdout',
  'cli.help.planOut':
    'schrijf de plan-JSON voor plek-sync apply (met gzip gecomprimeerd als de naam op .gz eindigt)',
  'cli.help.all': 'toon ook gebruikers zonder wijzigingen',
  'cli.help.run': 'plannen en uitvoeren in één keer (de dagelijkse geplande synchronisatie)',
  'cli.help.runDir': 'waar journalen en rapporten komen (standaard: de datamap van de workbench/runs)',
  'cli.help.reportRun': 'rapport van de run (.json, met .nl.csv en .en.csv ernaast)',
  'cli.help.stateDir':
    'waar de dagelijkse stand wordt bewaard (standaard: de datamap van de workbench/state)',
  'cli.help.noState':
    'lees en bewaar de dagelijkse stand niet (een proef: geen controle op gewijzigde keys of een ingekorte bron, behalve met --previous)',
  'cli.help.retentionDays':
    'verwijder na de run journalen en rapporten die ouder zijn dan zoveel dagen (standaard: de instelling van de workbench, anders 30); in de datamap van de workbench ook oude uploads en sandboxstand',
  'cli.help.sandbox': 'start de Plek-sandbox (een lokale SCIM 2.0-server) op 127.0.0.1',
  'cli.help.port': 'poort (standaard: een vrije)',
  'cli.help.data': 'map voor de stand (standaard: de datamap van de workbench/sandbox)',
  'cli.help.memory': 'bewaar de stand alleen in het geheugen',
  'cli.help.demo': 'vul een nieuwe stand met de demo-accounts (voor de koppeldemo)',
  'cli.help.seed': "vul een nieuwe stand uit dit JSON-bestand ('{' users, groups '}')",
  'cli.help.permissive':
    'accepteer PATCH-paden met een waardefilter (emails[type eq "work"].value), die Plek (het standaardprofiel) weigert',
  'cli.help.demoCommand':
    'schrijf de meegeleverde demo (mapping en HR-export) naar een map, met de begin- en einddatums verschoven naar vandaag',
  'cli.help.demoOut': 'de map waar de demo heen moet (standaard: plek-demo)',
  'cli.help.demoToday': 'de dag waar de datums van de demo naartoe schuiven (JJJJ-MM-DD; standaard: vandaag)',
  'cli.demo.export':
    '{path} geschreven, met de datums zoals op {today} (de demo is geschreven voor {anchor})',
  'cli.demo.mappingKept': '{path} bewaard: die bestond al, dus je wijzigingen blijven',
  'cli.demo.sandbox': '{path} geschreven: de Plek van de demo, een sandbox met de accounts om te koppelen',
  'cli.demo.sandboxKept': '{path} bewaard: wat eerdere runs in de Plek van de demo deden, blijft',
  'cli.demo.then': 'daarna: plek-sync plan --mapping {path} --target sandbox:{sandbox}',
  'cli.help.serve': 'open de workbench in de browser (alleen lokaal, beschermd met een willekeurig token)',
  'cli.help.servePort': 'poort op 127.0.0.1 (standaard: een vrije)',
  'cli.help.noOpen': 'toon alleen de URL; open geen browser',
  'cli.help.serveDemo': 'open het meegeleverde demoproject zodra de pagina verbinding maakt',
  'cli.help.dataDir': 'map van de workbench voor projecten en de sandbox (standaard: per gebruiker)',
  'cli.help.validate':
    'controleer een bron tegen een mapping: keys, verplichte velden, e-mailadressen, datums, deactivering',
  'cli.help.previousValidate':
    'vorige export, of een standbestand van --write-state, om de stabiliteit van de keys te controleren',
  'cli.help.validateJson': 'één JSON-object op stdout',
  'cli.help.trace': 'toon welke regel elke waarde maakte voor de gebruiker met deze mapping key',
  'cli.help.writeState': 'bewaar identiteitsgegevens voor de controle op stabiele keys bij de volgende run',

  // A value the mapping format does not accept, in words (the kinds of value named per language).
  'schema.type.string': 'tekst',
  'schema.type.number': 'getal',
  'schema.type.int': 'geheel getal',
  'schema.type.nan': 'ongeldig getal',
  'schema.type.boolean': 'waar of onwaar',
  'schema.type.array': 'lijst',
  'schema.type.object': 'object',
  'schema.type.null': 'null',
  'schema.type.undefined': 'niets',
  'schema.type.date': 'datum',
  'schema.type.other': 'een ander soort waarde',
  'schema.missing': 'ontbreekt: verwacht {expected}',
  'schema.invalidType': 'verwacht {expected}, gevonden: {received}',
  'schema.tooSmall':
    '{kind, select, string {te kort: {exact, select, yes {precies} exclusive {meer dan} other {minstens}} {limit, plural, one {# teken} other {# tekens}}} array {te weinig: {exact, select, yes {precies} exclusive {meer dan} other {minstens}} {limit, plural, one {# element} other {# elementen}}} other {te klein: {exact, select, yes {precies} exclusive {meer dan} other {minstens}} {limit, number}}}',
  'schema.tooBig':
    '{kind, select, string {te lang: {exact, select, yes {precies} exclusive {minder dan} other {hoogstens}} {limit, plural, one {# teken} other {# tekens}}} array {te veel: {exact, select, yes {precies} exclusive {minder dan} other {hoogstens}} {limit, plural, one {# element} other {# elementen}}} other {te groot: {exact, select, yes {precies} exclusive {minder dan} other {hoogstens}} {limit, number}}}',
  'schema.invalidValue': '{n, plural, one {verwacht {values}} other {verwacht een van {values}}}',
  'schema.invalidFormat':
    '{format, select, email {geen geldig e-mailadres} url {geen geldige URL} regex {heeft niet de verwachte vorm ({pattern})} other {niet in de verwachte vorm ({format})}}',
  'schema.invalidUnion': 'past bij geen van de toegestane vormen',

  // plek-sync init: what it tells the consultant about the draft mapping.
  'init.note.wrote': '{path} geschreven',
  'init.note.next': 'volgende stap: plek-sync validate --mapping {path}',
  'init.note.label': 'let op',
  'init.note.csvFile':
    '{file}: {encoding} ({because}), scheidingsteken {delimiter}, {columns, plural, one {# kolom} other {# kolommen}}',
  'init.note.outsideFolder':
    'het exportbestand staat buiten de map van de mapping: een mapping leest alleen bestanden ernaast of eronder, dus zet de export daar of geef bij elk commando --source BESTAND mee',
  'init.note.ldapSampled':
    '{entries, plural, one {# item} other {# items}} gelezen, {attributes, plural, one {# attribuut} other {# attributen}}',
  'init.note.apiSampled':
    '{source}: {records, plural, one {# record} other {# records}} gelezen, {attributes, plural, one {# attribuut} other {# attributen}}',
  'init.note.recognised': '{attribute} → {concept}',
  'init.note.key': 'mapping key ← {header}',
  'init.note.keyFirstColumn':
    'mapping key ← {header} (de eerste kolom: geen kolom met een personeelsnummer herkend); zorg dat deze uniek is en nooit verandert',
  'init.note.keyApiGuess':
    'mapping key ← {header} (geen personeelsnummer herkend); zorg dat deze uniek is en nooit verandert',
  'init.note.field': '{target} ← {columns}',
  'init.note.missingField':
    'geen {unit, select, attribute {attribuut} other {kolom}} herkend voor {target}; Plek heeft dit nodig om accounts aan te maken — koppel het met de hand',
  'init.note.about': '{header}: {note}',
  'init.note.dateAmbiguous':
    'datums zoals {example} kunnen dag-eerst of maand-eerst zijn; gelezen als dag-eerst ({format}), controleer een bekende datum',
  'init.note.statusValues':
    '{header} bevat {values} in de eerste rijen, en geen daarvan zegt "uit dienst"; controleer deactivation.inactiveWhen aan de hand van de waarde die iemand krijgt die vertrekt',
  'init.note.endDate': 'deactivation.endDate ← {header}: gedeactiveerd na de laatste werkdag',
  'init.note.inactiveWhen': 'deactivation.inactiveWhen ← {expression}',
  'init.note.noDeactivation':
    'geen {unit, select, attribute {attribuut} other {kolom}} met einddatum of status: gebruikers worden nooit gedeactiveerd (ontbreken in de bron deactiveert nooit)',
  'init.note.startDate': 'activation.startDate ← {header}: accounts worden op de startdatum aangemaakt',
  'init.note.birthDate':
    '{header}: wordt nooit gesynchroniseerd; herkent iemand van wie de mapping key is veranderd',
  'init.note.initials': '{header}: niet gebruikt — Plek gebruikt de roepnaam',
  'init.note.excluded.privateEmail':
    '{header}: niet gebruikt — een privéadres, nooit als werk-e-mail gebruikt (het zou een login worden)',
  'init.note.excluded.privatePhone':
    '{header}: niet gebruikt — een privénummer, niet naar Plek gesynchroniseerd',
  'init.note.excluded.notEndDate':
    '{header}: niet gebruikt — het einde van een proeftijd of contract, niet de laatste werkdag: nooit gebruikt om te deactiveren',
  'init.note.excluded.notStartDate':
    '{header}: niet gebruikt — niet de start van het dienstverband: nooit gebruikt voor nieuwe medewerkers',
  'init.note.excluded.notStatus':
    '{header}: niet gebruikt — niet de status van het dienstverband: nooit gebruikt om te deactiveren',
  'init.note.excluded.notManagerKey': '{header}: niet gebruikt — niet de mapping key van de leidinggevende',

  'setup.heading': 'Dit project inrichten',
  'setup.proposed':
    'De workbench heeft een mapping voorgesteld op basis van de kolomnamen (hetzelfde voorstel als plek-sync init). Controleer de mapping key en daarna de velden bij de stap Mapping.',
  'key.heading': 'Mapping key',
  'key.hint':
    'De kolom die een persoon bij elke synchronisatie herkent: voor iedereen gevuld, uniek en nooit veranderend.',
  'key.recommended': 'Aanbevolen',
  'key.filled': '{rate, number, percent} gevuld',
  'key.unique': 'uniek',
  'key.duplicates': '{n, plural, one {# rij deelt} other {# rijen delen}} een waarde',
  'key.stable': 'verandert niet',
  'key.mayChange': 'kan veranderen',
  'key.reason.employeeNumber':
    'Een personeelsnummer: gevuld en uniek in elke rij van de steekproef, en het blijft gelijk als een naam of e-mailadres verandert.',
  'key.reason.directoryId':
    'De eigen id van de directory: gevuld en uniek, en hij verandert nooit, ook niet als het account wordt hernoemd of verplaatst.',
  'key.reason.completeUnique': 'Gevuld en uniek in elke rij van de steekproef.',
  'key.reason.mayChange':
    'Gevuld en uniek, maar hij verandert met de persoon mee (een nieuwe naam of nieuw e-mailadres); Plek ziet dan een nieuwe persoon.',
  'key.reason.duplicates': 'Sommige rijen delen een waarde; die rijen kunnen niet worden gesynchroniseerd.',
  'key.reason.empty': 'Sommige rijen hebben geen waarde; die rijen kunnen niet worden gesynchroniseerd.',
  'key.none':
    'Geen enkele kolom is gevuld en uniek in de steekproef. Vraag HR om een personeelsnummer aan de export toe te voegen.',
  'key.sampled': 'Gemeten op {n, plural, one {# rij uit de steekproef} other {# rijen uit de steekproef}}.',
  // Waarom een mapping key kan veranderen (src/shared/ad/suggest.ts): de tooltip bij "key kan veranderen".
  'key.stability.employeeID':
    'employeeID kan veranderen (opnieuw in dienst onder een nieuw nummer, een verbeterde tikfout) en is bij externe medewerkers vaak leeg; verandert het, dan ziet Plek een nieuwe persoon en deactiveert de oude. objectGUID verandert nooit.',
  'key.stability.employeeNumber':
    'employeeNumber kan veranderen (opnieuw in dienst onder een nieuw nummer, een verbeterde tikfout); verandert het, dan ziet Plek een nieuwe persoon. objectGUID verandert nooit.',
  'key.stability.mail':
    'mail verandert mee met een nieuwe naam (huwelijk, een verbeterde schrijfwijze); verandert het, dan ziet Plek een nieuwe persoon. objectGUID verandert nooit.',
  'key.stability.sAMAccountName':
    'sAMAccountName wordt met de persoon hernoemd (huwelijk, een nieuwe naamgevingsregel) en kan opnieuw worden uitgegeven aan een nieuwe collega; objectGUID verandert nooit.',
  'key.stability.userPrincipalName':
    'userPrincipalName verandert mee met een nieuwe naam of een nieuw domein; objectGUID verandert nooit.',
  'key.stability.cn': 'cn verandert telkens als het account wordt hernoemd; objectGUID verandert nooit.',
  'key.stability.distinguishedName':
    'de DN verandert telkens als het account naar een andere OU gaat of wordt hernoemd; objectGUID verandert nooit.',
  'checklist.heading': 'Wat een synchronisatie nodig heeft',
  'checklist.key': 'Een mapping key',
  'checklist.givenName': 'Voornaam',
  'checklist.familyName': 'Achternaam',
  'checklist.login': 'E-mailadres of login',
  'checklist.ok': 'ingesteld',
  'checklist.missing': 'ontbreekt',
  'checklist.fix': 'Instellen bij de stap {step}',
  'problem.noKey':
    'Nog geen mapping key gekozen: kies bij de stap Bron onder “Mapping key” de kolom die een persoon herkent.',
  'problem.generic': 'De mapping heeft een probleem bij {place}: {detail}',
  'problem.expression': 'De expressie voor {place} is niet bruikbaar: {detail}',
  'problem.target.photos': '{field}: Plek synchroniseert geen profielfoto’s.',
  'problem.target.birthDates': '{field}: Plek synchroniseert geen (geboorte)datums naar profielen.',
  'problem.target.unknown':
    '"{field}" is geen veld van Plek: gebruik een SCIM-pad zoals name.givenName, of declareer het onder customFields.',
  'problem.duplicateTarget': '"{field}" vult hetzelfde Plek-veld als "{earlier}"; houd er één van over.',
  'problem.loginTargetMapped':
    'Het veld {targetLabel} staat ook bij de velden, terwijl het loginschema het maakt; haal een van de twee weg.',
  'problem.loginReadsUnmapped':
    'Het loginschema leest het veld {targetLabel}, maar geen veldmapping vult het; map het eerst.',
  'problem.groupFieldUnmapped':
    'Groepsregels werken alleen op profielvelden van Plek, en het veld {targetLabel} is niet gemapt; map het eerst.',
  'problem.requiredMissing':
    'Plek heeft het veld {targetLabel} nodig om een account aan te maken; voeg er een veldmapping voor toe.',
  'problem.secretKey':
    '"{keys}" {n, plural, one {lijkt} other {lijken}} op een geheim, en een mappingbestand bevat nooit een geheim. Haal {n, plural, one {het} other {ze}} weg: de workbench bewaart geheimen in zijn kluis, de opdrachtregel leest PLEK_LDAP_PASSWORD / PLEK_CLIENT_SECRET.',
  'problem.unknownKeys':
    'Onbekende {n, plural, one {sleutel} other {sleutels}} {keys}; controleer de spelling met docs/mapping-format.md.',
  'problem.version':
    'Versie {version} van het mappingformaat wordt niet ondersteund; deze workbench leest versie 1.',
  'problem.jsonAt':
    'Het bestand is geen geldige JSON: het houdt op of klopt niet op regel {line}, kolom {column}.',
  'problem.json': 'Het bestand is geen JSON-document.',
  'problem.duplicateKey':
    'De sleutel {key} staat twee keer in hetzelfde object; haal er één weg, zodat het bestand maar één ding betekent.',
  'report.col.row': 'rij',
  'report.col.key': 'mapping key',
  'report.col.name': 'naam',
  'report.col.email': 'e-mail',
  'report.col.action': 'actie',
  'report.col.result': 'resultaat',
  'report.col.changes': 'wijzigingen',
  'report.col.reason': 'reden',
  'report.col.warnings': 'waarschuwingen',
  'report.col.groups': 'groepen',
  'report.col.plekId': 'Plek-id',
  'report.col.login': 'login',
  'report.col.externalId': 'mapping key (externalId)',
  'report.col.active': 'actief',
  'report.notInSource': 'Plek-accounts die niet in de bron staan en niet zijn aangeraakt ({n, number})',
  'report.empty': '(leeg)',
  'report.yes': 'ja',
  'report.no': 'nee',
  'report.action.create': 'aanmaken',
  'report.action.update': 'bijwerken',
  'report.action.deactivate': 'deactiveren',
  'report.action.linkDeactivate': 'koppelen en deactiveren',
  'report.action.reactivate': 'heractiveren',
  'report.action.link': 'koppelen',
  'report.action.groupAdd': 'toevoegen aan groep',
  'report.action.createGroup': 'groep aanmaken',
  'report.action.noop': 'geen wijziging',
  'report.action.conflict': 'conflict',
  'report.action.skipped': 'overgeslagen',
  'report.result.ok': 'uitgevoerd',
  'report.result.failed': 'mislukt',
  'report.result.not-run': 'niet uitgevoerd (onderbroken)',
  'report.result.noop': 'al actueel',
  'report.result.conflict': 'vraagt aandacht',
  'report.result.skipped': 'overgeslagen',
  'report.result.blocked': 'tegengehouden door de veiligheidscontrole',
  'report.reason.endDate': 'einddatum {date} is verstreken',
  'report.reason.leavingOn': 'vertrekt op {date}',
  'report.reason.startsOn': 'begint op {date}: nog niet aangemaakt',
  'report.reason.new': 'nieuw in de bron',
  'report.reason.upToDate': 'al actueel',
  'report.reason.fieldsChanged': '{n, plural, one {# veld} other {# velden}} gewijzigd',
  'report.reason.activeAgain': 'weer actief in de bron',
  'report.reason.inactive': 'inactief in de bron',
  'report.reason.activeFalse': 'de mapping zet het veld active op onwaar',
  'report.reason.linked':
    'eerste import: bestaand account gekoppeld op {by, select, email {e-mailadres} other {login}}',
  'report.reason.notCreatedInactive': 'niet aangemaakt: inactief in de bron ({why})',
  'report.reason.inactiveWhen': 'gedeactiveerd omdat {rule}',
  'report.reason.outOfScope': 'overgeslagen: buiten de scope ({rule})',
  'report.reason.error': 'overgeslagen door een fout: {message}',
  'report.reason.rowErrors': 'de rij bevat fouten (zie Valideren)',
  'report.reason.noSourceUser':
    'niemand in de bron heeft {by, select, email {dit e-mailadres} other {deze login}}',
  'report.reason.inactiveNeverLinked': 'inactief Plek-account: wordt nooit automatisch gekoppeld',
  'report.reason.managerUnknown':
    'leidinggevende "{key}" staat niet in Plek en niet in deze run: niet gewijzigd',
  'report.reason.duplicateKey':
    'mapping key "{key}" staat in de rijen {rows}: er gebeurt niets tot die uniek is',
  'report.reason.externalIdAmbiguous':
    'mapping key "{key}" hoort bij {n, plural, one {# Plek-account} other {# Plek-accounts}} ({ids}): verwijder eerst de dubbele in Plek',
  'report.reason.linkAmbiguous':
    '{by, select, email {e-mailadres} other {login}} {value} past bij {n, plural, one {# Plek-account} other {# Plek-accounts}} zonder mapping key ({ids}): koppel er één met de hand',
  'report.reason.linkClaimed':
    'de rijen {rows} passen allemaal op {by, select, email {e-mailadres} other {login}} bij Plek-account {id}: koppel het met de hand',
  'report.reason.loginExhausted': 'elke variant van de login {login} is al in gebruik in Plek of in deze run',
  'report.reason.userNameTaken':
    'login {value} is al in gebruik bij {kind, select, new {het nieuwe account van "{holder}" in deze run} other {Plek-account {holder}}}',
  'report.reason.emailTaken':
    'e-mailadres {value} is al in gebruik bij {kind, select, new {het nieuwe account van "{holder}" in deze run} other {Plek-account {holder}}}',
  'report.reason.noLogin': 'geen login of werk-e-mailadres om het account mee aan te maken',
  'report.reason.groupRule': 'een groepsregel is van toepassing',
  'report.reason.groupRuleNewGroup': 'een groepsregel is van toepassing; de groep wordt eerst aangemaakt',
  'report.reason.groupMissing': 'de groep bestaat nog niet in Plek',
  'report.targetWarnings': 'Waarschuwingen over Plek in deze run ({n, number})',
  'report.warning.managerFailed':
    'leidinggevende niet ingesteld omdat rij {row} ({key}) niet kon worden aangemaakt: {error}',
  'report.warning.managerNotPlanned':
    'leidinggevende niet ingesteld omdat rij {row} ({key}) in deze run niet wordt aangemaakt: {why}',
  'report.warning.managerNotCreated':
    'leidinggevende niet ingesteld omdat rij {row} ({key}) niet is aangemaakt{interrupted, select, yes { (de run werd onderbroken)} other {}}',
  'report.warning.loginTaken': 'login {plain} is al in gebruik, daarom krijgt dit account {given}',
  'report.warning.spcFailed':
    'De /ServiceProviderConfig van Plek kon niet worden gelezen — {detail}. ETags en /Bulk stonden uit voor deze run',
  'report.warning.spcMissing':
    'Plek publiceert geen /ServiceProviderConfig (HTTP {status}): ETags en /Bulk stonden uit voor deze run, dus elke wijziging ging als een eigen verzoek',
  'report.warning.spcEmpty':
    'De /ServiceProviderConfig van Plek gaf HTTP {status} zonder configuratie: ETags en /Bulk stonden uit voor deze run',
  'report.warning.pagingRecovered':
    'Plek sloeg bij het bladeren door {path} {n, plural, one {# account} other {# accounts}} over ({why}); opnieuw vanaf het begin gelezen, de lijst is volledig',
  'report.paging.echo': 'gevraagd om startindex {asked}, antwoord met startindex {echoed}',
  'report.paging.short': 'het gaf er {listed, number} van de {total, number} die het zelf opgeeft',
  'report.warning.wholeAttributes':
    'Plek weigerde een pad met waardefilter — {detail}. E-mailadressen en telefoonnummers zijn als geheel geschreven',
  'report.warning.bulkRefused': 'Plek weigerde /Bulk — {detail}. Accounts zijn één voor één aangemaakt',
  'report.failure.conflict':
    'Plek heeft al een account met deze login of dit e-mailadres (HTTP 409: {detail})',
  'report.failure.invalidValue': 'Plek weigerde een waarde (HTTP 400 {scimType}: {detail})',
  'report.failure.refused': 'Plek weigerde het verzoek (HTTP {status}: {detail})',
  'report.failure.access': 'Plek weigerde de toegang (HTTP {status}: {detail})',
  'report.failure.notFound': 'het account of de groep bestaat niet meer in Plek ({detail})',
  'report.failure.rateLimited':
    'Plek bleef vragen om langzamer te gaan; de bewerking is opgegeven ({detail})',
  'report.failure.server': 'Plek had een serverfout (HTTP {status}: {detail})',
  'report.failure.network': 'Plek was niet bereikbaar of gaf geen antwoord ({detail})',
  'report.failure.ambiguous':
    '{n, plural, one {# Plek-account past} other {# Plek-accounts passen}} bij deze persoon, dus er is niets gewijzigd ({detail})',
  'report.failure.noId': 'Plek maakte het account aan maar stuurde geen id terug',
  'report.failure.notCreated': 'niet uitgevoerd, omdat het account niet is aangemaakt',
  'report.failure.notCreatedGroup': 'niet aan de groep toegevoegd, omdat het account niet is aangemaakt',
  'report.failure.groupMissing': 'groep "{group}" bestaat niet, omdat het aanmaken ervan mislukte',
  'report.failure.other': 'de bewerking is mislukt ({detail})',
  'run.targetWarnings': '{n, plural, one {Een waarschuwing over Plek} other {# waarschuwingen over Plek}}',
};
