/**
 * nslookup in the three shapes images ship: busybox 1.28 (the old `Address 1:` layout
 * the Kubernetes DNS docs show), busybox 1.29+ (musl-style), and BIND's (dnsutils,
 * netshoot, agnhost).
 */
import type { Command, CommandContext, Io, Run } from '../io.js';

/** The tab-separated header of busybox 1.29+ and BIND: `Server:\t\t10.96.0.10`. */
function header(server: string, sep: string): string {
  return `Server:\t\t${server}\nAddress:\t${server}${sep}53\n\n`;
}

function* nslookup(ctx: CommandContext, argv: readonly string[], io: Io): Run {
  const args = argv.slice(1).filter((a) => !a.startsWith('-'));
  const name = args[0];
  const net = ctx.host.net;
  const server = args[1] ?? net.dnsServer;
  const flavor = ctx.profile.nslookup ?? 'busybox';
  if (!name) {
    io.err.write(flavor === 'bind' ? 'Usage: nslookup [-opt ...] host\n' : 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup HOST [DNS_SERVER]\n');
    return 1;
  }
  const answer = net.resolve(name);
  if (flavor === 'busybox-1.28') {
    const serverName = net.reverse?.(server);
    io.out.write(`Server:    ${server}\nAddress 1: ${server}${serverName ? ` ${serverName}` : ''}\n\n`);
    if (!answer.ok) {
      io.err.write(`nslookup: can't resolve '${name}'\n`);
      return 1;
    }
    const lines = answer.ips.map((ip, i) => {
      const ptr = net.reverse?.(ip);
      return `Address ${i + 1}: ${ip}${ptr ? ` ${ptr}` : ''}`;
    });
    io.out.write(`Name:      ${name}\n${lines.join('\n')}\n`);
    return 0;
  }
  if (flavor === 'bind') {
    io.out.write(header(server, '#'));
    if (!answer.ok) {
      io.out.write(`** server can't find ${name}: NXDOMAIN\n\n`);
      return 1;
    }
    io.out.write(answer.ips.map((ip) => `Name:\t${answer.fqdn}\nAddress: ${ip}\n`).join('') + '\n');
    return 0;
  }
  io.out.write(header(server, ':'));
  if (!answer.ok) {
    // busybox tries the first search domain for a short name and reports that query.
    const search = net.search ?? [];
    const queried = name.includes('.') || search.length === 0 ? name : `${name}.${search[0]}`;
    io.out.write(`** server can't find ${queried}: NXDOMAIN\n\n`);
    return 1;
  }
  io.out.write(answer.ips.map((ip) => `Name:\t${answer.fqdn}\nAddress: ${ip}\n`).join('') + '\n');
  return 0;
}

/** nslookup, by name. */
export const NSLOOKUP_COMMANDS: Readonly<Record<string, Command>> = { nslookup };
