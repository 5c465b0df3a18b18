const mysql = require('mysql2/promise');
const mongoose = require('mongoose');
const Redis = require('ioredis');

const pool = mysql.createPool({
  host: '10.0.0.31',
  user: 'shop',
  password: '«password-assignment:{{password}}»',
  database: 'shop',
  waitForConnections: true,
});

const conn = mysql.createConnection({ host: 'localhost', user: 'root', password: process.env.MYSQL_PWD });

mongoose.connect(
  'mongodb+srv://admin:«connection-string-password:{{password}}»@cluster0.ab1cd.mongodb.net/prod?retryWrites=true&w=majority',
);
mongoose.connect(`mongodb://${user}:${pass}@${host}/app`);
const redis = new Redis('redis://default:«connection-string-password:{{password}}»@r-uf6abc.redis.rds.aliyuncs.com:6379');

const schema = new mongoose.Schema({
  username: { type: String, required: true },
  password: { type: String, required: true, minlength: 8, select: false },
});

function validate(form) {
  if (!form.password) return '请输入密码';
  if (form.password !== form.confirmPassword) return '两次输入的密码不一致';
  return null;
}

const messages = { password: '密码', passwordTooShort: '密码长度至少8位', wrongPassword: 'Incorrect password' };
module.exports = { pool, conn, redis, schema, validate, messages };
