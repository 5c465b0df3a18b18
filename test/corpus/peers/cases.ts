/**
 * Peers' own test suites as outside truth: the true and false positives that gitleaks' rule
 * generators (cmd/generate/config/rules/*.go) and secretlint's rule fixtures validate against,
 * for the credential types ak-hook claims. No case is copied: each is the peer case's *shape*,
 * rebuilt with our seeded generator (`{{token}}` templates, see test/helpers/keygen.ts), so the
 * repository holds no key-shaped literal. `flag` is the peer's verdict; `deliberate` explains
 * where ak-hook disagrees on purpose.
 */
export interface PeerCase {
  provider: string;
  /** Which suite and rule the case comes from. */
  source: string;
  /** The peer's verdict: true for a true positive, false for a false positive it must not report. */
  flag: boolean;
  /** The case as a template (`\n` separates lines). */
  text: string;
  /** Why ak-hook disagrees with the peer here on purpose. */
  deliberate?: string;
}

/** How gitleaks places a secret in config and code (its GenerateSampleSecrets forms), rebuilt. */
const FORMS = [
  '{i}Token="{s}"',
  '{i}Token = {s}',
  '{\n    "{i}_token": "{s}"\n}',
  '<{i}Token>{s}</{i}Token>',
  '{i}_token: {s}',
  "{i}_token: '{s}'",
  'string {i}Token = "{s}";',
  '{i}Token := `{s}`',
  "{i}Token = '{s}'",
  '{i}_TOKEN ?= "{s}"',
  '{i}Token,{s},',
  '  "{i}Token" => "{s}"',
];

function forms(provider: string, source: string, i: string, s: string, deliberate?: string): PeerCase[] {
  return FORMS.map((f) => ({ provider, source, flag: true, text: f.replaceAll('{i}', i).replaceAll('{s}', s), deliberate }));
}
const tp = (provider: string, source: string, text: string, deliberate?: string): PeerCase => ({
  provider,
  source,
  flag: true,
  text,
  deliberate,
});
const fp = (provider: string, source: string, text: string, deliberate?: string): PeerCase => ({
  provider,
  source,
  flag: false,
  text,
  deliberate,
});

const NO_CRC = 'ak-hook checks the CRC32 tail GitHub and npm build into every token: a random body without it is not a real token';
const HEX_ID = 'a real AccessKeyId body is base62; a lower-case hex body is a hash, not an id';
const NOT_CLAIMED = 'ak-hook does not claim this token type';
const DOC_HOST = 'a credential on a documentation host (example.com/net/org) is a sample';
const STOCK = 'a stock word (secret, password, P@ssw0rd) is not a credential worth blocking a commit';

const G = 'gitleaks';
const S = 'secretlint';

export const PEER_CASES: readonly PeerCase[] = [
  // Alibaba Cloud (gitleaks alibaba.go)
  tp('Alibaba Cloud', `${G} alibaba-access-key-id`, 'alibabaKey := "LTAI{{hex:20}}"', HEX_ID),
  tp('Alibaba Cloud', `${G} alibaba-access-key-id`, 'alibabaKey := "{{ak_id}}"'),
  fp(
    'Alibaba Cloud',
    `${G} alibaba-access-key-id`,
    'https://mp.weixin.qq.com/s?__biz=ltAi{{alnum:20}}&wx_header=1&scene=27#wechat_redirect)',
  ),
  tp(
    'Alibaba Cloud',
    `${G} alibaba-secret-key`,
    'alibaba_api_token = "{{ak_secret}}"',
    'a 30-character value under a token name without a secret word is not taken for an AccessKeySecret',
  ),
  tp('Alibaba Cloud', `${G} alibaba-secret-key`, 'alibaba_secret = "{{ak_secret}}"'),

  // AWS (gitleaks aws.go; secretlint aws)
  ...forms('AWS', `${G} aws-access-token`, 'AWS', '{{aws_id:AKIA}}'),
  ...forms('AWS', `${G} aws-access-token`, 'AWS', '{{aws_id:ASIA}}'),
  tp('AWS', `${G} aws-access-token`, 'AWS_Token="{{aws_id:ABIA}}"', NOT_CLAIMED),
  tp('AWS', `${G} aws-access-token`, 'AWS_Token="{{aws_id:ACCA}}"', NOT_CLAIMED),
  fp('AWS', `${G} aws-access-token`, 'key = AKIA{{rep:X:16}}'),
  fp('AWS', `${G} aws-access-token`, 'aws_access_key: AKIA{{upper:9}}EXAMPLE'),
  fp('AWS', `${G} aws-access-token`, 'msgstr "Näytä asiakirjamallikansio."'),
  fp('AWS', `${G} aws-access-token`, 'TODAYINASIAASACKOFRICEFELLOVER'),
  tp('AWS', `${S} aws`, 'aws_secret_access_key = {{b64:40}}'),
  tp('AWS', `${S} aws`, 'AWS_SECRET_ACCESS_KEY="{{alnum:40}}"'),
  fp('AWS', `${S} aws`, 'AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}'),

  // Google Cloud (gitleaks gcp.go; secretlint gcp)
  ...forms('Google Cloud', `${G} gcp-api-key`, 'gcp', 'AIza{{alnum:35}}'),
  fp('Google Cloud', `${G} gcp-api-key`, '{{alnum:60}}AIza{{alnum:35}}'),
  fp('Google Cloud', `${G} gcp-api-key`, 'AIza{{alnum:35}}{{alnum:8}}'),
  fp('Google Cloud', `${G} gcp-api-key`, 'apiKey: "AIza{{rep:a:35}}"'),
  fp('Google Cloud', `${G} gcp-api-key`, 'AIZA{{upper:35}}'),
  tp(
    'Google Cloud',
    `${G} gcp-service-account-key`,
    '{"type": "service_account", "project_id": "gl-test", "private_key_id": "{{hex:40}}", "client_id": "{{digits:21}}"}',
  ),
  fp(
    'Google Cloud',
    `${G} gcp-service-account-key`,
    '{"project_id": "gl-test", "private_key_id": "{{hex:40}}", "client_id": "{{digits:21}}"}',
  ),

  // GitHub (gitleaks github.go; secretlint github; GitHub's own docs for the stateless format)
  tp('GitHub', `${G} github-pat`, 'github_api_token = "ghp_{{alnum:36}}"', NO_CRC),
  tp('GitHub', `${G} github-oauth`, 'github_api_token = "gho_{{alnum:36}}"', NO_CRC),
  tp('GitHub', `${G} github-app-token`, 'github_api_token = "ghu_{{alnum:36}}"', NO_CRC),
  tp('GitHub', `${G} github-app-token`, 'github_api_token = "ghs_{{alnum:36}}"', NO_CRC),
  tp('GitHub', `${G} github-refresh-token`, 'github_api_token = "ghr_{{alnum:36}}"', NO_CRC),
  tp(
    'GitHub',
    `${G} github-fine-grained-pat`,
    'github_api_token = "github_pat_{{alnum:82}}"',
    'a fine-grained token has a 22-character id, an underscore and a 59-character secret',
  ),
  tp('GitHub', `${G} github-fine-grained-pat`, 'github_api_token = "github_pat_{{alnum:22}}_{{alnum:59}}"'),
  tp('GitHub', `${S} github`, 'GITHUB_TOKEN={{crc:ghp_}}'),
  tp('GitHub', `${S} github`, 'token: {{crc:gho_}}'),
  tp('GitHub', `${S} github`, 'token: {{crc:ghs_}}'),
  tp('GitHub', 'GitHub docs (stateless installation token)', 'GITHUB_TOKEN=ghs_{{digits:7}}_{{jwt}}'),
  fp('GitHub', `${S} github`, 'GITHUB_TOKEN=ghp_{{rep:x:36}}'),

  // GitLab (gitleaks gitlab.go; secretlint gitlab)
  ...forms('GitLab', `${G} gitlab-pat`, 'gitlab', 'glpat-{{alnum:20}}'),
  tp('GitLab', `${G} gitlab-pat-routable`, 'gitlab_api_token = "glpat-{{alnum:27}}.{{lower:9}}"'),
  tp('GitLab', `${G} gitlab-deploy-token`, 'gitlab_api_token = "gldt-{{alnum:20}}"'),
  tp('GitLab', `${G} gitlab-runner-authentication-token`, 'gitlab_api_token = "glrt-{{alnum:20}}"'),
  tp('GitLab', `${G} gitlab-cicd-job-token`, 'gitlab_api_token = "glcbt-{{alnum:5}}_{{alnum:20}}"'),
  tp('GitLab', `${G} gitlab-scim-token`, 'gitlab_api_token = "glsoat-{{alnum:20}}"'),
  tp('GitLab', `${G} gitlab-ptt`, 'gitlab_api_token = "glptt-{{hex:40}}"'),
  tp('GitLab', `${G} gitlab-rrt`, 'gitlab_api_token = "GR1348941{{alnum:20}}"'),
  fp('GitLab', `${G} gitlab-pat`, 'glpat-{{rep:X:11}}-{{rep:X:8}}'),
  fp('GitLab', `${G} gitlab-ptt`, 'glptt-{{rep:x:40}}'),
  fp('GitLab', `${G} gitlab-rrt`, 'GR1348941{{rep:X:20}}'),
  fp('GitLab', `${G} gitlab-rrt`, 'GR1348941{{lit:12312312312312312312}}'),

  // Slack (gitleaks slack.go; secretlint slack)
  tp('Slack', `${G} slack-bot-token`, '"bot_token1": "xoxb-{{digits:12}}-{{digits:13}}-{{alnum:24}}"'),
  tp('Slack', `${G} slack-bot-token`, '"bot_token4": "xoxb-{{digits:13}}-{{digits:12}}-{{alnum:24}}"'),
  fp('Slack', `${G} slack-bot-token`, 'xoxb-xxxxxxxxx-xxxxxxxxxx-xxxxxxxxxxxx'),
  fp('Slack', `${G} slack-bot-token`, 'xoxb-xxx'),
  fp('Slack', `${G} slack-bot-token`, 'xoxb-12345-abcd234'),
  fp('Slack', `${G} slack-bot-token`, 'xoxb-xoxb-my-bot-token'),
  tp('Slack', `${G} slack-user-token`, '"user_token1": "xoxp-{{digits:11}}-{{digits:10}}-{{digits:11}}-{{hex:32}}"'),
  tp('Slack', `${G} slack-user-token`, '"user_token6": "xoxp-{{digits:12}}-{{digits:13}}-{{digits:13}}-{{alnum:32}}"'),
  tp(
    'Slack',
    `${G} slack-user-token`,
    '"url_private": "https:\\/\\/files.slack.com\\/files-pri\\/T04MCQMEXQ9-F04MAA1PKE3\\/image.png?t=xoxe-{{digits:13}}-{{digits:13}}-{{digits:13}}-{{hex:32}}"',
  ),
  fp('Slack', `${G} slack-user-token`, '"token1": "xoxp-1234567890"'),
  fp('Slack', `${G} slack-user-token`, '"token2": "xoxp-XXXXXXXXXX-XXXXXXXXXX-XXXXXXXXXXX-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"'),
  fp('Slack', `${G} slack-user-token`, '"token3": "xoxp-1234-1234-1234-{{hex:32}}"'),
  fp('Slack', `${G} slack-user-token`, '"token4": "xoxp-{{digits:12}}-{{digits:12}}-{{digits:12}}-{{rep:#:20}}"'),
  tp('Slack', `${G} slack-app-token`, '"token4": "xapp-1-A{{upper:10}}-{{digits:13}}-{{hex:64}}"'),
  tp('Slack', `${G} slack-config-access-token`, '"access_token3": "xoxe.xoxp-1-{{alnum:163}}"'),
  tp('Slack', `${G} slack-config-access-token`, '"access_token5": "xoxe.xoxb-1-{{alnum:165}}"'),
  fp('Slack', `${G} slack-config-access-token`, 'xoxe.xoxp-1-SlackAppConfigurationAccessTokenHere'),
  fp('Slack', `${G} slack-config-access-token`, 'xoxe.xoxp-1-RANDOMSTRINGHERE'),
  fp('Slack', `${G} slack-config-access-token`, 'xoxe.xoxp-1-initial'),
  tp('Slack', `${G} slack-config-refresh-token`, '"refresh_token3": "xoxe-1-{{alnum:146}}"'),
  fp('Slack', `${G} slack-config-refresh-token`, 'xoxe-1-xxx'),
  tp('Slack', `${G} slack-legacy-bot-token`, '"bot_token2": "xoxb-{{digits:12}}-{{alnum:24}}"'),
  tp('Slack', `${G} slack-legacy-bot-token`, '"bot_token10": "xoxb-{{digits:10}}-{{alnum:24}}"'),
  fp('Slack', `${G} slack-legacy-bot-token`, 'xoxb-xxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx'),
  fp('Slack', `${G} slack-legacy-bot-token`, 'xoxb-Slack_BOT_TOKEN'),
  fp('Slack', `${G} slack-legacy-bot-token`, 'xoxb-abcdef-abcdef'),
  tp('Slack', `${G} slack-legacy-workspace-token`, '"access_token": "xoxa-2-{{digits:9}}-{{digits:11}}-{{digits:13}}-{{hex:18}}"'),
  tp(
    'Slack',
    `${G} slack-legacy-workspace-token`,
    '"access_token2": "xoxa-{{alnum:12}}"',
    'a legacy workspace token without its digit groups has no structure to tell it from prose',
  ),
  tp(
    'Slack',
    `${G} slack-legacy-workspace-token`,
    '"refresh_token2": "xoxr-{{alnum:12}}"',
    'a legacy workspace token without its digit groups has no structure to tell it from prose',
  ),
  fp('Slack', `${G} slack-legacy-workspace-token`, 'https://github.com/xoxa-nyc/xoxa-nyc.github.io/blob/master/README.md'),
  tp('Slack', `${G} slack-legacy-token`, '"access_token6": "xoxs-{{digits:10}}-{{digits:10}}-{{digits:10}}-{{hex:10}}"'),
  tp('Slack', `${G} slack-legacy-token`, '"access_token7": "xoxo-{{digits:6}}-{{digits:6}}-{{digits:6}}-{{hex:18}}"'),
  fp('Slack', `${G} slack-legacy-token`, 'https://indieweb.org/images/3/35/2018-250-xoxo-indieweb-1.jpg'),
  tp('Slack', `${G} slack-webhook-url`, 'https://hooks.slack.com/services/T{{upper:8}}/B{{upper:8}}/{{alnum:24}}'),
  tp('Slack', `${G} slack-webhook-url`, 'https://hooks.slack.com/workflows/T{{upper:10}}/A{{upper:10}}/{{digits:18}}/{{alnum:24}}'),
  tp(
    'Slack',
    `${G} slack-webhook-url`,
    'hooks.slack.com/services/{{alnum:44}}',
    'a webhook URL has team, channel and secret parts (T…/B…/…), not one random run',
  ),
  tp(
    'Slack',
    `${G} slack-webhook-url`,
    'https://hooks.slack.com/triggers/{{alnum:56}}',
    'a trigger URL has team, id and secret parts, not one random run',
  ),
  fp('Slack', `${S} slack`, 'SLACK_WEBHOOK=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX'),

  // Stripe, OpenAI, Anthropic, npm (gitleaks stripe.go, openai.go, anthropic.go, npm.go; secretlint)
  tp('Stripe', `${G} stripe-access-token`, 'stripe_api_token = "sk_live_{{alnum:24}}"'),
  tp('Stripe', `${G} stripe-access-token`, 'stripe_api_token = "rk_live_{{alnum:24}}"'),
  tp(
    'Stripe',
    `${G} stripe-access-token`,
    'stripe_api_token = "sk_test_{{alnum:24}}"',
    'test-mode keys move no money; ak-hook reports live keys only',
  ),
  tp(
    'Stripe',
    `${G} stripe-access-token`,
    'stripe_api_token = "rk_test_{{alnum:24}}"',
    'test-mode keys move no money; ak-hook reports live keys only',
  ),
  tp('OpenAI', `${G} openai-api-key`, 'openai_api_token = "sk-{{alnum:20}}T3BlbkFJ{{alnum:20}}"'),
  tp('OpenAI', `${G} openai-api-key`, 'openai_api_token = "sk-proj-{{alnum:58}}T3BlbkFJ{{alnum:58}}"'),
  tp('OpenAI', `${S} openai`, 'OPENAI_API_KEY=sk-proj-{{alnum:120}}'),
  fp('OpenAI', `${S} openai`, 'OPENAI_API_KEY=sk-{{rep:x:48}}'),
  tp('Anthropic', `${G} anthropic-api-key`, 'anthropic_api_token = "sk-ant-api03-{{alnum:93}}AA"'),
  tp('Anthropic', `${G} anthropic-admin-api-key`, 'anthropic_api_token = "sk-ant-admin01-{{alnum:93}}AA"'),
  fp('Anthropic', `${S} anthropic`, 'ANTHROPIC_API_KEY=sk-ant-api03-{{rep:x:93}}AA'),
  tp('npm', `${G} npm-access-token`, 'npm_api_token = "npm_{{alnum:36}}"', NO_CRC),
  tp('npm', `${S} npm`, '//registry.npmjs.org/:_authToken={{crc:npm_}}'),
  tp('npm', `${S} npm`, '//registry.npmjs.org/:_authToken={{uuid}}'),
  fp('npm', `${S} npm`, '//registry.npmjs.org/:_authToken=${NPM_TOKEN}'),

  // curl credentials (gitleaks curl.go)
  tp('curl', `${G} curl-auth-user`, 'curl --cacert ca.crt -u elastic:P@ssw0rd$1 https://localhost:9200', STOCK),
  tp(
    'curl',
    `${G} curl-auth-user`,
    "sh-5.0$ curl -k -X POST https://infinispan:11222/rest/v2/caches/default/hello \\\n  -H 'Content-type: text/plain' \\\n  -d 'world' \\\n  -u developer:{{password}}",
  ),
  tp('curl', `${G} curl-auth-user`, 'curl -u ":{{password}}" https://localhost:9200'),
  tp(
    'curl',
    `${G} curl-auth-user`,
    'curl -u "{{password}}:" https://localhost:9200',
    'an empty password: the user part is not taken for a secret',
  ),
  tp('curl', `${G} curl-auth-user`, "curl -sw '%{http_code}' -X POST --user  'johns:{{password}}' $GItHUB_API_URL/$GIT_COMMIT --data"),
  tp('curl', `${G} curl-auth-user`, 'curl --user roger23@gmail.com:{{password}} https://www.dropbox.com/cli_link?host_id=abcdefg -v'),
  tp('curl', `${G} curl-auth-user`, "curl -s --user 'api:{{password}}' \\\n    https://api.mailgun.net/v2/messages"),
  tp('curl', `${G} curl-auth-user`, 'curl -s -v --user "j.smith:{{password}}" "https://api.contoso.org/user/me"'),
  tp('curl', `${G} curl-auth-user`, 'curl --user kevin:\'{{password}}\' -iX PATCH -H "Content-Type: application/json" -d'),
  tp(
    'curl',
    `${G} curl-auth-user`,
    '$ curl https://api.dropbox.com/oauth2/token \\\n  --user {{lower:15}}:{{lower:15}} --data grant_type=authorization_code',
  ),
  fp('curl', `${G} curl-auth-user`, "curl -i -u 'test:test'"),
  fp('curl', `${G} curl-auth-user`, '   curl -sL --user "$1:$2" "$3" > "$4"'),
  fp('curl', `${G} curl-auth-user`, 'curl -u <user:password> https://test.com/endpoint'),
  fp('curl', `${G} curl-auth-user`, 'curl --user neo4j:[PASSWORD] http://[IP]:7474/db/data/'),
  fp('curl', `${G} curl-auth-user`, 'curl -u "myusername" http://localhost:15130/api/check_user/'),
  fp('curl', `${G} curl-auth-user`, 'curl -u username:token'),
  fp('curl', `${G} curl-auth-user`, 'curl -u "${_username}:${_password}"'),
  fp('curl', `${G} curl-auth-user`, 'curl -u "${username}":"${password}"'),
  fp('curl', `${G} curl-auth-user`, 'curl -k -X POST -I -u "SRVC_JENKINS:${APPID}"'),
  fp('curl', `${G} curl-auth-user`, 'curl -u ":" https://localhost:9200'),
  fp('curl', `${G} curl-auth-user`, "curl -sw '%{http_code}' -X POST --user '$USERNAME:$PASSWORD' $GItHUB_API_URL/$GIT_COMMIT --data"),
  fp('curl', `${G} curl-auth-user`, 'curl --user "xxx:yyy"'),
  fp('curl', `${G} curl-auth-user`, 'curl --silent --fail --user "{{ $.Values.username }}:{{ $.Values.password }}"'),
  fp('curl', `${G} curl-auth-user`, 'curl -XGET -i -u "${{ env.ELK_ID }}:${{ build.env.ELK_PASS }}"'),
  fp('curl', `${G} curl-auth-user`, 'curl -X POST --user "$(cat ./login.txt):$(cat ./password.txt)"'),
  fp('curl', `${G} curl-auth-user`, 'curl http://127.0.0.1:5000/file --user user:pass --digest        # digest auth'),
  fp('curl', `${G} curl-auth-user`, '   curl -X GET --insecure --user "username:password" \\'),
  fp('curl', `${G} curl-auth-user`, 'curl --silent --insecure --user ${f5user}:${f5pass} \\'),
  fp(
    'curl',
    `${G} curl-auth-user`,
    'curl --insecure --ssl-reqd "smtps://smtp.gmail.com" --mail-from "src@gmail.com" --user "src@gmail.com" --upload-file out.txt',
  ),
  tp(
    'curl',
    `${G} curl-auth-header`,
    'curl -X POST -H "Content-Type: application/json" \\\n -H "Authorization: Basic {{basic}}" \\\n  -d \'{}\' \'http://localhost:8080/oauth2-provider/v1.0/users\'',
  ),
  tp(
    'curl',
    `${G} curl-auth-header`,
    "curl -H 'Authorization: Basic YnJvd3Nlcjo=' \\",
    'an empty password (the header decodes to `browser:`)',
  ),
  fp(
    'curl',
    `${G} curl-auth-header`,
    'curl -X POST https://accounts.spotify.com/api/token -d grant_type=client_credentials --header "Authorization: Basic ..."',
  ),
  fp(
    'curl',
    `${G} curl-auth-header`,
    'curl -XPOST http://localhost:8080/api/token -H "Authorization: basic {base64(email:password[\\n])}" => token',
  ),
  fp('curl', `${G} curl-auth-header`, 'curl -X POST -H "Content-Type: application/json" -H "Authorization: Basic {{jwt}}" \\'),

  // Connection strings and Basic auth URLs (secretlint database-connection-string, basicauth)
  tp(
    'Connection strings',
    `${S} database-connection-string`,
    'const MONGO_URI = "mongodb://realuser:{{password}}@db1.example.net:27017/production";',
    DOC_HOST,
  ),
  tp(
    'Connection strings',
    `${S} database-connection-string`,
    'const MONGO_SRV = "mongodb+srv://appuser:{{password}}@cluster0.mongodb.net/mydb?retryWrites=true";',
  ),
  tp(
    'Connection strings',
    `${S} database-connection-string`,
    'const MYSQL_URI = "mysql://dbuser:{{password}}@mysql.server.com:3306/database";',
  ),
  tp(
    'Connection strings',
    `${S} database-connection-string`,
    'const MYSQL_JDBC = "jdbc:mysql://admin:{{password}}@db.company.com:3306/app_db";',
  ),
  tp(
    'Connection strings',
    `${S} database-connection-string`,
    'const PG_URI = "postgresql://pguser:{{password}}@postgres.example.com:5432/production_db";',
    DOC_HOST,
  ),
  tp(
    'Connection strings',
    `${S} database-connection-string`,
    'const POSTGRES_URI = "postgres://api_user:{{password}}@db.internal.com:5432/api_db";',
  ),
  tp('Connection strings', `${S} database-connection-string`, 'CONECTION_URI="mongodb://root:{{lower:10}}@google.com:5434/thegift"'),
  tp(
    'Connection strings',
    `${S} database-connection-string`,
    'mysql --user=doadmin --password={{password}} --host=db-mysql-ams3-23775-do-user-0.a.db.ondigitalocean.com',
  ),
  tp('Connection strings', `${S} database-connection-string`, 'jdbc:mysql://sandy:secret@[myhost1:1111,myhost2:2222]/db', STOCK),
  tp(
    'Connection strings',
    `${S} database-connection-string`,
    'Server=myServerAddress;Database=myDataBase;Uid=myUsername;Pwd=myPassword;',
    'a value that repeats its own name (myPassword) is a placeholder',
  ),
  tp('Connection strings', `${S} database-connection-string`, 'PG_USERNAME=root. PG_PASSWORD={{lower:10}}'),
  tp(
    'Connection strings',
    `${S} database-connection-string`,
    'PGPASSWORD={{password}} psql -hdb-postgresql-ams3-58486-do-user-0.b.db.ondigitalocean.com -Udoadmin -p 25060',
  ),
  tp('Connection strings', `${S} database-connection-string`, "create_engine('postgresql://postgres:{{lower:10}}@google.com:5432/mydb')"),
  fp(
    'Connection strings',
    `${S} database-connection-string`,
    'Host=your_host; Port=5432; Database=your_database; Username=your_username; Password=your_password;',
  ),
  fp(
    'Connection strings',
    `${S} database-connection-string`,
    'const MONGO_TEMPLATE = "mongodb://username:password@localhost:27017/database";',
  ),
  fp('Connection strings', `${S} database-connection-string`, 'const MYSQL_TEMPLATE = "mysql://user:${PASSWORD}@example.com:3306/db";'),
  fp(
    'Connection strings',
    `${S} database-connection-string`,
    'const PG_TEMPLATE = "postgresql://{username}:{password}@{host}:5432/{database}";',
  ),
  fp('Connection strings', `${S} database-connection-string`, 'const MONGO_NO_AUTH = "mongodb://localhost:27017/database";'),
  fp(
    'Connection strings',
    `${S} database-connection-string`,
    'const CONFIG_EXAMPLE = "mongodb://YOUR_USERNAME:YOUR_PASSWORD@cluster.mongodb.net/test";',
  ),
  fp(
    'Connection strings',
    `${S} database-connection-string`,
    'const DOC_EXAMPLE = "mysql://admin:REPLACE_WITH_PASSWORD@mysql.server.com:3306/database";',
  ),
  fp('Connection strings', 'issue 10 (defaults like the mysql/postgres ones)', 'MONGO_URL=mongodb://mongodb:mongodb@localhost:27017/test'),
  tp('Connection strings', `${S} basicauth`, 'https://user:{{password}}@registry.corp.internal/v2/'),
  tp('Connection strings', `${S} basicauth`, 'ftp://deploy:{{password}}@ftp.corp.internal/upload'),
  tp('Connection strings', `${S} basicauth`, 'ftps://deploy:{{password}}@ftp.corp.internal/upload'),
  fp('Connection strings', `${S} basicauth`, 'https://registry.corp.internal/v2/'),

  // Kubernetes Secrets (gitleaks kubernetes.go; secretlint no-k8s-kind-secret)
  tp('Kubernetes', `${G} kubernetes-secret-yaml`, 'apiVersion: v1\nkind: Secret\ndata:\n  password: {{enc:password}}'),
  tp('Kubernetes', `${G} kubernetes-secret-yaml`, 'apiVersion: v1\nkind: Secret\ndata:\n  ALIBABA_CLOUD_ACCESS_KEY_ID: {{enc:ak_id}}'),
  tp(
    'Kubernetes',
    `${G} kubernetes-secret-yaml`,
    'apiVersion: v1\nkind: Secret\ndata:\n  username: {{enc:lower:8}}',
    'a Secret is flagged by what its values decode to; a user name is not a credential',
  ),
  fp('Kubernetes', `${G} kubernetes-secret-yaml`, 'apiVersion: v1\nkind: Secret\ndata:\n  password: {{lit:}}'),
  fp('Kubernetes', `${G} kubernetes-secret-yaml`, 'apiVersion: v1\nkind: Secret\ndata:\n  password: ${PASSWORD}'),
];
