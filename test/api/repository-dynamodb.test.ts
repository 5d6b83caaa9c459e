import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { beforeAll, inject } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/dynamodb/client.ts';
import { DynamoDbRepository } from '../../functions/adapters/dynamodb/repository.ts';
import { ensureTable } from '../../functions/adapters/dynamodb/table.ts';
import { repositoryContract } from '../contract/repository.contract.ts';

const endpoint = inject('dynamoEndpoint');
const tableName = `contract-${randomUUID()}`;
const local = { endpoint, region: 'ap-northeast-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
const repo = new DynamoDbRepository(createDocumentClient(local), tableName);

beforeAll(async () => {
  await ensureTable(new DynamoDBClient(local), tableName);
});

repositoryContract('DynamoDB (DynamoDB Local)', () => repo);
