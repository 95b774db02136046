#!/usr/bin/env python3
"""Fails when C++ under the given directories holds CJK text outside comments
and help text: knowledge belongs in rules/ (STYLE.md, "C++ holds mechanisms").

Usage: no_cjk.py DIR_OR_FILE...    (exit 0: clean, 1: findings, 2: usage)

Every .cc/.h file is tokenised (comments, string and character literals, raw
strings). A literal's text is decoded, escapes included (\\xE7\\x82\\xB9,
\\u70B9, \\U000070B9, octal), and searched for a character of the CJK blocks
below. Adjacent string literals count as one. A literal is help text, and
allowed, when it reads as English prose: three space-separated English words
in a row ("the holiday named (...)"); a pattern or a word list does not.
A character written as a number is text too: an integer literal compared
for equality with a code point (c == 0x3002, 0xFF0C != c, case 0x3001:) of
the blocks below or of General Punctuation is a finding. Range bounds
(c >= 0xFF10 && c <= 0xFF19: a Unicode block) and arithmetic are mechanism
and allowed.
Each finding is printed as file:line:col: message.
"""
import os
import re
import sys

CJK = re.compile('[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]')
PROSE = re.compile(r'[A-Za-z]{2,}[,;:]? +[A-Za-z]{2,}[,;:]? +[A-Za-z]{2,}')
PREFIX = re.compile(r'(?:u8|u|U|L)?R?$')
CODE_POINT = re.compile('[\u2000-\u206f]|' + CJK.pattern)
NUMBER = r'0[xX][0-9A-Fa-f]+\b'
EQUALITY = re.compile(r'(?:[=!]=\s*|\bcase\s+)(%s)|(%s)\s*[=!]=' % (NUMBER, NUMBER))


def code_only(text):
    """`text` with comments and string/character literals blanked out (same
    length, line ends kept)."""
    out = list(text)
    i, n = 0, len(text)
    while i < n:
        if text.startswith('//', i):
            j = text.find('\n', i)
            j = n if j < 0 else j
        elif text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
        elif text[i] in '"\'' and not (text[i] == "'" and i > 0 and
                                       text[i - 1].isalnum()):
            j = i + 1
            while j < n and text[j] != text[i] and text[j] != '\n':
                j += 2 if text[j] == '\\' else 1
            j += 1
        else:
            i += 1
            continue
        for k in range(i, min(j, n)):
            if out[k] != '\n':
                out[k] = ' '
        i = j
    return ''.join(out)


def decode(body, raw):
    """The characters a literal's body stands for (escapes decoded; a
    sequence of \\x/octal bytes is decoded as UTF-8)."""
    if raw:
        return body
    out, pending = [], bytearray()

    def flush():
        if pending:
            out.append(pending.decode('utf-8', 'replace'))
            pending.clear()

    i = 0
    while i < len(body):
        c = body[i]
        if c != '\\' or i + 1 == len(body):
            flush()
            out.append(c)
            i += 1
            continue
        n = body[i + 1]
        if n == 'x':
            m = re.match(r'[0-9A-Fa-f]+', body[i + 2:])
            if m:
                pending.append(int(m.group(0), 16) & 0xFF)
                i += 2 + len(m.group(0))
                continue
        elif n in '01234567':
            m = re.match(r'[0-7]{1,3}', body[i + 1:])
            pending.append(int(m.group(0), 8) & 0xFF)
            i += 1 + len(m.group(0))
            continue
        elif n in 'uU':
            width = 4 if n == 'u' else 8
            digits = body[i + 2:i + 2 + width]
            if re.fullmatch(r'[0-9A-Fa-f]{%d}' % width, digits):
                flush()
                out.append(chr(int(digits, 16)))
                i += 2 + width
                continue
        flush()
        out.append(n)
        i += 2
    flush()
    return ''.join(out)


def literals(text):
    """Yields (offset, decoded text) per run of adjacent string literals and
    per character literal; comments are skipped."""
    i, n = 0, len(text)
    run_start, run = None, []

    def end_run():
        nonlocal run_start, run
        if run:
            yield_list.append((run_start, ''.join(run)))
        run_start, run = None, []

    yield_list = []
    while i < n:
        if text.startswith('//', i):
            j = text.find('\n', i)
            i = n if j < 0 else j
            continue
        if text.startswith('/*', i):
            j = text.find('*/', i + 2)
            i = n if j < 0 else j + 2
            continue
        c = text[i]
        if c in '"\'':
            m = re.search(r'[A-Za-z0-9_]*$', text[max(0, i - 3):i])
            prefix = m.group(0) if m else ''
            if not PREFIX.match(prefix):
                prefix = ''
            raw = c == '"' and prefix.endswith('R')
            start = i - len(prefix)
            if raw:
                k = text.index('(', i)
                delim = ')' + text[i + 1:k] + '"'
                j = text.index(delim, k)
                body, i = text[k + 1:j], j + len(delim)
            else:
                j = i + 1
                while j < n and text[j] != c:
                    j += 2 if text[j] == '\\' else 1
                body, i = text[i + 1:j], j + 1
            value = decode(body, raw)
            if c == '"':
                if run_start is None:
                    run_start = start
                run.append(value)
            else:
                end_run()
                yield_list.append((start, value))
            continue
        if not c.isspace():
            # An identifier that prefixes the next literal does not end a run.
            if not (c.isalnum() and PREFIX.match(
                    re.match(r'[A-Za-z0-9_]*', text[i:]).group(0))
                    and re.match(r'[A-Za-z0-9_]*["\']', text[i:])):
                end_run()
        i += 1
    end_run()
    return yield_list


def check(path):
    with open(path, encoding='utf-8', errors='surrogateescape') as f:
        text = f.read()
    findings = []
    for offset, value in literals(text):
        hit = CJK.search(value)
        if not hit or PROSE.search(value):
            continue
        line = text.count('\n', 0, offset) + 1
        col = offset - (text.rfind('\n', 0, offset) + 1) + 1
        findings.append('%s:%d:%d: CJK in a literal (%r): knowledge belongs '
                        'in rules/' % (path, line, col, value[:40]))
    for m in EQUALITY.finditer(code_only(text)):
        number = m.group(1) or m.group(2)
        value = int(number, 0) if number[:2].lower() == '0x' else int(number)
        if value > 0x10FFFF or not CODE_POINT.match(chr(value)):
            continue
        offset = m.start(1) if m.group(1) else m.start(2)
        line = text.count('\n', 0, offset) + 1
        col = offset - (text.rfind('\n', 0, offset) + 1) + 1
        findings.append('%s:%d:%d: the character U+%04X written as a number: '
                        'knowledge belongs in rules/' % (path, line, col, value))
    findings.sort(key=lambda f: [int(x) for x in f.split(':')[1:3]])
    return findings


def main(args):
    if not args:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    files = []
    for arg in args:
        if os.path.isdir(arg):
            for root, _, names in os.walk(arg):
                files += [os.path.join(root, x) for x in sorted(names)
                          if x.endswith(('.cc', '.h'))]
        else:
            files.append(arg)
    findings = [f for path in sorted(files) for f in check(path)]
    for f in findings:
        print(f)
    if findings:
        print('%d CJK literal(s) in C++ outside comments and help text'
              % len(findings), file=sys.stderr)
    return 1 if findings else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
