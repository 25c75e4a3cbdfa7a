import { parseExactJson, stringifyExactJson } from '@/utils/monetate/exact-json';

/** A schema as the fake Monetate holds it. */
export interface FakeSchema {
  name: string;
  named_identifier: string | null;
  fields: Record<string, { data_type: string; identifier?: boolean; unique_key?: boolean; event_time?: boolean }>;
}

export interface FakeRequest {
  method: string;
  path: string;
  id?: string;
  /** The body exactly as sent. */
  body?: string;
  authorization?: string;
}

type Answer = { status: number; text?: string };

/**
 * A small stand-in for Monetate's Data API for background tests: datasets of rows kept as the
 * JSON text of each row (so a big NUMBER stays as written), one answer override at a time,
 * and a log of what was asked.
 */
export function createFakeMonetate(options: { retailer: string }) {
  const root = `/api/data/v1/${options.retailer}/production`;
  const schemas = new Map<string, FakeSchema>();
  const rows = new Map<string, string[]>();
  const requests: FakeRequest[] = [];
  const overrides: Array<{ match: (request: FakeRequest) => boolean; answer: Answer | ((request: FakeRequest) => Answer | Promise<Answer>) }> = [];
  let recordShape: 'list' | 'openapi' = 'openapi';

  const envelope = (status: number, dataText: string) => `{"meta":{"code":${status}},"data":${dataText}}`;
  const identifierOf = (schema: FakeSchema) => Object.entries(schema.fields).find(([, spec]) => spec.identifier)?.[0] ?? '';
  const keyOf = (schema: FakeSchema) => Object.entries(schema.fields).find(([, spec]) => spec.unique_key)?.[0];

  async function answer(request: FakeRequest): Promise<Answer> {
    const override = overrides.findIndex((candidate) => candidate.match(request));
    if (override >= 0) {
      const [found] = overrides.splice(override, 1);
      return typeof found!.answer === 'function' ? found!.answer(request) : found!.answer;
    }
    if (request.method === 'GET' && request.path === `${root}/schema/`) return { status: 200, text: envelope(200, JSON.stringify([...schemas.values()])) };
    const schemaMatch = new RegExp(`^${root}/schema/([^/]+)/$`).exec(request.path);
    if (request.method === 'GET' && schemaMatch) {
      const schema = schemas.get(decodeURIComponent(schemaMatch[1]!));
      return schema ? { status: 200, text: envelope(200, JSON.stringify(schema)) } : { status: 404, text: envelope(404, '{}') };
    }
    if (request.method === 'PATCH' && schemaMatch) {
      // Like Monetate: fields are only ever added, and the answer names what changed.
      const schema = schemas.get(decodeURIComponent(schemaMatch[1]!));
      if (!schema) return { status: 404, text: envelope(404, '{}') };
      const patch = JSON.parse(request.body ?? '{}') as { fields?: FakeSchema['fields']; named_identifier?: string };
      if (patch.fields) schema.fields = { ...schema.fields, ...patch.fields };
      if (patch.named_identifier !== undefined) schema.named_identifier = patch.named_identifier;
      return { status: 200, text: envelope(200, JSON.stringify(patch)) };
    }
    const dataMatch = new RegExp(`^${root}/data/([^/]+)/$`).exec(request.path);
    if (dataMatch) {
      const name = decodeURIComponent(dataMatch[1]!);
      const schema = schemas.get(name);
      if (!schema) return { status: 404, text: envelope(404, '{}') };
      const stored = rows.get(name) ?? [];
      if (request.method === 'GET') {
        const idField = identifierOf(schema);
        const found = stored.filter((text) => (parseExactJson(text) as Record<string, unknown>)[idField] === request.id);
        const list = `[${found.join(',')}]`;
        return { status: 200, text: envelope(200, recordShape === 'list' ? list : `{"schema_rows":${list}}`) };
      }
      const sent = (parseExactJson(request.body ?? '{}') as { schema_rows: Record<string, unknown>[] }).schema_rows;
      const key = keyOf(schema);
      for (const row of sent) {
        const text = stringifyExactJson(row);
        const index = key === undefined ? -1 : stored.findIndex((candidate) => (parseExactJson(candidate) as Record<string, unknown>)[key] === row[key]);
        if (index >= 0) stored[index] = text;
        else stored.push(text);
      }
      rows.set(name, stored);
      return { status: 201, text: envelope(201, `{"schema_rows":[${sent.map((row) => stringifyExactJson(row)).join(',')}]}`) };
    }
    return { status: 404, text: envelope(404, '{}') };
  }

  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    const headers = new Headers(init.headers);
    const request: FakeRequest = {
      method: init.method ?? 'GET',
      path: url.pathname,
      id: url.searchParams.get('id') ?? undefined,
      body: typeof init.body === 'string' ? init.body : undefined,
      authorization: headers.get('Authorization') ?? undefined,
    };
    requests.push(request);
    const { status, text } = await answer(request);
    return new Response(text ?? envelope(status, '{}'), { status, headers: { 'Content-Type': 'application/json' } });
  };

  return {
    fetch,
    requests,
    addSchema(schema: FakeSchema) {
      schemas.set(schema.name, schema);
    },
    /** Rows as JSON text, exactly as Monetate will send them. */
    setRows(dataset: string, texts: string[]) {
      rows.set(dataset, [...texts]);
    },
    rowsOf(dataset: string): string[] {
      return rows.get(dataset) ?? [];
    },
    setRecordShape(shape: 'list' | 'openapi') {
      recordShape = shape;
    },
    /** Answers the next request that matches with this instead. */
    once(match: (request: FakeRequest) => boolean, answer: Answer | ((request: FakeRequest) => Answer | Promise<Answer>)) {
      overrides.push({ match, answer });
    },
    posts: () => requests.filter((request) => request.method === 'POST'),
    patches: () => requests.filter((request) => request.method === 'PATCH'),
  };
}
