import React from 'react';

const FALLBACK = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAg{{b64:120}}AAAAASUVORK5CYII=';

export function PasswordField(props: { value: string; onChange: (v: string) => void }) {
  return (
    <input
      type="password"
      name="password"
      autoComplete="current-password"
      placeholder="请输入密码"
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
}

export function Avatar({ src }: { src?: string }) {
  return <img src={src ?? FALLBACK} alt="avatar" data-testid="{{uuid}}" />;
}
