/**
 * The `spoor.yml` the original's installer wrote (YAML::Tiny: `---`, block style, keys
 * sorted), with the keys of its own followers (`debug`, `maxinterval`, `transformer`,
 * `partial_report_log`) that spoor accepts and ignores.
 */
export const ORIGINAL_CONFIG = `---
followers:
  access:
    debug: 1
    maxinterval: 10
    name: /usr/local/cpanel/logs/access_log
    transformer: bin/login_log_transformer.pl
  error:
    debug: 1
    maxinterval: 10
    name: /usr/local/cpanel/logs/error_log
    transformer: bin/login_log_transformer.pl
  login:
    debug: 1
    maxinterval: 10
    name: /usr/local/cpanel/logs/login_log
    partial_report_log: /tmp/partial
    transformer: bin/login_log_transformer.pl
transmission:
  credentials:
    api_identifier: 0071
    api_secret: 'hunter2: true'
  endpoints:
    report: /api/reports
  host: https://spoor.capefox.co
`;
