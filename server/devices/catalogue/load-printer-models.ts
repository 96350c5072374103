import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Value } from '@sinclair/typebox/value';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { schemaErrors } from '../../config/schema-errors.js';
import { PrinterModelSchema, type PrinterModel } from './printer-model-schema.js';

/**
 * Loads every printer model in a folder and reports every problem at once, each with its file, line
 * and JSON pointer, so whoever adds a model fixes them all in one go rather than one per restart.
 */

export interface CatalogueError {
  /** The file as given (folder + name), so the message can be pasted into an editor. */
  readonly file: string;
  /** JSON pointer inside the file ("/cut/kind"); "" for the whole file. */
  readonly path: string;
  /** 1-based line of the offending value, when the YAML shows where it is. */
  readonly line?: number;
  readonly message: string;
}

export interface PrinterCatalogue {
  readonly models: ReadonlyMap<string, PrinterModel>;
  readonly errors: readonly CatalogueError[];
}

/** The catalogue was not valid; `errors` lists every problem. */
export class InvalidCatalogueError extends Error {
  constructor(readonly errors: readonly CatalogueError[]) {
    super(`The printer model catalogue is not valid:\n${formatCatalogueErrors(errors)}`);
    this.name = 'InvalidCatalogueError';
  }
}

export async function loadPrinterModels(dir: string): Promise<PrinterCatalogue> {
  const models = new Map<string, PrinterModel>();
  const errors: CatalogueError[] = [];
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch (e) {
    return { models, errors: [{ file: dir, path: '', message: `Cannot read the folder: ${(e as Error).message}` }] };
  }
  const seen = new Map<string, string>();
  for (const name of names) {
    const file = join(dir, name);
    const result = parsePrinterModel(file, await readFile(file, 'utf8'));
    errors.push(...result.errors);
    if (!result.model) continue;
    const other = seen.get(result.model.id);
    if (other) {
      const message = `Model id '${result.model.id}' is already defined in ${other}`;
      errors.push({ file, path: '/id', line: result.idLine, message });
    } else {
      seen.set(result.model.id, file);
      models.set(result.model.id, result.model);
    }
  }
  return { models, errors };
}

/** Like loadPrinterModels, for the hub's start: a broken catalogue stops it with every error listed. */
export async function loadPrinterModelsOrThrow(dir: string): Promise<ReadonlyMap<string, PrinterModel>> {
  const { models, errors } = await loadPrinterModels(dir);
  if (errors.length > 0) throw new InvalidCatalogueError(errors);
  return models;
}

/** One model file's text: the model when it is valid, and every error found either way. */
export function parsePrinterModel(
  file: string,
  text: string,
): { model?: PrinterModel; errors: CatalogueError[]; idLine?: number } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      errors: doc.errors.map((e) => ({ file, path: '', line: e.linePos?.[0].line, message: `Not valid YAML: ${e.message}` })),
    };
  }
  const value: unknown = doc.toJS();
  const errors: CatalogueError[] = schemaErrors(PrinterModelSchema, value).map((e) => ({
    file,
    path: e.path,
    line: lineOf(doc, lineCounter, e.path),
    message: e.message,
  }));
  if (errors.length > 0 || !Value.Check(PrinterModelSchema, value)) return { errors };
  const model = value;
  const at = (path: string, message: string) => errors.push({ file, path, line: lineOf(doc, lineCounter, path), message });

  // The file name is how a person finds a model: generic/escpos-80mm lives in generic-escpos-80mm.yaml.
  const expected = `${model.id.replace('/', '-')}.yaml`;
  if (basename(file) !== expected && basename(file) !== expected.replace(/\.yaml$/, '.yml')) {
    at('/id', `Model id '${model.id}' belongs in a file named ${expected}`);
  }
  if (model.printWidthMm > model.paperWidthMm) {
    at('/printWidthMm', `Print width ${model.printWidthMm} mm is wider than the ${model.paperWidthMm} mm paper`);
  }
  // dots must match what the head really has: a ticket rendered wider is cut off, narrower is shrunk.
  const headDots = (model.printWidthMm * model.dpi) / 25.4;
  if (Math.abs(model.dots - headDots) > 8) {
    at(
      '/dots',
      `${model.dots} dots do not match ${model.printWidthMm} mm at ${model.dpi} dpi (about ${Math.round(headDots)} dots)`,
    );
  }
  return errors.length > 0 ? { errors } : { model, errors, idLine: lineOf(doc, lineCounter, '/id') };
}

export function formatCatalogueErrors(errors: readonly CatalogueError[]): string {
  return errors.map((e) => `${e.file}${e.line ? `:${e.line}` : ''} ${e.path || '(file)'}: ${e.message}`).join('\n');
}

/** The line of the value at a JSON pointer, or of its nearest parent present in the file (a missing key). */
function lineOf(doc: Document, lineCounter: LineCounter, pointer: string): number | undefined {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  for (let n = segments.length; n >= 0; n--) {
    const node: unknown = n === 0 ? doc.contents : doc.getIn(segments.slice(0, n), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}
