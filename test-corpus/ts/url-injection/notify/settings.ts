/*
 * Settings of the notification client: defaults, then what the server put into window.settings.
 *
 * Corpus for js/ws-url-injection (with app.ts and stream.ts): a base URL stored here by the start-up
 * code and read back by the stream.
 */
export interface Settings {
  base: string;
  theme: string;
}

declare global {
  interface Window {
    settings?: Partial<Settings>;
  }
}

const current: Settings = {
  base: 'unset',
  theme: 'light',
  ...window.settings,
};

export function put<K extends keyof Settings>(key: K, value: Settings[K]): void {
  current[key] = value;
}

export function read<K extends keyof Settings>(key: K): Settings[K] {
  return current[key];
}
