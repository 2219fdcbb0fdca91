/**
 * The home screen: the course grouped by area, each lesson with a progress bar and its
 * stages done, the next lesson highlighted. Up/Down (or j/k) move, Enter opens, `r` resets
 * a lesson after a y/n confirmation, `q` quits. A lesson whose file has problems is marked
 * broken, and with the cursor on it its first problem (file, line, field) is shown.
 */
import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import { accent, checkColour, muted } from '../theme.js';
import { fit } from '../panes/pane.js';
import { progressBar, WELCOME_LINES, type CourseView, type LessonRow } from './course-rows.js';

export interface HomeScreenProps {
  readonly view: CourseView;
  readonly columns: number;
  readonly rows: number;
  readonly onOpen: (id: string) => void;
  readonly onReset: (id: string) => void;
  readonly onQuit: () => void;
  /** A line to show under the title (e.g. "progress reset"). */
  readonly notice?: string;
}

type Item = { kind: 'area'; area: string } | { kind: 'lesson'; row: LessonRow; index: number };

export function HomeScreen({ view, columns, rows, onOpen, onReset, onQuit, notice }: HomeScreenProps) {
  const [cursor, setCursor] = useState(() => Math.max(0, view.rows.findIndex((r) => r.id === view.next)));
  const [confirm, setConfirm] = useState<string | undefined>(undefined);
  const [interrupted, setInterrupted] = useState(false);
  const current = view.rows[Math.min(cursor, view.rows.length - 1)];

  useInput((input, key) => {
    if (key.ctrl && input === 'c') {
      if (interrupted) onQuit();
      setInterrupted(true);
      return;
    }
    setInterrupted(false);
    if (confirm !== undefined) {
      if (input === 'y' || input === 'Y') onReset(confirm);
      setConfirm(undefined);
      return;
    }
    if (key.upArrow || input === 'k') setCursor((c) => Math.max(0, c - 1));
    else if (key.downArrow || input === 'j') setCursor((c) => Math.min(view.rows.length - 1, c + 1));
    else if (key.return && current && current.broken === undefined) onOpen(current.id);
    else if (input === 'r' && current?.started) setConfirm(current.id);
    else if (input === 'q' || (key.ctrl && input === 'd')) onQuit();
  });

  const items: Item[] = [];
  let index = 0;
  for (const g of view.groups) {
    items.push({ kind: 'area', area: g.area });
    for (const row of g.lessons) items.push({ kind: 'lesson', row, index: index++ });
  }
  const header = 2 + (view.firstRun ? WELCOME_LINES.length + 1 : 0) + (notice ? 1 : 0) + (current?.broken !== undefined ? 2 : 0);
  const room = Math.max(3, rows - header - 2);
  // Keep the cursor in view: a window of `room` items around it.
  const at = items.findIndex((i) => i.kind === 'lesson' && i.index === cursor);
  const start = Math.max(0, Math.min(at - Math.floor(room / 2), items.length - room));
  const shown = items.slice(start, start + room);
  const titleW = Math.max(10, columns - 44);
  const confirmRow = confirm ? view.rows.find((r) => r.id === confirm) : undefined;

  return (
    <Box flexDirection="column" width={columns}>
      <Text>
        <Text color={accent()} bold>kubetutor</Text>
        <Text color={muted()}>{`  ${view.stagesDone}/${view.stagesTotal} stages done`}</Text>
      </Text>
      {view.firstRun && (
        <Box flexDirection="column" marginTop={1}>
          {WELCOME_LINES.map((l) => (
            <Text key={l} wrap="wrap">{l}</Text>
          ))}
        </Box>
      )}
      {notice && <Text color={muted()}>{notice}</Text>}
      <Text> </Text>
      {view.rows.length === 0 && <Text>No lessons in this course.</Text>}
      {shown.map((item) =>
        item.kind === 'area' ? (
          <Text key={`area:${item.area}`} color={accent()} bold>{item.area}</Text>
        ) : (
          <LessonLine key={item.row.id} row={item.row} selected={item.index === cursor} next={item.row.id === view.next} titleWidth={titleW} />
        ),
      )}
      <Text> </Text>
      {current?.broken !== undefined && !confirmRow && <Text color={checkColour(false)} wrap="wrap">{`${current.id} cannot be opened: ${current.broken}`}</Text>}
      {confirmRow ? (
        <Text color="yellow">{`Reset "${confirmRow.title}"? Its progress and cluster start over. (y/n)`}</Text>
      ) : (
        <Text color={muted()}>{interrupted ? 'Press Ctrl-C again to quit.' : '↑/↓ choose · Enter open · r reset · q quit'}</Text>
      )}
    </Box>
  );
}

function LessonLine({ row, selected, next, titleWidth }: { row: LessonRow; selected: boolean; next: boolean; titleWidth: number }) {
  if (row.broken !== undefined) {
    return (
      <Text wrap="truncate" inverse={selected}>
        {selected ? '❯ ' : '  '}
        <Text color={checkColour(false)}>✗ </Text>
        {fit(`${row.id}  ${row.title}`, titleWidth)}
        <Text color={checkColour(false)}> broken lesson</Text>
      </Text>
    );
  }
  const mark = row.complete ? '✓' : row.done > 0 || row.started ? '…' : ' ';
  const done = row.complete ? row.total : row.done;
  const title = `${row.id}  ${row.title}`;
  // The title in a column of its own, apart from the marks and the bar: Ink measures a text
  // with a non-ASCII character grapheme by grapheme, and the first frame of home pays for each.
  // The selected title is padded so that its highlight runs across the column.
  return (
    <Box>
      <Text inverse={selected}>
        {selected ? '❯ ' : '  '}
        <Text color={row.complete ? checkColour(true) : undefined}>{mark} </Text>
      </Text>
      <Box width={titleWidth} flexShrink={0}>
        <Text wrap="truncate" bold={next} inverse={selected}>
          {selected ? fit(title, titleWidth) : title}
        </Text>
      </Box>
      <Text wrap="truncate" inverse={selected}>
        {` ${progressBar(done, row.total, 10)} ${`${done}/${row.total}`.padStart(5)} stages`}
        {next ? (
          <Text color={accent()} bold>
            {'  ← next'}
          </Text>
        ) : (
          ''
        )}
      </Text>
    </Box>
  );
}
