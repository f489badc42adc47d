// The structure drawn from the imports, checked by test/architecture/dependencies.test.ts.
// Arrows run down: main → app → features → (schemas, http, db, pure rules); the read side never
// reaches into the importers, pure rules never into Express or the database.

const readSide =
  '^server/(areas|indicators|observations|programmes|progress|maplayers|maptiles|exports|disclosure)/';
/** Small files with the rules, unit-tested without a server or a database. */
const pureRules = [
  // progressService, *Loader.ts and the repository read the database; progressRows.ts picks the
  // rules' columns from the table types (types only); the rest of progress/ is pure.
  '^server/progress/(?!progressService\\.ts$|\\w+Loader\\.ts$|progress(Repository|Rows)\\.ts$)',
  '^server/disclosure/(?!\\w+Repository\\.ts$)', // the repository is the one room with its SQL
  '^server/areas/(areaCodes|vintageForPeriod|sameArea)\\.ts$',
  '^server/programmes/targetDecision\\.ts$',
  '^server/exports/(csvDialect|exportColumns|firstRowBeforeHeaders)\\.ts$',
  '^server/maplayers/toFeatureCollection\\.ts$',
  '^server/imports/(observationRow|text/|uploadChecks\\.ts$)',
  '^server/reports/(reportChanges|newestData)\\.ts$',
  '^server/maptiles/(buildTiles|zoomBands)\\.ts$',
];
const expressOrDatabase = [
  '^node_modules/(express|kysely|pg|@electric-sql/pglite|helmet|compression|pino-http)/',
  '^server/db/',
  '^server/http/',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import circles.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'app-only-from-main',
      comment: 'server/app.ts mounts the features; features get their context from server/AppContext.ts.',
      severity: 'error',
      from: { path: '^server/', pathNot: '^server/main\\.ts$' },
      to: { path: '^server/app\\.ts$' },
    },
    {
      name: 'read-side-not-importers',
      comment:
        'Data flows importers → observations → progress → API: the read side never imports an importer.',
      severity: 'error',
      from: { path: readSide },
      to: { path: '^server/(imports|beheer)/' },
    },
    {
      name: 'pure-rules-no-express-or-db',
      comment: 'Pure rules have no Express, HTTP or database imports.',
      severity: 'error',
      from: { path: pureRules },
      to: { path: expressOrDatabase },
    },
    {
      name: 'schemas-are-leaves',
      comment: 'schemas/ is shared by server and client: it imports only zod and itself.',
      severity: 'error',
      from: { path: '^schemas/' },
      to: { path: '^(server|client|scripts)/|^node_modules/(?!zod/|@asteasolutions/zod-to-openapi/)' },
    },
    {
      name: 'client-not-server',
      comment: 'The client shares types with the server only through schemas/.',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^(server|scripts)/' },
    },
    {
      name: 'server-not-client',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^(client|scripts|test)/' },
    },
    {
      name: 'http-is-infrastructure',
      comment: 'server/http/ (problem, validation, OpenAPI) knows no feature.',
      severity: 'error',
      from: { path: '^server/http/' },
      to: { path: '^server/(?!http/|AppContext\\.ts$|config\\.ts$)' },
    },
    {
      name: 'admin-routes-mounted-by-beheer',
      comment:
        "A feature's admin routes (<feature>AdminRoutes.ts) are mounted only by the beheer guard chain, after session, CSRF and role.",
      severity: 'error',
      from: { path: '^server/', pathNot: '^server/beheer/' },
      to: { path: '^server/\\w+/\\w+AdminRoutes\\.ts$' },
    },
    {
      name: 'features-not-beheer',
      comment: 'beheer/ mounts admin routes over the features; no feature depends on it.',
      severity: 'error',
      from: { path: '^server/', pathNot: '^server/(beheer/|features\\.ts$)' },
      to: { path: '^server/beheer/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '^(dist|node_modules)/' },
  },
};
