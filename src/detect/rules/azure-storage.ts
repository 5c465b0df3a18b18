import type { Rule } from '../types';
import { assignment } from '../patterns';

/** A Storage account key: 64 random bytes, 88 base64 characters. */
const ACCOUNT_KEY = '[A-Za-z0-9+/]{86}==';
/** A Service Bus / Event Hubs shared access key: 32 random bytes, 44 base64 characters. */
const SHARED_ACCESS_KEY = '[A-Za-z0-9+/]{43}=';

export const azureStorageAccountKey: Rule = {
  id: 'azure-storage-account-key',
  name: 'Azure Storage account key',
  provider: 'Azure',
  severity: 'critical',
  kind: 'key',
  advice: 'cloud',
  description:
    'Azure Storage account key in a connection string (DefaultEndpointsProtocol=…;AccountKey=…) or under an account-key name, and the SharedAccessKey= of Service Bus and Event Hubs connection strings; the Azurite development key is ignored',
  detectors: [
    {
      keywords: ['accountkey'],
      pattern: new RegExp(`(?<![A-Za-z0-9])AccountKey\\s{0,2}=\\s{0,2}(?<secret>${ACCOUNT_KEY})`, 'gi'),
    },
    {
      keywords: ['account_key', 'accountkey', 'account-key', 'storage_key', 'storagekey'],
      pattern: assignment('[A-Za-z0-9_.-]{0,30}(?:[Aa]ccount_?[Kk]ey|ACCOUNT_?KEY|[Ss]torage_?[Kk]ey|STORAGE_?KEY)', ACCOUNT_KEY),
    },
    {
      keywords: ['sharedaccesskey='],
      pattern: new RegExp(`SharedAccessKey=(?<secret>${SHARED_ACCESS_KEY})(?![A-Za-z0-9+/=])`, 'gi'),
    },
  ],
  shape: { minClasses: 3, minEntropy: 4.2 },
  allow: {
    // Azurite and the storage emulator publish one fixed key for the account devstoreaccount1.
    lines: [/devstoreaccount1/i],
  },
  examples: {
    positive: [
      'AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=shopassets;AccountKey={{b64:86}}==;EndpointSuffix=core.windows.net"',
      '"StorageConnection": "DefaultEndpointsProtocol=https;AccountName=prodlogs;AccountKey={{b64:86}}==;EndpointSuffix=core.chinacloudapi.cn",',
      'AZURE_STORAGE_KEY={{b64:86}}==',
      '  storage_account_key = "{{b64:86}}=="',
      'Endpoint=sb://shop-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={{b64:43}}=',
    ],
    negative: [
      'AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=shopassets;AccountKey=${AZURE_STORAGE_KEY};EndpointSuffix=core.windows.net"',
      'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={{b64:86}}==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;',
      'AzureWebJobsStorage=UseDevelopmentStorage=true',
      'AccountKey=<your-account-key>',
      'AccountKey={{rep:A:86}}==',
    ],
  },
};
