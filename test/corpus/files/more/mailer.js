const nodemailer = require('nodemailer');

const transporter = nodemailer.createTransport({
  host: 'smtp.qq.com',
  port: 465,
  secure: true,
  auth: { user: 'noreply@qq.com', pass: '«password-assignment:{{lower:16}}»' },
});

const backup = nodemailer.createTransport({
  host: 'smtp.exmail.qq.com',
  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS },
});

function validate(form) {
  const errors = {};
  if (!form.password) errors.password = '请输入密码';
  if (form.password !== form.confirmPassword) errors.confirmPassword = '两次输入的密码不一致';
  if (form.password.length < 8) errors.password = 'Password is too short';
  return errors;
}

const rules = {
  password: 'required|string|min:8|confirmed',
  email: 'required|email',
};

module.exports = { transporter, backup, validate, rules };
