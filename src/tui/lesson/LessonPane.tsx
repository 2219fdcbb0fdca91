/**
 * The lesson pane: `title · stage n/m: stage title` in the border, the stage text rendered
 * for the terminal, the question (a select list for multiple choice), the checks as ✓/✗
 * lines, the hints revealed so far, and the success banner once the stage passes. The
 * checks, banner and hints always stay visible; the text is what gets cut (and scrolls
 * with PgUp/PgDn) when the pane is short.
 */
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import type { CheckLine } from '../../lessons/session.js';
import type { Question } from '../../lessons/types.js';
import { renderMarkdown, type StyledLine } from '../markdown.js';
import { Pane } from '../panes/pane.js';
import { checkColour, muted, isColourless } from '../theme.js';
import { ChoiceList } from './ChoiceList.js';

export interface LessonPaneProps {
  readonly lessonTitle: string;
  readonly stageNumber: number;
  readonly stageCount: number;
  readonly stageTitle: string;
  readonly text: string;
  readonly question?: Question;
  /** Whether the answer given so far is accepted. */
  readonly answered?: boolean;
  readonly checks: readonly CheckLine[];
  readonly hints: readonly string[];
  readonly hintCount: number;
  readonly passed: boolean;
  readonly isLast: boolean;
  readonly width: number;
  readonly height: number;
  /** Rows of text scrolled past. */
  readonly scroll?: number;
  /** Whether the choice list has the keyboard. */
  readonly choosing?: boolean;
  readonly onChoose?: (letter: string) => void;
  /** Feedback on the last choice, under the list. */
  readonly notice?: string;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export function LessonPane(props: LessonPaneProps) {
  const { width, height, checks, hints, question } = props;
  const inner = Math.max(10, width - 4);
  const body = useMemo(() => renderMarkdown(props.text, inner), [props.text, inner]);
  const questionRows = question ? renderMarkdown(question.prompt, inner) : [];
  const choices = question?.choices ?? [];
  const hintRows = hints.flatMap((h, i) => renderMarkdown(`hint ${i + 1}/${props.hintCount}: ${h}`, inner));
  const banner = props.passed ? 1 : 0;
  const explanation = props.answered && question?.explanation ? renderMarkdown(question.explanation, inner) : [];
  const fixed = checks.length + hintRows.length + banner + explanation.length + questionRows.length + choices.length + (question ? 1 : 0) + (props.notice ? 1 : 0);
  const textRoom = Math.max(1, height - 2 - fixed - 1);
  const start = Math.max(0, Math.min(props.scroll ?? 0, body.length - textRoom));
  const cut = body.length > textRoom;
  const shownText = body.slice(start, start + (cut ? textRoom - 1 : textRoom));
  const title = lessonTitle(props.lessonTitle, props.stageNumber, props.stageCount, props.stageTitle);

  return (
    <Pane title={title} width={width} height={height}>
      <Box flexDirection="column" paddingX={1}>
        {shownText.map((row, i) => (
          <Row key={`t${start + i}`} row={row} />
        ))}
        {cut && <Text color={muted()}>{`… ${body.length - start - shownText.length} more lines (PgUp/PgDn)`}</Text>}
        <Text> </Text>
        {questionRows.map((row, i) => (
          <Row key={`q${i}`} row={row} />
        ))}
        {choices.length > 0 && <ChoiceList choices={choices} isActive={props.choosing ?? false} onChoose={(i) => props.onChoose?.(LETTERS[i]!)} />}
        {props.notice && <Text wrap="truncate" color={muted()}>{props.notice}</Text>}
        {question && (
          <Text color={muted()}>{choices.length ? (props.choosing ? '↑/↓ and Enter to answer · Esc to type at the prompt' : 'answer with `answer LETTER` · Esc to pick from the list') : 'answer with `answer YOUR ANSWER`'}</Text>
        )}
        {checks.map((c, i) => (
          <Text key={`c${i}`} wrap="truncate" color={checkColour(c.ok)}>
            {`${c.ok ? '✓' : '✗'} ${c.message}`}
          </Text>
        ))}
        {explanation.map((row, i) => (
          <Row key={`e${i}`} row={row} />
        ))}
        {hintRows.map((row, i) => (
          <Row key={`h${i}`} row={row} dim />
        ))}
        {props.passed && (
          <Text color={isColourless() ? undefined : 'green'} bold inverse={!isColourless()}>
            {props.isLast ? ' ✓ All checks pass — type `next` to finish the lesson ' : ` ✓ Stage passed! Type \`next\` for stage ${props.stageNumber + 1}/${props.stageCount} `}
          </Text>
        )}
      </Box>
    </Pane>
  );
}

function Row({ row, dim }: { row: StyledLine; dim?: boolean }) {
  return (
    <Text wrap="truncate">
      {row.map((s, i) => (
        <Text key={i} color={s.colour ?? (dim ? muted() : undefined)} bold={s.bold}>
          {s.text === '' ? ' ' : s.text}
        </Text>
      ))}
    </Text>
  );
}

/** The pane's title text (for tests and the status bar). */
export function lessonTitle(lesson: string, n: number, m: number, stage: string): string {
  return `${lesson} · stage ${n}/${m}: ${stage}`;
}
