/**
 * Asks for a secret at the terminal without echoing it: the passphrase of an encrypted
 * library is typed, never passed in argv (where other users' `ps` would see it) nor logged.
 * Null when there is no terminal to ask at (a script, CI), or the person pressed Ctrl+C/Ctrl+D.
 */
export function askHidden(
  prompt: string,
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WriteStream = process.stderr,
): Promise<string | null> {
  if (!input.isTTY) return Promise.resolve(null);
  output.write(prompt);
  return new Promise((resolve) => {
    let typed = '';
    const finish = (value: string | null) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      output.write('\n');
      resolve(value);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish(typed);
        if (char === '\u0003' || char === '\u0004') return finish(null);
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
  });
}
