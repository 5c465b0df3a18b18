import type { ConfigArgs, ConfigTextId, ConfigWords } from './config-en';

/** Chinese words of config problems, by the ids of config-en.ts (values stay as written). */
const SYNTAX_HINT = 'RE2 语法（与 gitleaks 相同）：不支持前瞻 (?=…) (?!…)，不支持反向引用 \\1；支持 (?<!…) 与 \\b；(?i) 忽略大小写';
const PLAIN_HINT = 'JavaScript 配置只能导出纯数据：对象、数组、字符串、数字、布尔值';
const VERIFY_HINT = '例如 "verify": { "check": true, "invalid": "block" }';
const WHY: Record<string, string> = {
  noKeyword: '不含任何关键词',
  noMatch: '与 pattern 不匹配',
  filtered: '能匹配，但密钥被占位值过滤器排除（过于规整，或像示例值）',
  filteredFloors: '能匹配，但密钥被熵或字符类别下限、或占位值过滤器排除（过于规整，或像示例值）',
};

export const CONFIG_ZH: Record<ConfigTextId, (a: ConfigArgs) => ConfigWords> = {
  unknownKey: (a) => ({ message: `未知的键 "${a.key}"`, hint: `可用的键：${a.known}` }),
  rootNotObject: (a) => ({ message: `应为对象，实际为 ${a.value}`, hint: '例如 { "allow": [] }' }),
  notString: (a) => ({ message: `应为字符串，实际为 ${a.value}` }),
  notText: (a) => ({ message: `应为非空字符串，实际为 ${a.value}` }),
  empty: () => ({ message: '不能为空' }),
  badClasses: (a) => ({ message: `应为 0、1、2 或 3，实际为 ${a.value}` }),
  badEntropy: (a) => ({ message: `应为 0 到 8 之间的数字（每字符比特数），实际为 ${a.value}` }),
  allowNotArray: (a) => ({ message: `应为数组，实际为 ${a.value}`, hint: '例如 "allow": [{ "fingerprint": "akfp1:…", "reason": "…" }]' }),
  entryNotObject: (a) => ({ message: `应为对象，实际为 ${a.value}`, hint: '例如 { "fingerprint": "akfp1:…", "reason": "…" }' }),
  entryNoMatch: () => ({
    message: '需要 "fingerprint"、"path"、"regex" 或 "stopword" 之一',
    hint: '复制拦截信息中打印的命令',
  }),
  badFingerprint: (a) => ({ message: `不是指纹：${a.value}`, hint: '应为 akfp1: 后跟 32 位十六进制数字' }),
  negatedPath: (a) => ({ message: `不支持取反的 glob ${a.value}`, hint: '写出要放行的文件的 glob' }),
  unknownRule: (a) => ({ message: `未知规则 ${a.value}`, hint: '见 "ak-hook rules"' }),
  badDate: (a) => ({ message: `不是日期：${a.value}`, hint: '格式为 YYYY-MM-DD' }),
  globsNotArray: (a) => ({ message: `应为 glob 数组，实际为 ${a.value}`, hint: `例如 "${a.key}": ["src/**"]` }),
  globNotText: (a) => ({ message: `应为非空的 glob 字符串，实际为 ${a.value}` }),
  negatedExclude: (a) => ({ message: `不支持取反的 glob ${a.value}`, hint: '请收窄其他 exclude glob，让它们不包含这些文件' }),
  negatedPaths: (a) => ({ message: `不支持取反的 glob ${a.value}`, hint: '请改写到 "exclude" 中' }),
  globBackslash: (a) => ({ message: `glob ${a.value} 含有反斜杠`, hint: '请使用正斜杠 /' }),
  rulesNotObject: (a) => ({ message: `应为对象，实际为 ${a.value}`, hint: '例如 "rules": { "rule-id": false }' }),
  ruleSettingNotObject: (a) => ({ message: `应为 true、false 或对象，实际为 ${a.value}`, hint: '例如 { "minEntropy": 4 }' }),
  notBoolean: (a) => ({ message: `应为 true 或 false，实际为 ${a.value}` }),
  badMaxFileSize: (a) => ({ message: `应为大于 0 的整数字节数，实际为 ${a.value}`, hint: '例如 "maxFileSize": 1048576' }),
  badLang: (a) => ({ message: `应为 "en" 或 "zh"，实际为 ${a.value}` }),
  schema: (a) => ({ message: `不符合 JSON Schema：${a.why}`, hint: '见 schema/akhookrc.schema.json' }),
  verifyNotObject: (a) => ({ message: `应为对象，实际为 ${a.value}`, hint: VERIFY_HINT }),
  verifyNotBoolean: (a) => ({ message: `应为 true 或 false，实际为 ${a.value}`, hint: VERIFY_HINT }),
  verifyBadInvalid: (a) => ({ message: `应为 "block" 或 "warn"，实际为 ${a.value}`, hint: VERIFY_HINT }),
  baselineNotArray: () => ({ message: '应为数组', hint: '运行 "ak-hook baseline" 重新生成' }),
  baselineBadFingerprint: (a) => ({ message: `不是指纹：${a.value}` }),
  regexEmpty: () => ({ message: '不能为空（空正则匹配一切）' }),
  regexTooLong: (a) => ({ message: `长 ${a.length} 个字符；最多允许 ${a.max} 个`, hint: '只匹配密钥中较短而有特征的部分' }),
  regexLookahead: (a) => ({ message: `使用了不支持的前瞻${a.quoted}`, hint: SYNTAX_HINT }),
  regexBackreference: (a) => ({ message: `使用了不支持的反向引用${a.quoted}`, hint: SYNTAX_HINT }),
  regexInvalid: (a) => ({ message: `不是有效的正则表达式${a.quoted}（${a.why}）`, hint: SYNTAX_HINT }),
  regexTooLarge: (a) => ({
    message: `编译后过大（${a.size} 条指令，最多 ${a.max} 条）`,
    hint: '请使用较小的重复次数，例如用 {20,64} 而不是 {20,1000}',
  }),
  notDataRegExp: () => ({ message: '是 RegExp 对象', hint: '请把模式写成字符串，例如 "^test_[a-z]+$"（引号内的反斜杠要写两次）' }),
  notDataCycle: () => ({ message: '引用了自身（循环）', hint: PLAIN_HINT }),
  notDataKind: (a) => ({ message: `是 ${a.what}，不能用在配置中`, hint: PLAIN_HINT }),
  notDataClass: (a) => ({ message: `是 ${a.what}，不是纯数据`, hint: PLAIN_HINT }),
  customNotArray: (a) => ({ message: `应为规则数组，实际为 ${a.value}`, hint: '见 docs/custom-rules.md' }),
  customNotObject: (a) => ({
    message: `应为对象，实际为 ${a.value}`,
    hint: '例如 { "id": "acme-token", "keywords": ["acme_"], "pattern": "…(?P<secret>…)", "examples": { "positive": ["…"] } }',
  }),
  customBadId: (a) => ({ message: `应为用 "-" 连接的小写单词，实际为 ${a.value}`, hint: '例如 "id": "acme-live-token"' }),
  customBuiltinId: (a) => ({ message: `${a.value} 是内置规则`, hint: '请换一个 id，或在 "rules" 中修改该内置规则' }),
  customTakenId: (a) => ({ message: `${a.value} 已被另一条自定义规则使用` }),
  customKeywordsNotList: (a) => ({
    message: `应为非空的关键词数组，实际为 ${a.value}`,
    hint: '例如 "keywords": ["acme_live_"]（只有含其中之一的行才会被尝试匹配，不区分大小写）',
  }),
  customPositiveNotList: (a) => ({
    message: `应为非空数组，列出规则必须报告的行，实际为 ${a.value}`,
    hint: '例如 "positive": ["ACME_TOKEN=acme_live_{{alnum:32}}"]',
  }),
  customPatternNotText: (a) => ({
    message: `应为字符串，实际为 ${a.value}`,
    hint: '例如 "pattern": "acme_live_(?P<secret>[A-Za-z0-9]{32})"',
  }),
  customNoSecretGroup: () => ({ message: '没有名为 "secret" 的命名分组', hint: '请用 (?P<secret>…) 包住密钥部分' }),
  customBadEntropy: (a) => ({ message: `应为 0 到 8 之间的数字（每字符比特数），实际为 ${a.value}`, hint: '例如 "minEntropy": 3.5' }),
  customBadSeverity: (a) => ({ message: `应为 ${a.allowed} 之一，实际为 ${a.value}` }),
  customBadKind: (a) => ({ message: `应为 "key" 或 "password"，实际为 ${a.value}`, hint: '"password" 使用慢速、加盐的指纹' }),
  customExamplesNotObject: (a) => ({
    message: `应为对象，实际为 ${a.value}`,
    hint: '例如 "examples": { "positive": ["…"], "negative": ["…"] }',
  }),
  customNegativeNotArray: (a) => ({ message: `应为由行组成的数组，实际为 ${a.value}` }),
  customExampleTooLong: (a) => ({ message: `长 ${a.length} 个字符；最多 ${a.max} 个` }),
  customUnknownToken: (a) => ({ message: `未知的占位符 {{${a.name}:…}}（可用：${a.known}）` }),
  customBadTokenLength: (a) => ({ message: `占位符 {{${a.name}:${a.n}}} 的长度应在 1 到 1000 之间` }),
  customPositiveMissed: (a) => ({
    message: `${a.line} 未被报告：它${WHY[a.why]}`,
    hint: '正例必须是规则会报告的行；随机部分请用 {{alnum:32}} 这类占位符',
  }),
  customNegativeFound: (a) => ({ message: `${a.line} 被报告为密钥`, hint: '反例必须是规则不会报告的行' }),
};
