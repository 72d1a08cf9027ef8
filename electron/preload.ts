import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DatelineBridge } from './ipc/contract.ts';
import { ipcEventChannel, ipcInvokeChannel } from './ipc/wire.ts';

// Filled in at build time from the contract (see electron.vite.config.ts).
declare const __DATELINE_CHANNELS__: readonly string[];
declare const __DATELINE_EVENTS__: readonly string[];

const invoke = Object.fromEntries(
  __DATELINE_CHANNELS__.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(ipcInvokeChannel(channel), input)]),
) as DatelineBridge['invoke'];

const bridge: DatelineBridge = {
  invoke,
  on(event, listener) {
    if (!__DATELINE_EVENTS__.includes(event)) throw new Error(`Unknown event "${event}"`);
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload as never);
    ipcRenderer.on(ipcEventChannel(event), forward);
    return () => {
      ipcRenderer.removeListener(ipcEventChannel(event), forward);
    };
  },
};

contextBridge.exposeInMainWorld('dateline', bridge);
