/**
 * The dependency rules of OpenAssure, checked by `npm run lint` (docs/ARCHITECTURE.md shows them).
 *
 * The folders of src/ are stacked in layers, lowest first. Code may import from its own folder and from
 * the folders of lower layers; never from a higher layer, nor from another folder of its own layer.
 * Type-only imports count too: a layer's vocabulary is part of what it depends on. Tests beside the
 * code (*.test.ts) may use anything (a job's test may build the whole app). A folder added to src/
 * must be given a layer here before anything can import it.
 */
const layers = [
  ['core'], // domain types, ids, time, errors, countries, the status machine: no I/O
  ['config', 'logging', 'crypto', 'net'], // settings, logger, sealing, SSRF-safe outbound HTTP
  ['engines', 'connect'], // MRZ, OCR, VIZ, face, image checks; the OpenID Connect relying party: no database
  ['matching', 'document-types', 'watermark', 'capture', 'review', 'chip'], // pure domain logic over engine results and data; chip reading
  ['store', 'blobs'], // persistence ports and adapters
  ['jobs', 'auth', 'redaction', 'limits'], // the queue, credentials and tokens, redaction of stored images, rate limits
  ['providers'], // one folder per provider: definitions, pure mappings, scenarios, engine backends
  ['verification', 'notifications'], // the verify and expiry jobs, notification planning and delivery
  ['metrics'], // Prometheus metrics: counters fed by the layers below, gauges read on scrape
  ['sandbox'], // the sandbox backend and scenario catalogue
  ['services'], // use cases: the only entry for the HTTP layer
  ['http'], // Fastify server, plugins, routes, schemas, presenters
  ['app.ts'], // composition root
  ['cli'], // the commands
  ['main.ts'], // the executable
];

const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `^src/(core/|app\.ts$)`: the modules of these folders (or root files) of src/. */
const modulesOf = (folders) =>
  `^src/(${folders.map((f) => (f.endsWith('.ts') ? `${escapeRegex(f)}$` : `${escapeRegex(f)}/`)).join('|')})`;
const testFile = '\\.test\\.ts$';
const layered = layers.flat();

const layerRules = layers.flatMap((layer, index) =>
  layer.flatMap((folder) => {
    const below = layers.slice(0, index).flat();
    const forbidden = layered.filter((other) => other !== folder && !below.includes(other));
    if (forbidden.length === 0) return []; // the top of the stack
    return {
      name: `layer-${folder.replace(/\.ts$/, '')}`,
      comment: `src/${folder} may import from ${below.length > 0 ? below.join(', ') : 'nothing else in src/'} only.`,
      severity: 'error',
      from: { path: modulesOf([folder]), pathNot: testFile },
      to: { path: modulesOf(forbidden) },
    };
  }),
);

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules never import each other in a circle, not even through a third.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'in-a-layer',
      comment: 'Every folder of src/ has a layer in .dependency-cruiser.cjs.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/', pathNot: modulesOf(layered) },
    },
    {
      name: 'src-not-tests',
      comment: 'Production code never depends on tests, benchmarks or scripts.',
      severity: 'error',
      from: { path: '^src/', pathNot: testFile },
      to: { path: '^(test|bench|scripts)/' },
    },
    {
      name: 'src-not-dev-dependencies',
      comment:
        'Production code only uses dependencies that are installed in production. The engine pool loads ' +
        'worker-from-source.mjs only when running from the TypeScript sources (tests, tsx), never from dist/.',
      severity: 'error',
      from: { path: '^src/', pathNot: [testFile, '^src/engines/pool/worker-from-source\\.mjs$'] },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'server-not-web',
      comment: 'The server serves the web apps built files; it never imports their code.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^web/' },
    },
    {
      name: 'web-not-server',
      comment: 'A web app (web/<app>/) talks to the server over HTTP only; it never imports src/.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/' },
    },
  ],
  options: {
    exclude: { path: '^(dist|data|coverage)/|(^|/)web/[^/]+/dist/' },
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
