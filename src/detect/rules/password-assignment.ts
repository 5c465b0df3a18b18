import type { Rule } from '../types';
import { repeatsUser } from '../filters';
import { envEntry, envNameLine, envValueLine } from '../patterns';

/**
 * Names that hold a password, ending the key: password, passwd, pwd, DB_PASS, redis.pass,
 * spring.datasource.password, MYSQL_ROOT_PASSWORD, 密码, 口令. Matched case-insensitively.
 */
const NAME = `(?<![A-Za-z0-9])(?:[A-Za-z0-9_.-]{0,40}(?:password|passwd|passwort|pwd|[_.-]pass|密码|口令)|pass)`;
/** Only the unambiguous words, for call forms: password(, setPasswd(, withDbPwd(. */
const STRICT_NAME = `(?<![A-Za-z0-9])[A-Za-z0-9_.-]{0,40}(?:password|passwd|pwd)`;
/** An environment variable's name that holds a password (DB_PASSWORD, REDIS_PASS, MYSQL_PWD). */
const ENV_NAME = `[A-Za-z0-9_.-]{0,40}(?:password|passwd|pwd|_pass)`;
/** Key derivation and hashing calls, whose first argument is the data (a test vector), not a name. */
const KDF_CALL = '(?<!(?:argon2(?:id|i|d)?|scrypt|pbkdf2|bcrypt|hash|kdf)(?:Async|Sync)?)';
/** A literal password value: no quotes, no whitespace. */
const VALUE = `[^"'\`\\s]{6,128}`;

export const passwordAssignment: Rule = {
  id: 'password-assignment',
  name: 'Hard-coded password',
  provider: 'Generic',
  severity: 'high',
  kind: 'password',
  advice: 'password',
  description:
    'A literal assigned to a password-like name (password, passwd, pwd, *_PASSWORD, spring.datasource.password, <password>, 密码) in code or config',
  detectors: [
    {
      // Code and JSON: name = "v", name: 'v', "name": "v"; aligned: password      = "v" (terraform fmt).
      keywords: ['pass', 'pwd', '密码', '口令'],
      pattern: new RegExp(`${NAME}["'\`\\]]{0,2}\\s{0,40}(?::=|=>|=|:|：)\\s{0,4}["'\`](?<secret>${VALUE})["'\`]`, 'gi'),
    },
    {
      // Setters and builders: setPassword("v"), .password("v"), withDbPassword('v') — the full
      // word only (a FUNCTION_PASS("name") macro is not a password), and not a constructor call.
      // Rust builders wrap it in an Option: .password(Some("v")), mysql's .pass(Some("v")).
      keywords: ['password', 'passwd', 'pwd', '.pass(some('],
      pattern: new RegExp(
        `(?<!new\\s{1,4})(?:${STRICT_NAME}\\(\\s{0,4}(?:Some\\(\\s{0,2})?|\\.pass\\(\\s{0,4}Some\\(\\s{0,2})["'\`](?<secret>${VALUE})["'\`]`,
        'gi',
      ),
    },
    {
      // A call with the name as its first argument: put("password", "v"), set('db.password', 'v').
      // (A bare list such as ["md5", "password", "scram-sha-256"] is not an assignment, and a
      // key derivation's input is not a stored one: argon2id('password', 'salt', …), pbkdf2(…).)
      keywords: ['pass', 'pwd', '密码', '口令'],
      pattern: new RegExp(`${KDF_CALL}\\(\\s{0,4}["'\`]${NAME}["'\`]\\s{0,4},\\s{0,4}["'\`](?<secret>${VALUE})["'\`]`, 'gi'),
    },
    {
      // Config files: properties, YAML, .env, INI, .pypirc, -D system properties, export in shell,
      // Dockerfile ENV / ARG (and a continued `ENV A=v \` line).
      keywords: ['pass', 'pwd', '密码', '口令'],
      pattern: new RegExp(
        `^\\s{0,20}(?:export\\s{1,4}|set\\s{1,4}|-\\s{1,4}|-D|(?:ENV|ARG)\\s{1,4})?[\\u4e00-\\u9fa5]{0,12}${NAME}\\s{0,10}(?:=|:|：)\\s{0,4}(?<secret>[^"'\`\\s#;\\\\][^"'\`\\s]{5,127})(?=\\s{1,10}[#;]|\\s{0,10}$|\\s{1,4}\\\\$)`,
        'gi',
      ),
    },
    {
      // Name/value environment entries: Kubernetes and Helm `- name: DB_PASSWORD` with `value: "v"` on
      // the next line (reported at the name line), ECS task definitions and Terraform `env {}` on one.
      keywords: ['pass', 'pwd'],
      pattern: envNameLine(ENV_NAME, 'gi'),
      nextLine: envValueLine(VALUE),
    },
    { keywords: ['pass', 'pwd'], pattern: envEntry(ENV_NAME, VALUE, 'gi') },
    {
      // Dockerfile's legacy form, without '=': ENV MYSQL_PASSWORD v.
      keywords: ['pass', 'pwd'],
      pattern: new RegExp(`^\\s{0,20}ENV\\s{1,4}${NAME}\\s{1,4}(?<secret>[^"'\`\\s#$=][^"'\`\\s]{5,127})\\s{0,10}$`, 'gi'),
    },
    {
      // Chinese prose in the middle of a line: 测试账号：root 密码：v，请勿外传.
      keywords: ['密码', '口令'],
      pattern: new RegExp(`(?:密码|口令)\\s{0,2}[:：=]\\s{0,2}(?<secret>[^\\s"'\`，,；;。）)]{6,64})(?=[\\s，,；;。）)]|$)`, 'g'),
    },
    {
      // key=value lists in the middle of a line: user=app password=v host=…, and libpq
      // conninfo strings: psql "host=h dbname=d user=u password=v".
      keywords: ['password=', 'passwd=', 'pwd='],
      pattern: new RegExp(
        `(?<=[\\s,;(]|^)(?:[A-Za-z0-9]{1,20}_)?(?:password|passwd|pwd)=(?<secret>[^\\s"'\`,;=)][^\\s"'\`,;)]{5,63})(?=[\\s,;)"']|$)`,
        'gi',
      ),
    },
    {
      // XML: <password>v</password>, <db.password>v</db.password>.
      keywords: ['pass', 'pwd'],
      pattern: new RegExp(`<[A-Za-z0-9_.:-]{0,40}(?:password|passwd|pwd)>(?<secret>[^<\\s]{6,128})</`, 'gi'),
    },
    {
      // XML attributes: <property name="password" value="v"/>, <add key="DbPassword" value="v"/>.
      keywords: ['pass', 'pwd'],
      pattern: new RegExp(
        `(?:name|key)\\s{0,2}=\\s{0,2}["'][A-Za-z0-9_.:-]{0,40}(?:password|passwd|pwd)["']\\s{1,4}value\\s{0,2}=\\s{0,2}["'](?<secret>[^"'\\s]{6,128})["']`,
        'gi',
      ),
    },
    {
      // Credential objects built from a literal user and password: new PasswordAuthentication("u", "p"),
      // new NetworkCredential("u", "p"), UsernamePasswordCredentials("u", "p"), auth=("u", "p").
      keywords: ['passwordauthentication', 'credential', 'basicauth', 'basic_auth', 'auth=(', 'auth = ('],
      pattern: new RegExp(
        `(?:PasswordAuthentication|UsernamePasswordCredentials|UsernamePasswordAuthenticationToken|NetworkCredential|BasicCredentials|HTTPBasicAuth|HttpBasicAuth|BasicAuth|basic_auth|auth\\s{0,2}=\\s{0,2})\\(\\s{0,4}(?:["'][^"'\\s]{1,64}["']|[A-Za-z_$][\\w$.]{0,63})\\s{0,4},\\s{0,4}["'](?<secret>${VALUE})["']`,
        'g',
      ),
    },
    {
      // XML elements keyed by an attribute: <entry key="password">v</entry>, <param name="db.password">v</param>.
      keywords: ['pass', 'pwd'],
      pattern: new RegExp(
        `(?:name|key)\\s{0,2}=\\s{0,2}["'][A-Za-z0-9_.:-]{0,40}(?:password|passwd|pwd)["']\\s{0,4}>(?<secret>[^<\\s]{6,128})</`,
        'gi',
      ),
    },
    {
      // SQL: CREATE USER … IDENTIFIED BY 'v', ALTER USER … PASSWORD 'v'; Gradle: storePassword 'v'.
      keywords: ['identified by', "password '"],
      pattern: new RegExp(`(?:IDENTIFIED\\s{1,4}BY|PASSWORD)\\s{1,4}'(?<secret>[^'\\s]{6,128})'`, 'gi'),
    },
    {
      // redis.conf, redis-server flags, YAML and CONFIG SET: requirepass v, --requirepass v, masterauth: "v".
      keywords: ['requirepass', 'masterauth'],
      pattern: new RegExp(
        `(?:^\\s{0,8}|--|(?:CONFIG|config)\\s{1,4}(?:SET|set)\\s{1,4})(?:requirepass|masterauth)(?:\\s{0,4}[:=]\\s{0,4}|\\s{1,4})["']?(?<secret>[^\\s"'$]{4,128})`,
        'g',
      ),
    },
    {
      // A database connection opened with a literal password as its third argument:
      // DriverManager.getConnection(url, "u", "v"), new PDO(dsn, 'u', 'v'), new mysqli("h", "u", "v"),
      // mysql_connect / pymysql.connect / MySQLdb.connect("h", "u", "v").
      keywords: ['getconnection', 'pdo(', 'mysqli', 'mysql_connect', 'connect('],
      pattern: new RegExp(
        `(?:getConnection|new\\s{1,4}PDO|mysqli|mysqli_connect|mysql_connect|pymysql\\.connect|MySQLdb\\.connect)\\(\\s{0,4}["'][^"']{1,200}["']\\s{0,4},\\s{0,4}["'][^"'\\s]{1,64}["']\\s{0,4},\\s{0,4}["'](?<secret>${VALUE})["']`,
        'g',
      ),
    },
    {
      // A mail, FTP or IMAP login with literal strings: smtp.login("a@b.cn", "v"), ftp.login('u', 'v').
      keywords: ['.login('],
      pattern: new RegExp(`\\.login\\(\\s{0,4}["'][^"'\\s]{1,64}["']\\s{0,4},\\s{0,4}["'](?<secret>${VALUE})["']\\s{0,4}\\)`, 'g'),
    },
    {
      // Prose and Markdown: the password `v`, 密码 `v`.
      keywords: ['password `', 'password: `', 'password is `', '密码 `', '密码：`', '密码:`'],
      pattern: new RegExp(`(?:password|密码)(?:\\s{0,2}(?:is|:|：))?\\s{0,2}\`(?<secret>[^\`\\s]{6,64})\``, 'gi'),
    },
    {
      // A Markdown table with a password column (a server or account list in the docs):
      // | 主机 | 用户名 | 密码 |, | --- | --- | --- |, then | 10.0.0.5 | root | v |.
      keywords: ['password', 'passwd', 'pwd', '密码', '口令'],
      pattern: /^\s{0,8}\|[^\n]{1,1200}\|/gi,
      tableColumn: /^(?:\*\*)?[\p{L}\p{N} _.-]{0,12}(?:password|passwd|pwd|密码|口令)(?:\*\*)?(?:\s{0,2}[（(][^)）]{0,20}[)）])?$/iu,
      nextLine: /^\s{0,8}\|/,
      nextLines: 50,
    },
    {
      // JVM system properties on a command line: -Dspring.datasource.password=v.
      keywords: ['password', 'passwd', 'pwd'],
      pattern: new RegExp(`(?<=\\s)-D[A-Za-z0-9_.-]{0,60}(?:password|passwd|pwd)=(?<secret>[^\\s"'\`]{6,128})`, 'gi'),
    },
  ],
  shape: { minClasses: 2, minEntropy: 2, classWaiver: { minLength: 12, minEntropy: 3.3 }, freeText: true },
  allow: {
    // A default handed to an environment or property lookup is a fallback for development, and a
    // comparison or assertion in a test is not a stored credential.
    lines: [
      /(?:getenv|environ\.get|env\.get|getProperty|Getenv|process\.env|ENV\.fetch|os\.environ|System\.getenv|config\.get|settings\.get)\s{0,2}\(\s{0,2}["'][A-Za-z0-9_.-]{0,60}["']\s{0,2},/i,
      /(?:assert|expect)\w{0,20}\s{0,2}\(/i,
      // Python and pytest assertions: assert check_password("v") == …
      /^\s{0,40}assert\s/,
      // A code example indented inside a doc comment (` *     password: "v",` in the usage block of
      // an SDK's JSDoc or Javadoc, copied into every generated .js and .d.ts): documentation. A
      // Markdown bullet (`* password: v`) has one blank after its star.
      /^\s{0,8}\*\s{3,40}\S/,
    ],
    // The user name repeated as the password (a connection string's UID=x;PWD=x): a test account's default.
    where: repeatsUser,
  },
  examples: {
    positive: [
      '| 主机 | 用户名 | 密码 | 备注 |\n| --- | --- | --- | --- |\n| 10.0.0.5 | root | {{password}} | 跳板机 |',
      '| Host | User | Password |\n|:-----|:----:|---------:|\n| db-1 | app | `{{password}}` |',
      '| 环境 | 账号 | 登录密码 |\n|---|---|---|\n| 测试 | admin | 同上 |\n| 生产 | ops | {{password}} |',
      'password = "{{password}}"',
      'DB_PASSWORD={{password}}',
      'export MYSQL_ROOT_PASSWORD={{password}}',
      'spring.datasource.password={{password}}',
      '  password: {{password}}',
      '  "password": "{{password}}",',
      // A chosen password in a comment (one blank after the star).
      ' * password: "{{password}}"',
      'conn = pymysql.connect(host="10.0.0.5", user="app", password="{{password}}")',
      'props.put("mail.smtp.password", "{{password}}");',
      'Password: "{{password}}",',
      '    <password>{{password}}</password>',
      '<property name="password" value="{{password}}"/>',
      '<add key="DbPassword" value="{{password}}" />',
      '<entry key="password">{{password}}</entry>',
      'return new PasswordAuthentication("noreply@corp.cn", "{{password}}".toCharArray());',
      'r = requests.get(url, auth=("admin", "{{password}}"))',
      '测试环境账号：root 密码：{{password}}，请勿外传',
      'connect with user=app password={{password}} host=10.0.0.7',
      'PG_USERNAME=root. PG_PASSWORD={{password}}',
      'client.Credentials = new NetworkCredential("svc_report", "{{password}}");',
      '数据库密码: {{password}}',
      '密码：{{password}}',
      'redis.pass={{password}}',
      'ds.setPassword("{{password}}");',
      'java -Dspring.datasource.password={{password}} -jar app.jar',
      'ENV SPRING_DATASOURCE_PASSWORD={{password}}',
      '        .pass(Some("{{password}}"))',
      'ENV MYSQL_PASSWORD {{password}}',
      'psql "host=10.0.0.7 port=5432 dbname=dw user=etl password={{password}}" -c \'select 1\'',
      'ARG NEXUS_PASSWORD={{password}}',
      '    DB_PASSWORD={{password}} \\',
      'Connection c = DriverManager.getConnection("jdbc:oracle:thin:@10.1.1.5:1521:orcl", "scott", "{{password}}");',
      "$pdo = new PDO('mysql:host=10.0.0.5;dbname=cms', 'cms', '{{password}}');",
      'smtp.login("ops@qq.com", "{{lower:16}}")',
      'The staging bastion: `ssh ops@10.8.0.2`, password `{{password}}` (rotate monthly).',
      'password = {{password}}  # pypi',
      "const pwd = '{{password}}';",
      'auth: { user: "noreply@qq.com", pass: "{{lower:16}}" },',
      '$pass = "{{password}}";',
      'user = User(email="a@b.cn", password="Password{{digits:3}}!")',
      "CREATE USER 'report'@'%' IDENTIFIED BY '{{password}}';",
      "            keyPassword '{{password}}'",
      'requirepass {{password}}',
      '  masterauth: "{{password}}"',
      'redis-cli CONFIG SET requirepass "{{password}}"',
      'command: redis-server --appendonly yes --requirepass {{password}}',
      '  DB_PASSWORD: {{enc:password}}',
      '[client]\nuser=backup\npassword={{password}}',
      '  <user username="deployer" password="{{humanpw}}" roles="manager-script"/>',
      '<Resource name="jdbc/shop" auth="Container" type="javax.sql.DataSource" username="shop" password="{{password}}"/>',
      'password             = "{{humanpw}}"',
      '        - name: REDIS_PASSWORD\n          value: "{{password}}"',
      '  - name: DB_PASS\n    value: {{password}}',
      '            - name: MYSQL_PASSWORD\n              value: {{humanpw}}   # temporary',
      '      env {\n        name  = "DB_PASSWORD"\n        value = "{{humanpw}}" // rotate\n      }',
      '        "name": "DB_PASSWORD",\n        "value": "{{password}}"',
      '    env {\n      name  = "MYSQL_ROOT_PASSWORD"\n      value = "{{password}}"\n    }',
      '{"name": "DB_PASSWORD", "value": "{{password}}"},',
      'env { name = "SMTP_PASSWORD" value = "{{humanpw}}" }',
    ],
    negative: [
      '    ResetPassword = "identitytoolkit#ResetPasswordResponse",',
      "gcloud eventarc kafka-sources create src --sasl-password='projects/123/secrets/kafka-pass/versions/1'",
      'DB_PASSWORD=arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf',
      // A usage example in a doc comment, and values that only spell the name.
      ' *     password: "{{password}}",',
      ' *         loginPassword: "{{humanpw}}",',
      "      password: 'password2',",
      '    { port: 30001, password: "password-for-30001" },',
      "  //     password: 'TheWrongPassword!',",
      "const myPlaintextPassword = 's0/\\/\\P4$$w0rD';",
      "    password: 's00pers3cret'",
      'userPassword: vaultS3cr3T',
      "\tPassword: 'abc123',",
      'conn = "DATABASE=SAMPLE;UID={{lit:db2admin}};PWD={{lit:db2admin}};HOSTNAME=localhost"',
      '| Option | Type | Description |\n| --- | --- | --- |\n| password | string | The password to connect with |',
      '| 用户 | 密码 |\n| --- | --- |\n| admin | ****** |\n| guest | 见密码本 |',
      '| User | Password | Notes |\n|---|---|---|\n| admin | <your password> | set on first login |',
      '| User | Password expires |\n|---|---|\n| admin | 2026-01-31 |',
      '| 主机 | 密码 |\n| 10.0.0.5 | {{password}} |',
      '  DB_PASSWORD: Y2hhbmdlbWU=',
      '  DB_PASSWORD: JHtEQl9QQVNTV09SRH0=',
      'password = ""',
      'password = os.environ["DB_PASSWORD"]',
      'password = os.getenv("DB_PASSWORD")',
      'DB_PASSWORD=${DB_PASSWORD}',
      'spring.datasource.password=${SPRING_DATASOURCE_PASSWORD}',
      'password: {{ .Values.db.password }}',
      'password: ${{ secrets.DB_PASSWORD }}',
      'password = "%s"',
      'password: "<your-password>"',
      'password: "请填入数据库密码"',
      'password: 替换为你的密码',
      '"password": "Password",',
      'label: "密码",',
      'placeholder="请输入密码"',
      'errors.password = "密码不能为空"',
      '<input type="password" name="password" />',
      'if password == "{{password}}":',
      'password = request.form["password"]',
      'password = getPassword();',
      'password: str = Field(..., min_length=8)',
      'PASSWORD_MIN_LENGTH = 8',
      'passwordHash = "{{hex:64}}"',
      'password: "$2b$10${{b64:53}}"',
      'password: ********',
      'password = "xxxxxxxx"',
      'password = "changeme"',
      'password = self.password',
      'pwd = os.getcwd()',
      'DB_PASSWORD = os.environ.get("DB_PASSWORD", "devpass1")',
      'expect(form.password).toBe("Secret123")',
      'password = "123456"',
      'password: password123',
      '"passwordPlaceholder": "Enter your password",',
      'password = None',
      'password: !vault |',
      'OLDPWD=/var/lib/app2',
      'password: "required|string|min:8|confirmed"',
      'bypass = "{{password}}"',
      'password: "internationalization"',
      'password: "%DB_PASSWORD%"',
      'FUNCTION_PASS("expand-reductions", ExpandReductionsPass, ())',
      'r = requests.get(url, auth=(user, password))',
      'log.info("login user=%s password=%s", user, "******")',
      '账号：admin 密码：请联系管理员获取',
      'Usage: tool --user NAME password=<password>',
      '__mvncomp "username= message= passphrase= password= scmVersion= $(x)"',
      'passwd: elevated-privileges 4755 root/root [usr/bin/chfn]',
      "let pwd = a:dict.istemp ? a:dict.tmpdir : ''",
      'return new PasswordAuthentication(username, password);',
      "const password = new Password('{{password}}');",
      'sqlalchemy.url = "scott:tiger"',
      'OLDPWD=/var/lib/app2',
      'password: "required|string|min:8|confirmed"',
      'bypass = "{{password}}"',
      'password: "internationalization"',
      'password: "%DB_PASSWORD%"',
      '# METHOD can be "trust", "reject", "md5", "password", "scram-sha-256",',
      'methods = ["password", "{{password}}"]',
      'ENV DB_PASSWORD=${DB_PASSWORD}',
      'ARG MAVEN_PASSWORD',
      'ENV MYSQL_PASSWORD $MYSQL_PASSWORD',
      'ENV PASSWORD_FILE /run/secrets/db',
      'Connection c = DriverManager.getConnection(url, user, password);',
      'conn = DriverManager.getConnection("jdbc:h2:mem:test", "sa", "");',
      'smtp.login(user, password)',
      "t.pass('{{password}}');",
      '.pass(Some(cfg.db_password.as_str()))',
      'Set the password `--password-stdin` flag instead.',
      'The field `password` is hashed; the password `<PASSWORD>` is a placeholder.',
      '    assert check_password("{{password}}") is False',
      '        - name: REDIS_PASSWORD\n          valueFrom:',
      '        - name: REDIS_PASSWORD\n          value: ""',
      '        - name: REDIS_PASSWORD\n          value: "${REDIS_PASSWORD}"',
      '        - name: REDIS_PASSWORD\n          value: {{ .Values.redis.password | quote }}',
      '        - name: REDIS_PASSWORD_FILE\n          value: /run/secrets/redis',
      '        - name: REDIS_HOST\n          value: "{{password}}"',
      '{"name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:cn-north-1:123456789012:parameter/db"}',
      '        - name: password\n          type: string',
      // Names and test vectors in code: an enum member, a written protocol name and its encoding, a
      // type declaration, an identifier, a URN, a string holding a NUL, a key derivation's input.
      'ClientAuth.MYSQL_NATIVE_SHA2_PASSWORD = "MYSQL_NATIVE_SHA2_PASSWORD";',
      "packet.writeString('mysql_native_password', 'latin1');",
      '  caching_sha2_password: PluginDefinition<{',
      '  password: derivePbkdf2,',
      "  password: 'urn:oasis:names:tc:SAML:2.0:ac:classes:Password',",
      '  "password": "pass\\u0000word",',
      " * argon2id('password', 'salt{{digits:4}}', { t: 1, m: 8 });",
      ' *     password: "YourPassword{{digits:3}}",',
      ' *     accountPassword: "Test12345",',
      '  adminPassword: "1qaz@QAZ",',
      'this.password = opts?.password;',
      '  wifiPassword: 0x2001,',
      "  password: 'pa$$w0rd',",
      '  submitPassword: SIGN_IN_V2_SUBMIT_PASSWORD,',
      '  password: IBinaryInput,',
      'x.AuthenticationMD5Password=x.StatusMessage=x.ReadyMessage=',
      "var hashedPassword = 'sha1${{alnum:8}}${{hex:40}}';",
      "PASSWORD = 'pbkdf2_sha256$600000${{alnum:22}}${{b64:43}}='",
    ],
  },
};
