// Each page fetches its texts with its code (app/routes.tsx): a namespace a page uses but does not
// ask for would show raw keys until it happened to arrive, one it asks for but never uses costs a
// phone a download. This reads the source as the bundler does — every module a page imports, and
// what it imports in turn — and compares the namespaces that code uses with the page's list.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOOT_NAMESPACES, NAMESPACES } from '../src/lib/i18n';

const SRC = path.resolve(import.meta.dirname, '../src');
const ROUTES = path.join(SRC, 'app/routes.tsx');
const nsPattern = new RegExp(`['"\`](${NAMESPACES.join('|')}):[\\w$]`, 'g');

function resolveModule(from: string, spec: string): string {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.tsx`, `${base}.ts`, `${base}/index.tsx`, `${base}/index.ts`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`${spec} imported from ${from} does not resolve`);
}

/** The namespaces a module uses itself, and the modules it imports (statically, or also lazily). */
function readModule(file: string) {
  const source = readFileSync(file, 'utf8');
  const used = new Set<string>();
  for (const [, args = ''] of source.matchAll(/useTranslation\(([^)]*)\)/g)) {
    if (!args.trim()) used.add('common');
    for (const [, ns = ''] of args.matchAll(/'(\w+)'/g)) used.add(ns);
  }
  for (const [, ns = ''] of source.matchAll(nsPattern)) used.add(ns);
  const code = (spec: string) => spec.startsWith('.') && !/\.(json|css)$/.test(spec);
  const imports = [...source.matchAll(/(?:import|export)\s[^'";]*?from\s+'([^']+)'/g)]
    .map((m) => m[1] ?? '')
    .filter(code);
  const lazy = [...source.matchAll(/import\('([^']+)'\)/g)].map((m) => m[1] ?? '').filter(code);
  return { used, imports, lazy };
}

function namespacesOf(entry: string, { followLazy }: { followLazy: boolean }): Set<string> {
  const seen = new Set<string>();
  const used = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const m = readModule(file);
    for (const ns of m.used) used.add(ns);
    for (const spec of followLazy ? [...m.imports, ...m.lazy] : m.imports)
      queue.push(resolveModule(file, spec));
  }
  return used;
}

const boot = new Set<string>(BOOT_NAMESPACES);
const order = (list: Iterable<string>) =>
  [...list].sort((a, b) => NAMESPACES.indexOf(a as never) - NAMESPACES.indexOf(b as never));

const pages = [
  ...readFileSync(ROUTES, 'utf8').matchAll(
    /page\(\s*\(\)\s*=>\s*import\('([^']+)'\),[^[]*\[([^\]]*)\],?\s*\)/g,
  ),
].map(([, spec = '', list = '']) => ({
  spec,
  declared: order([...list.matchAll(/'(\w+)'/g)].map((m) => m[1] ?? '')),
}));

describe('the texts each page fetches', () => {
  it('finds every lazy page of the route table', () => {
    const lazyImports = readFileSync(ROUTES, 'utf8').match(/import\('/g) ?? [];
    expect(pages.length).toBe(lazyImports.length);
    expect(pages.length).toBeGreaterThan(30);
  });

  it('has the boot namespaces cover everything the layout shows before a page loads', () => {
    const used = namespacesOf(path.join(SRC, 'main.tsx'), { followLazy: false });
    expect(used.has('common')).toBe(true);
    expect(order([...used].filter((ns) => !boot.has(ns)))).toEqual([]);
  });

  it('asks for exactly the namespaces each page uses beyond the boot ones', () => {
    const wrong: string[] = [];
    for (const p of pages) {
      const used = order(
        [...namespacesOf(resolveModule(ROUTES, p.spec), { followLazy: true })].filter((ns) => !boot.has(ns)),
      );
      if (used.join() !== p.declared.join()) {
        wrong.push(`${p.spec}: uses [${used.join(', ')}], asks for [${p.declared.join(', ')}]`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('sees the namespaces a page uses (so the comparison above is not empty)', () => {
    const events = pages.find((p) => p.spec === './routes/events/events');
    expect(events?.declared).toEqual(['events']);
    const program = namespacesOf(resolveModule(ROUTES, './routes/admin/volunteering-program'), {
      followLazy: true,
    });
    expect(program.has('volunteeringAdmin')).toBe(true);
  });
});
