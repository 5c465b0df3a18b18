import type { Rule } from '../types';

export const cliPassword: Rule = {
  id: 'cli-password',
  name: 'Password on a command line',
  provider: 'Generic',
  severity: 'high',
  kind: 'password',
  advice: 'password',
  description:
    'A literal password given to a command: mysql -p…, sshpass -p, redis-cli -a, PGPASSWORD=… cmd, --password=…, echo … | chpasswd, lftp -u, ConvertTo-SecureString',
  detectors: [
    {
      keywords: ['mysql', 'mariadb'],
      pattern: new RegExp(
        `(?:mysql|mysqldump|mysqladmin|mariadb)[\\s"',][^|;&<>]{0,200}?[\\s"']-p["']?(?<secret>[^\\s'"$(-][^\\s'"]{3,127})`,
        'g',
      ),
    },
    {
      // A password piped to chpasswd or passwd --stdin: echo "deploy:v" | chpasswd, echo v | passwd --stdin app.
      keywords: ['chpasswd', 'passwd --stdin'],
      pattern: new RegExp(
        `echo\\s{1,4}(?:-[ne]\\s{1,4})?["']?(?:[A-Za-z0-9_.-]{1,32}:)?(?<secret>[^\\s"'$:|]{4,128})["']?\\s{0,4}\\|\\s{0,4}(?:sudo\\s{1,4})?(?:chpasswd|passwd\\s{1,4}--stdin)`,
        'g',
      ),
    },
    {
      // lftp -u user,v and ftp-style user,password pairs.
      keywords: ['lftp'],
      pattern: new RegExp(`lftp\\s[^|;&]{0,100}?-u\\s{1,4}["']?[^\\s,"'$]{1,64},(?<secret>[^\\s"'$]{4,128})`, 'g'),
    },
    {
      // Windows: net use \\host\share /user:name v (a `*` prompts for it).
      keywords: ['net use'],
      pattern: new RegExp(`net\\s{1,4}use\\s[^|;&]{0,200}?/user:[^\\s]{1,64}\\s{1,4}["']?(?<secret>[^\\s"'$%*/][^\\s"']{3,127})`, 'gi'),
    },
    {
      // …or with the password before the switch: net use \\host\share v /user:name.
      keywords: ['net use'],
      pattern: new RegExp(
        `net\\s{1,4}use\\s{1,4}(?:[A-Za-z]:\\s{1,4})?\\\\\\\\[^\\s]{1,200}\\s{1,4}["']?(?<secret>[^\\s"'$%*/][^\\s"']{3,127})["']?\\s{1,4}/user:`,
        'gi',
      ),
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
      pattern: new RegExp(
        `ConvertTo-SecureString\\s{1,4}(?:-String\\s{1,4})?["'](?<secret>[^"'$]{4,128})["'](?:\\s{1,4}-Force)?\\s{1,4}-AsPlainText`,
        'gi',
      ),
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
      "$cred = ConvertTo-SecureString '{{password}}' -Force -AsPlainText",
      'test: ["CMD", "mysqladmin", "ping", "-h", "localhost", "-uroot", "-p{{password}}"]',
      'RUN echo "deploy:{{password}}" | chpasswd',
      'echo {{password}} | passwd --stdin app',
      'lftp -u ftpuser,{{password}} ftp://10.0.0.11',
      'net use \\\\10.0.0.20\\share /user:ops {{password}}',
      'net use Z: \\\\fs01\\backup {{password}} /user:CORP\\svc_backup /persistent:no',
      "mysql -h db.internal -u app -p'{{password}}' orders",
      "mysqldump -u root --password='{{password}}' shop > shop.sql",
    ],
    negative: [
      'gcloud secrets versions access latest --password=projects/my-project/secrets/db-pass/versions/latest',
      'mysqldump -h $(DB_HOST) -u root -p$(DB_PASSWORD) app > backup.sql',
      'mysql -u root -p app',
      'mysql -u root -p"$MYSQL_PWD" app',
      'redis-cli -a "$REDIS_PASSWORD" ping',
      'tool --password=<password>',
      'tool --password-file /run/secrets/pw',
      'information can be provided via the --username and --password options',
      'PGPASSWORD="$DB_PASSWORD" psql -h localhost',
      'echo "$USER:$PASS" | chpasswd',
      'echo "deploy:${DEPLOY_PASSWORD}" | sudo chpasswd',
      'lftp -u "$FTP_USER,$FTP_PASS" ftp://10.0.0.11',
      'net use \\\\10.0.0.20\\share /user:ops *',
      'net use Z: \\\\fs01\\backup * /user:CORP\\svc_backup',
      "mysql -u root -p'$MYSQL_ROOT_PASSWORD' app",
      'net use Z: \\\\fs01\\share /user:%USERNAME% %PASSWORD%',
      'test: ["CMD", "mysqladmin", "ping", "-h", "localhost", "-uroot", "-p$$MYSQL_ROOT_PASSWORD"]',
    ],
  },
};
