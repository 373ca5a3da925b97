// printers.EscapeTerminal (cli-runtime's terminal.go): what kubectl's table, custom-columns and
// describe output pass through so that a value cannot drive the terminal. Only ESC and CR are
// replaced; every other control character is written as it is.

export const escapeTerminal = (s: string): string => s.replace(/[\x1b\r]/g, (c) => (c === '\x1b' ? '^[' : '\\r'));
