/** What a settings section says after an action: a status line, or an alert when it failed. */
export interface SettingMessageState {
  text: string;
  error: boolean;
}

export function SettingMessage({ message }: { message: SettingMessageState | null }) {
  if (!message) return null;
  return (
    <p role={message.error ? 'alert' : 'status'} className={message.error ? 'inline-error' : 'setting-value'}>
      {message.text}
    </p>
  );
}
