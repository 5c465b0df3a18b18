import type { Rule } from '../types';
import { assignment } from '../patterns';

export const alibabaApiGatewayAppCode: Rule = {
  id: 'alibaba-api-gateway-appcode',
  name: 'Alibaba Cloud API Marketplace AppCode',
  provider: 'Alibaba Cloud',
  severity: 'high',
  kind: 'key',
  advice: 'token',
  description: 'API Gateway / Marketplace AppCode: 32 hex digits after "APPCODE " or under an appcode name',
  detectors: [
    { keywords: ['appcode '], pattern: new RegExp('APPCODE\\s{1,4}(?<secret>[0-9a-f]{32})(?![0-9A-Za-z])', 'gi') },
    { keywords: ['appcode', 'app_code'], pattern: assignment('[A-Za-z_]{0,20}(?:[Aa]pp_?[Cc]ode|APP_?CODE)', '[0-9a-f]{32}') },
  ],
  shape: { minEntropy: 2.8 },
  examples: {
    positive: [
      'headers = {"Authorization": "APPCODE {{hex:32}}"}',
      'conn.setRequestProperty("Authorization", "APPCODE {{hex:32}}");',
      'String appcode = "{{hex:32}}";',
      'ALIYUN_APPCODE={{hex:32}}',
    ],
    negative: ['headers = {"Authorization": "APPCODE " + appcode}', 'String appcode = "你自己的AppCode";', 'appcode = "{{rep:0:32}}"'],
  },
};
