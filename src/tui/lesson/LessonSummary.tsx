/**
 * The end of a lesson: what it took (virtual time in its stages, hints, commands) stage by
 * stage, and the way home. Enter or `l` goes to the lessons, `r` plays it again, `q` quits.
 */
import { Box, Text, useInput } from 'ink';
import { humanDuration } from '../../kubectl/printers/duration.js';
import type { Lesson } from '../../lessons/types.js';
import type { StageProgress } from '../../progress/types.js';
import { accent, checkColour, muted } from '../theme.js';
import { fit } from '../panes/pane.js';

export interface LessonSummaryProps {
  readonly lesson: Lesson;
  readonly records: Readonly<Record<string, StageProgress>>;
  readonly columns: number;
  readonly onHome: () => void;
  readonly onRestart: () => void;
  readonly onQuit: () => void;
}

/** Totals over a lesson's stages. */
export function summaryTotals(lesson: Lesson, records: Readonly<Record<string, StageProgress>>): { seconds: number; hints: number; attempts: number } {
  const rs = lesson.stages.map((s) => records[s.id] ?? { attempts: 0, hintsUsed: 0 });
  return {
    seconds: rs.reduce((n, r) => n + (r.passed?.seconds ?? 0), 0),
    hints: rs.reduce((n, r) => n + r.hintsUsed, 0),
    attempts: rs.reduce((n, r) => n + r.attempts, 0),
  };
}

export function LessonSummary({ lesson, records, columns, onHome, onRestart, onQuit }: LessonSummaryProps) {
  useInput((input, key) => {
    if (key.return || input === 'l') onHome();
    else if (input === 'r') onRestart();
    else if (input === 'q' || (key.ctrl && (input === 'd' || input === 'c'))) onQuit();
  });
  const t = summaryTotals(lesson, records);
  const titleW = Math.max(12, Math.min(48, columns - 40));
  return (
    <Box flexDirection="column" width={columns}>
      <Text color={checkColour(true)} bold>{`✓ Lesson complete: ${lesson.title}`}</Text>
      <Text>{`time ${humanDuration(t.seconds * 1000)} · ${t.hints} ${t.hints === 1 ? 'hint' : 'hints'} · ${t.attempts} ${t.attempts === 1 ? 'command' : 'commands'}`}</Text>
      <Text> </Text>
      {lesson.stages.map((s, i) => {
        const r = records[s.id];
        return (
          <Text key={s.id} wrap="truncate">
            <Text color={checkColour(!!r?.passed)}>{r?.passed ? '✓ ' : '✗ '}</Text>
            {fit(`${i + 1}. ${s.title}`, titleW)}
            <Text color={muted()}>{`  ${humanDuration((r?.passed?.seconds ?? 0) * 1000).padStart(5)}  ${r?.hintsUsed ?? 0} hints  ${r?.attempts ?? 0} commands`}</Text>
          </Text>
        );
      })}
      <Text> </Text>
      <Text color={accent()}>Enter: back to the lessons · r: play it again · q: quit</Text>
    </Box>
  );
}
