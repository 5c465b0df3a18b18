import type { Rule } from '../types';

export const cliPassword: Rule = {
  id: 'cli-password',
  name: 'Password on a command line',
  provider: 'Generic',
  severity: 'high',
  kind: 'password',
  advice: 'password',
  description:
    'A literal password given to a command: mysql -p…, sshpass -p, redis-cli -a, PGPASSWORD=… cmd, --password=…, ConvertTo-SecureString',
  detectors: [
    {
      keywords: ['mysql', 'mariadb'],
      pattern: new RegExp(`(?:mysql|mysqldump|mysqladmin|mariadb)\\s[^|;&<>]{0,200}?\\s-p(?<secret>[^\\s'"$(-][^\\s'"]{3,127})`, 'g'),
    },
    { keywords: ['sshpass'], pattern: new RegExp(`sshpass\\s{1,4}-p\\s{0,4}["']?(?<secret>[^\\s'"$]{4,128})`, 'g') },
    { keywords: ['redis-cli'], pattern: new RegExp(`redis-cli\\s[^|;&]{0,200}?\\s-a\\s{1,4}["']?(?<secret>[^\\s'"$]{4,128})`, 'g') },
    {
      // A password handed to one command through its environment: PGPASSWORD=v psql …
      keywords: ['pgpassword=', 'mysql_pwd=', 'rediscli_auth=', 'sshpass='],
      pattern: new RegExp(
        `(?<![A-Za-z0-9_])(?:PGPASSWORD|MYSQL_PWD|REDISCLI_AUTH|SSHPASS)=["']?(?<secret>[^\\s"'$]{4,128})["']?(?=\\s{1,4}[a-z])`,
        'g',
      ),
    },
    {
      // PowerShell: ConvertTo-SecureString "v" -AsPlainText.
      keywords: ['convertto-securestring'],
      pattern: new RegExp(`ConvertTo-SecureString\\s{1,4}(?:-String\\s{1,4})?["'](?<secret>[^"'$]{4,128})["']\\s{1,4}-AsPlainText`, 'gi'),
    },
    {
      keywords: ['--password', '--db-password'],
      pattern: new RegExp(`(?<=\\s)--(?:db-)?password(?:=|\\s{1,4})["']?(?<secret>[^\\s'"$<{(-][^\\s'"]{3,127})`, 'g'),
    },
  ],
  shape: { minClasses: 2, minEntropy: 2, classWaiver: { minLength: 12, minEntropy: 3.5 }, freeText: true },
  examples: {
    positive: [
      'mysql -h 10.0.0.12 -u deploy -p{{password}} app < migrate.sql',
      'mysqldump -uroot -p{{password}} --all-databases > all.sql',
      "sshpass -p '{{password}}' ssh ops@10.0.0.9",
      'redis-cli -h 10.0.0.3 -a {{password}} ping',
      'pg_dump --dbname=app --password={{password}}',
      'PGPASSWORD={{password}} psql -h 10.0.0.5 -U app -c "select 1"',
      '$pw = ConvertTo-SecureString "{{password}}" -AsPlainText -Force',
    ],
    negative: [
      'mysqldump -h $(DB_HOST) -u root -p$(DB_PASSWORD) app > backup.sql',
      'mysql -u root -p app',
      'mysql -u root -p"$MYSQL_PWD" app',
      'redis-cli -a "$REDIS_PASSWORD" ping',
      'tool --password=<password>',
      'tool --password-file /run/secrets/pw',
      'information can be provided via the --username and --password options',
      'PGPASSWORD="$DB_PASSWORD" psql -h localhost',
    ],
  },
};
