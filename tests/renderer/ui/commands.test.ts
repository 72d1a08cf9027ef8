// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useCommands, type Command } from '../../../renderer/src/ui/commands.ts';

/**
 * The window's one shortcut listener: a key runs the command registered for it, never while
 * a person types into a field (or the editor) or a dialog is open, unless the command says so.
 */
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let ran: string[] = [];
let unmount: () => void = () => {};

function register(commands: Command[]) {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  const Registering = () => {
    useCommands(commands);
    return null;
  };
  act(() => root.render(createElement(Registering)));
  unmount = () => act(() => root.unmount());
}

function press(target: Element, key: string, modifiers: KeyboardEventInit = {}) {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...modifiers });
  target.dispatchEvent(event);
  return event;
}

const command = (id: string, keys: Command['keys'], run: Command['run'] = () => void ran.push(id)): Command => ({
  id,
  title: id,
  section: 'Test',
  keys,
  run,
});

beforeEach(() => {
  ran = [];
  document.body.innerHTML =
    '<input id="field"><div id="editor" contenteditable="true"></div><ul role="list"><li id="row" tabindex="0"></li></ul><p id="page"></p>';
});
afterEach(() => unmount());

const at = (id: string) => document.getElementById(id)!;

describe('shortcut keys', () => {
  it('run on the page, and never from a text field or the editor', () => {
    register([command('favorite', { key: 'f' })]);
    expect(press(at('page'), 'f').defaultPrevented).toBe(true);
    press(at('field'), 'f');
    press(at('editor'), 'f');
    expect(ran).toEqual(['favorite']);
  });

  it('keep out while a dialog is open, unless they belong there', () => {
    register([command('help', { key: '?' }), command('focus', { key: 'd', mod: true, shift: true, inFields: true, inDialogs: true })]);
    document.body.insertAdjacentHTML('beforeend', '<dialog open><button id="in-dialog"></button></dialog>');
    press(at('in-dialog'), '?', { shiftKey: true });
    press(at('in-dialog'), 'D', { ctrlKey: true, shiftKey: true });
    expect(ran).toEqual(['focus']);
  });

  it('with Ctrl or ⌘ run from a field when they say so, and only with the modifiers they name', () => {
    register([command('find', { key: 'f', mod: true, shift: false, inFields: true })]);
    press(at('field'), 'f', { metaKey: true });
    press(at('field'), 'f', { ctrlKey: true, shiftKey: true });
    press(at('field'), 'f', { ctrlKey: true, altKey: true });
    expect(ran).toEqual(['find']);
  });

  it('leave a list its own keys, and pass on a key whose command does not apply now', () => {
    register([command('archive', { key: 'e', notOn: '[role="list"]' }), command('leave', { key: 'Escape' }, () => false)]);
    press(at('row'), 'e');
    expect(ran).toEqual([]);
    expect(press(at('page'), 'Escape').defaultPrevented).toBe(false);
  });
});
