"""The REPL on a real pseudo-terminal: prompts, echoed results, `_`, tracebacks that
do not end the session, continuation lines, and Ctrl-D to exit.

Usage: python3 tests/repl_pty.py [--binary target/release/ferropy]
Exits 1 (printing the transcript) if a check fails.
"""

import os
import pty
import select
import subprocess
import sys
import time

BINARY = "target/release/ferropy"
if "--binary" in sys.argv:
    BINARY = sys.argv[sys.argv.index("--binary") + 1]


class Session:
    def __init__(self):
        self.master, slave = pty.openpty()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "FERROPY"))}
        env["TERM"] = "dumb"
        self.proc = subprocess.Popen([BINARY, "-q"], stdin=slave, stdout=slave, stderr=slave,
                                     env=env, close_fds=True)
        os.close(slave)
        self.transcript = ""

    def read_until(self, marker, timeout=10.0):
        end = time.time() + timeout
        while marker not in self.transcript:
            left = end - time.time()
            if left <= 0:
                raise TimeoutError(f"waiting for {marker!r}")
            r, _, _ = select.select([self.master], [], [], left)
            if r:
                try:
                    data = os.read(self.master, 4096)
                except OSError:
                    break
                if not data:
                    break
                self.transcript += data.decode("utf-8", "replace")
        pos = self.transcript.index(marker) + len(marker)
        out, self.transcript = self.transcript[:pos], self.transcript[pos:]
        return out

    def send(self, text):
        os.write(self.master, text.encode())


def main():
    s = Session()
    checks = []
    try:
        s.read_until(">>> ")
        s.send("1 + 41\r")
        checks.append(("expression echoed", "42" in s.read_until(">>> ")))
        s.send("_ * 2\r")
        checks.append(("_ holds the last result", "84" in s.read_until(">>> ")))
        s.send("1 / 0\r")
        out = s.read_until(">>> ")
        checks.append(("traceback printed, session goes on", "ZeroDivisionError: division by zero" in out))
        s.send("for i in range(3):\r")
        checks.append(("continuation prompt", "... " in s.read_until("... ")))
        s.send("    print(i * 10)\r")
        s.read_until("... ")
        s.send("\r")
        out = s.read_until(">>> ")
        checks.append(("block runs after empty line", all(x in out for x in ("0", "10", "20"))))
        s.send("\x04")
        code = s.proc.wait(timeout=10)
        checks.append(("Ctrl-D exits with status 0", code == 0))
    except (TimeoutError, subprocess.TimeoutExpired) as e:
        checks.append((f"timeout: {e}", False))
        s.proc.kill()
    failed = [name for name, ok in checks if not ok]
    for name, ok in checks:
        print(("ok   " if ok else "FAIL ") + name)
    if failed:
        print("transcript tail:", repr(s.transcript[-500:]))
        sys.exit(1)


if __name__ == "__main__":
    main()
