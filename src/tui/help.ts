/** What `help` at the prompt prints. */
import type { ScrollbackLine } from './terminal/TerminalPane.js';

export const HELP_LINES: readonly ScrollbackLine[] = [
  'kubectl ...        run kubectl against the tutor\'s cluster (k works too)',
  'hint               reveal the next hint of this stage',
  'next               go on once the stage has passed',
  'reset [lesson]     reset this stage (or the whole lesson)',
  'answer TEXT        answer the stage\'s question',
  'edit FILE          open a workspace file in $EDITOR',
  'lessons            back to the list of lessons',
  'panes [all|hide|show]  cycle the live pane, all namespaces, hide or show the panes',
  'ls, cat, clear, alias, export   as in a shell',
  'quit               save and leave (Ctrl-D works too)',
  'Keys: Up/Down history · Ctrl-R search · Tab complete · Ctrl-C clear line · Ctrl-T all namespaces · Ctrl-F speed · Ctrl-O next pane',
].map((text) => ({ kind: 'info' as const, text }));
