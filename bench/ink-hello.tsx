/** The baseline for start-up: a one-frame Ink hello world, bundled like kubetutor. */
import { render, Text } from 'ink';

const app = render(<Text>hello, world</Text>);
setImmediate(() => app.unmount());
