/**
 * A multiple-choice select list: `❯ a) 3`, Up/Down to move, Enter (or the letter) to
 * choose. Built by hand because it is this small and must not take Tab from the prompt.
 */
import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import { accent } from '../theme.js';

export interface ChoiceListProps {
  readonly choices: readonly string[];
  /** Whether the list has the keyboard (the prompt has it otherwise). */
  readonly isActive: boolean;
  /** Called with the chosen index. */
  readonly onChoose: (index: number) => void;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export function ChoiceList({ choices, isActive, onChoose }: ChoiceListProps) {
  const [cursor, setCursor] = useState(0);
  useInput(
    (input, key) => {
      if (key.upArrow) setCursor((c) => (c + choices.length - 1) % choices.length);
      else if (key.downArrow) setCursor((c) => (c + 1) % choices.length);
      else if (key.return) onChoose(cursor);
      else {
        const i = LETTERS.indexOf(input.toLowerCase());
        if (input.length === 1 && i >= 0 && i < choices.length) {
          setCursor(i);
          onChoose(i);
        }
      }
    },
    { isActive },
  );
  return (
    <Box flexDirection="column">
      {choices.map((c, i) => {
        const on = isActive && i === cursor;
        return (
          <Text key={i} wrap="truncate" color={on ? accent() : undefined} bold={on}>
            {`${on ? '❯' : ' '} ${LETTERS[i]}) ${c}`}
          </Text>
        );
      })}
    </Box>
  );
}
