import { useState } from 'react';
import { matchCommands, useRegisteredCommands, type Command } from '../ui/commands.ts';
import { Dialog, FIRST_FIELD } from '../ui/dialog.tsx';

/** Ctrl/Cmd+Shift+P: every action of the window by name; type to narrow, Enter to run. */
export function CommandPalette({ onClose }: { onClose: () => void }) {
  const commands = useRegisteredCommands();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const found = matchCommands(commands, query);
  const current = Math.min(active, Math.max(0, found.length - 1));
  const run = (command: Command | undefined) => {
    if (!command) return;
    onClose();
    // After the dialog has closed and given focus back, so the command acts on the window.
    setTimeout(command.run, 0);
  };
  return (
    <Dialog title="Commands" onClose={onClose}>
      <input
        {...FIRST_FIELD}
        type="search"
        className="palette-input"
        role="combobox"
        aria-label="Command"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={found.length ? `palette-${current}` : undefined}
        placeholder="Type a command"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            const step = event.key === 'ArrowDown' ? 1 : -1;
            setActive((current + step + found.length) % Math.max(1, found.length));
          } else if (event.key === 'Enter') {
            event.preventDefault();
            run(found[current]);
          }
        }}
      />
      <ul id="palette-list" role="listbox" aria-label="Commands" className="palette-list">
        {found.map((command, index) => (
          <li
            key={command.id}
            id={`palette-${index}`}
            role="option"
            aria-selected={index === current}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => run(command)}
          >
            <span>{command.title}</span>
            <span className="count">
              {command.section}
              {command.shortcut && <kbd>{command.shortcut}</kbd>}
            </span>
          </li>
        ))}
        {found.length === 0 && <li className="pane-message">No command matches.</li>}
      </ul>
    </Dialog>
  );
}

/** `?`: the keys of what is on screen, by section. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const commands = useRegisteredCommands().filter((command) => command.shortcut);
  const sections = [...new Set(commands.map((command) => command.section))];
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      {sections.map((section) => (
        <section key={section} aria-label={section} className="shortcut-section">
          <h3>{section}</h3>
          <dl className="shortcut-list">
            {commands
              .filter((command) => command.section === section)
              .map((command) => (
                <div key={command.id}>
                  <dt>
                    <kbd>{command.shortcut}</kbd>
                  </dt>
                  <dd>{command.title}</dd>
                </div>
              ))}
          </dl>
        </section>
      ))}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
