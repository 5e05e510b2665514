import { SaxesParser } from 'saxes';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';

/** An element of a parsed reply: its name, its own text, and its child elements in order. */
export interface XmlNode {
  name: string;
  text: string;
  children: XmlNode[];
}

/**
 * Parses an XML document with saxes, a conforming XML 1.0 parser: any well-formedness error (a character XML 1.0 does
 * not allow, an unescaped `&`, a tag left open) throws, as it would in a standard Open311 client.
 */
export function parseStrictXml(xml: string): XmlNode {
  const parser = new SaxesParser();
  const root: XmlNode = { name: '#document', text: '', children: [] };
  const stack: XmlNode[] = [root];
  parser.on('error', (err) => {
    throw new Error(`not well-formed XML: ${err.message}`);
  });
  parser.on('opentag', (tag) => {
    const node: XmlNode = { name: tag.name, text: '', children: [] };
    stack.at(-1)!.children.push(node);
    stack.push(node);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (t) => {
    stack.at(-1)!.text += t;
  });
  parser.write(xml).close();
  if (root.children.length !== 1) throw new Error('not well-formed XML: one root element expected');
  return root.children[0]!;
}

/** The rows of a list reply (`<service_requests><request>…`) as records of their fields' text; an empty element reads as null. */
export function xmlRows(xml: string): Array<Record<string, string | null>> {
  return parseStrictXml(xml).children.map((row) => Object.fromEntries(row.children.map((f) => [f.name, f.children.length || f.text ? f.text : null])));
}

type Injectable = { inject(opts: InjectOptions | string): Promise<LightMyRequestResponse> };

/** `app.inject` that parses every XML reply strictly, so no test can read an XML answer a real client could not. */
export function strictInjector(app: Injectable) {
  return async (opts: InjectOptions | string) => {
    const res = await app.inject(opts);
    if (String(res.headers['content-type'] ?? '').startsWith('text/xml')) parseStrictXml(res.body);
    return res;
  };
}
