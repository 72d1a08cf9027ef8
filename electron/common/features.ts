/** Features a newsroom's policy file may turn off, each with the words the app shows for it. */
export const features = {
  'fetch-urls': 'Fetching web pages from a URL',
  'remote-images': 'Downloading images of imported articles',
  'browser-capture': 'Saving pages from the browser extension',
} as const;

export type Feature = keyof typeof features;
export const featureNames = Object.keys(features) as [Feature, ...Feature[]];
