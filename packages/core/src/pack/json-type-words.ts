/**
 * JSON Schema type names as a pack author reads them, in each language: the words of the
 * "must be … but found …" messages of pack files and scenario files. @internal
 */
export const JSON_TYPE_EN: Readonly<Record<string, string>> = Object.freeze({
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping (key: value pairs)',
  array: 'a list',
  null: 'empty',
});

/** {@link JSON_TYPE_EN} in Chinese. @internal */
export const JSON_TYPE_ZH: Readonly<Record<string, string>> = Object.freeze({
  string: '文字',
  number: '数字',
  integer: '整数',
  boolean: '布尔值（true/false）',
  object: '键值对象',
  array: '列表',
  null: '空值',
});
