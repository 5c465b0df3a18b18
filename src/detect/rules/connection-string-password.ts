import { repeatsUser } from '../filters';
import type { Rule } from '../types';

export const connectionStringPassword: Rule = {
  id: 'connection-string-password',
  name: 'Password in a connection string or URL',
  provider: 'Generic',
  severity: 'high',
  kind: 'password',
  advice: 'password',
  description:
    'user:password@ in a URL or connection string (mysql, postgres, mongodb(+srv), redis, amqp, http(s), ftp…), JDBC/ADO.NET password=…',
  detectors: [
    {
      // A dotenv-vault DOTENV_KEY (dotenv://:key_<64 hex>@…) only with its key: the library's own
      // error message shows a short stand-in.
      keywords: ['://'],
      pattern: new RegExp(
        `(?<![A-Za-z0-9+.-])(?!dotenv://:key_(?![0-9a-f]{64}@))[A-Za-z][A-Za-z0-9+.-]{1,20}://[^\\s:/?#@'"\`]{0,64}:(?<secret>[^\\s:/?@'"\`]{3,128})@(?=[A-Za-z0-9\\[_-])`,
        'g',
      ),
    },
    {
      // Go MySQL DSN: user:password@tcp(host:port)/db (no scheme).
      keywords: ['@tcp(', '@unix('],
      pattern: new RegExp(`(?<![A-Za-z0-9_.-])[A-Za-z0-9_.-]{1,32}:(?<secret>[^\\s:/@'"\`]{3,128})@(?:tcp|unix)\\(`, 'g'),
    },
    {
      // JDBC, ADO.NET and StackExchange.Redis: ?user=a&password=v, ;Password=v;, host:6379,password=v,ssl=true
      keywords: ['password=', 'pwd='],
      pattern: new RegExp(`(?<=[?&;,]|;\\s)(?:password|pwd)=(?<secret>[^&;,\\s'"\`]{4,128})`, 'gi'),
    },
  ],
  shape: { minEntropy: 1.5, freeText: true },
  allow: {
    lines: [
      // Documentation hosts (example.com, MDN's developer.mozilla.org), the names RFC 2606 and 6761
      // reserve for tests and docs (*.example, *.test, *.invalid, *.localhost) and stand-in host
      // names (host, hostname.com, myredishost.com, bogus.net): a sample, not a server.
      /@(?:[A-Za-z0-9.-]{0,200}\.)?(?:example\.(?:com|org|net)|developer\.mozilla\.org)|@[A-Za-z0-9.-]{1,200}\.(?:example|test|invalid|localhost)(?=[:/'"`\s)]|$)/i,
      /@(?:host|hostname|your-?host|server|db-?host|my-?[a-z]{0,20}host(?:name)?)(?:\.(?:com|net|org))?(?=[:/'"`\s)]|$)/i,
      // A host named bogus (www.bogus.net, bogus.com): a sample's, by its name.
      /@(?:www\.)?bogus\.(?:com|net|org)(?=[:/'"`\s)]|$)/i,
    ],
    // The user name repeated as the password: a URL's user:user@, a connection string's UID=x;PWD=x.
    where: repeatsUser,
  },
  examples: {
    positive: [
      'DATABASE_URL=postgres://app:{{password}}@10.0.3.4:5432/orders',
      'spring.datasource.url=jdbc:mysql://db.internal:3306/shop?user=shop&password={{password}}&useSSL=true',
      'MONGO_URI = "mongodb+srv://admin:{{password}}@cluster0.ab1cd.mongodb.net/app"',
      'mongodb://root:{{password}}@mongo-0.mongo:27017/?authSource=admin',
      'REDIS_URL=redis://:{{password}}@r-bp1abc.redis.rds.aliyuncs.com:6379/0',
      'amqp://mq:{{password}}@rabbit.internal:5672/vhost',
      '"Redis": "r-bp1.redis.rds.aliyuncs.com:6379,password=Ab1={{password}},defaultDatabase=2",',
      'git clone https://deploy:{{password}}@git.internal.corp/team/app.git',
      'mysql+pymysql://app:{{password}}@rm-bp1xyz.mysql.rds.aliyuncs.com/app',
      '"ConnectionStrings": { "Default": "Server=sql01;Database=app;User Id=sa;Password={{password}};" }',
      'dsn := "app:{{password}}@tcp(10.0.0.8:3306)/orders?parseTime=true"',
      'DOTENV_KEY="dotenv://:key_{{hex:64}}@dotenvx.com/vault/.env.vault?environment=production"',
      // A host merely named like a stand-in (testing.internal, hostel.com) is a host.
      'REDIS_URL=redis://:{{password}}@cache.testing.internal:6379/0',
      'conn = "DRIVER={DB2};DATABASE=ORDERS;UID=db2inst1;PWD={{password}};HOSTNAME=db2.corp.local;PORT=50000"',
    ],
    negative: [
      '#     http://jschmoe:xyzzy@www.bogus.net:8000/foo/bar.tml?q=foo#changes',
      'DATABASE_URL=postgres://user:password@localhost:5432/db',
      'DATABASE_URL=postgres://${DB_USER}:${DB_PASSWORD}@${DB_HOST}/db',
      'mysql://<user>:<password>@<host>:3306/<db>',
      'mongodb://admin:****@cluster0.mongodb.net',
      'redis://:xxxxxx@localhost:6379',
      'https://user:{{password}}@example.com/path',
      'postgres://postgres:postgres@localhost:5432/postgres',
      'amqp://guest:guest@localhost:5672/',
      'url = f"postgresql://{user}:{password}@{host}/{db}"',
      'url = "mysql://%s:%s@%s/%s" % (u, p, h, d)',
      'ssh://git@github.com:22/org/repo.git',
      'dsn := fmt.Sprintf("%s:%s@tcp(%s)/%s", user, pass, host, db)',
      'jdbc:mysql://localhost:3306/db?user=root&password=${DB_PASSWORD}',
      'https://github.com/org/repo/blob/main/README.md#user:pass@host',
      // A test account whose password is its name, and stand-in or reserved hosts.
      'const url = "https://{{lit:libgit3}}:{{lit:libgit3}}@bitbucket.org/libgit2/testgitrepository.git";',
      'connStr = "DRIVER={DB2 ODBC Driver};DATABASE=SAMPLE;UID={{lit:db2admin}};PWD={{lit:db2admin}};HOSTNAME=localhost;port=50000";',
      '"https://user:{{password}}@hostname.com:1234/"',
      '`redis://:{{password}}@myredishost.com:1234/5` would indicate a host',
      'url.parse("https://anonymous:{{password}}@developer.mozilla.org/en-US/docs/Web/API/URL/password");',
      'DATABASE_URL=postgres://app:{{password}}@db.test:5432/app',
      // A value that spells the name (percent-encoded `p@ss:word`), a short form of it, placeholders.
      '// https://user%3An%40me:p%40ss%3Aword@x.com/ becomes',
      'mongoose.createConnection(\'mongodb://val:psw@127.0.0.1:27017/mydb\').pass; // "psw"',
      "const url = 'http://foo:bar@localhost:' + server.address().port",
      'ibm_db.open("DATABASE=database;HOSTNAME=db2.internal;UID=dbuser;PWD=db2pwd;PORT=50000")',
      // dotenv's error message shows the DOTENV_KEY format with a short stand-in key.
      'throw new Error("must be a uri like dotenv://:key_1234@dotenvx.com/vault/.env.vault?environment=development");',
    ],
  },
};
