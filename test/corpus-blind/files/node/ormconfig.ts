import { DataSource } from 'typeorm';
import knex from 'knex';

export const AppDataSource = new DataSource({
  type: 'mysql',
  host: 'rm-bp1.mysql.rds.aliyuncs.com',
  port: 3306,
  username: 'app',
  password: '«password-assignment:{{password}}»',
  database: 'app',
});

export const db = knex({
  client: 'pg',
  connection: { host: '10.0.0.7', user: 'etl', password: '«password-assignment:{{humanpw}}»', database: 'dw' },
});

export const testSource = new DataSource({ type: 'sqlite', database: ':memory:', password: undefined });
export const fromEnv = new DataSource({ type: 'mysql', password: process.env.DB_PASSWORD, username: process.env.DB_USER });
