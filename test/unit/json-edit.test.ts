import { appendToJsonArray } from '../../src/config/json-edit';

const E = ['{ "fingerprint": "x" }', '{ "path": "y/**" }'];

test.each([
  [
    'an existing list keeps its items and indentation',
    '{\n  "lang": "en",\n  "allow": [\n    { "path": "a/**" }\n  ]\n}\n',
    ['allow'],
    '{\n  "lang": "en",\n  "allow": [\n    { "path": "a/**" },\n    { "fingerprint": "x" },\n    { "path": "y/**" }\n  ]\n}\n',
  ],
  [
    'an empty list, four-space indent',
    '{\n    "allow": []\n}\n',
    ['allow'],
    '{\n    "allow": [\n        { "fingerprint": "x" },\n        { "path": "y/**" }\n    ]\n}\n',
  ],
  [
    'no list: added as the last key',
    '{\n  "lang": "zh"\n}',
    ['allow'],
    '{\n  "lang": "zh",\n  "allow": [\n    { "fingerprint": "x" },\n    { "path": "y/**" }\n  ]\n}',
  ],
  ['an empty object', '{}', ['allow'], '{\n  "allow": [\n    { "fingerprint": "x" },\n    { "path": "y/**" }\n  ]\n}'],
  [
    'package.json without the key, tabs',
    '{\n\t"name": "p",\n\t"scripts": { "a": "b" }\n}\n',
    ['ak-hook', 'allow'],
    '{\n\t"name": "p",\n\t"scripts": { "a": "b" },\n\t"ak-hook": {\n\t\t"allow": [\n\t\t\t{ "fingerprint": "x" },\n\t\t\t{ "path": "y/**" }\n\t\t]\n\t}\n}\n',
  ],
  [
    'CRLF line ends stay CRLF',
    '{\r\n  "allow": [\r\n    { "path": "a" }\r\n  ]\r\n}\r\n',
    ['allow'],
    '{\r\n  "allow": [\r\n    { "path": "a" },\r\n    { "fingerprint": "x" },\r\n    { "path": "y/**" }\r\n  ]\r\n}\r\n',
  ],
  [
    'strings holding brackets and escaped quotes',
    '{ "a": "]}\\"[", "allow": [] }',
    ['allow'],
    '{ "a": "]}\\"[", "allow": [\n  { "fingerprint": "x" },\n  { "path": "y/**" }\n] }',
  ],
])('%s', (_name, input, path, expected) => {
  const out = appendToJsonArray(input, path, E);
  expect(out).toBe(expected);
  expect(JSON.parse(out)).toBeTruthy();
});

test('refuses invalid JSON and a non-array "allow"', () => {
  expect(() => appendToJsonArray('{ "allow": [ }', ['allow'], E)).toThrow();
  expect(() => appendToJsonArray('{ "allow": {} }', ['allow'], E)).toThrow(/not an array/);
});
