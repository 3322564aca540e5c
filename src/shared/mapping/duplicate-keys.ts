import { jsonPath } from './json-path';

/**
 * Finds the first key that appears twice in one JSON object. `JSON.parse` silently keeps the later value, so a
 * mapping with two `mappingKey.attribute` entries would show one value in a text editor's first screen and run
 * with the other. Call it on text that `JSON.parse` accepted: it assumes valid JSON and only tracks structure.
 * One pass, no recursion (deeply nested input cannot overflow the stack).
 *
 * @returns the JSON path of the duplicate (`$.mappingKey.attribute`), or null when every key is unique.
 */
export function findDuplicateKey(text: string): string | null {
  type Frame =
    | { kind: 'object'; keys: Set<string>; key: string | null; path: PropertyKey[] }
    | { kind: 'array'; index: number; path: PropertyKey[] };
  const stack: Frame[] = [];
  let expectKey = false;
  let i = 0;
  const n = text.length;

  const childPath = (): PropertyKey[] => {
    const top = stack[stack.length - 1];
    if (!top) return [];
    return top.kind === 'object' ? [...top.path, top.key ?? ''] : [...top.path, top.index];
  };

  const readString = (): string => {
    // i is at the opening quote.
    let j = i + 1;
    let out = '';
    let start = j;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 0x22) break;
      if (c === 0x5c) {
        out += text.slice(start, j);
        const e = text[j + 1];
        if (e === 'u') {
          out += String.fromCharCode(parseInt(text.slice(j + 2, j + 6), 16));
          j += 6;
        } else {
          out +=
            e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e === 'b' ? '\b' : e === 'f' ? '\f' : e;
          j += 2;
        }
        start = j;
        continue;
      }
      j++;
    }
    out += text.slice(start, j);
    i = j + 1;
    return out;
  };

  while (i < n) {
    const c = text[i]!;
    if (c === '{') {
      stack.push({ kind: 'object', keys: new Set(), key: null, path: childPath() });
      expectKey = true;
      i++;
    } else if (c === '[') {
      stack.push({ kind: 'array', index: 0, path: childPath() });
      expectKey = false;
      i++;
    } else if (c === '}' || c === ']') {
      stack.pop();
      expectKey = false;
      i++;
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top?.kind === 'array') top.index++;
      expectKey = top?.kind === 'object';
      i++;
    } else if (c === '"') {
      const s = readString();
      const top = stack[stack.length - 1];
      if (expectKey && top?.kind === 'object') {
        if (top.keys.has(s)) return jsonPath([...top.path, s]);
        top.keys.add(s);
        top.key = s;
        expectKey = false;
      }
    } else {
      i++;
    }
  }
  return null;
}
