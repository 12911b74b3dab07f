import io, sys

out = sys.stdout
print(type(out).__name__, type(out.buffer).__name__, type(out.buffer.raw).__name__)
print(out.encoding, out.errors, sys.stderr.errors, sys.stdin.errors, out.line_buffering, sys.stderr.line_buffering)
print(out.name, out.mode, out.buffer.name, out.buffer.mode, out.buffer.raw.mode, out.buffer.raw.closefd, sys.stdin.mode, sys.stdin.buffer.raw.mode)
print(out.fileno(), sys.stdin.fileno(), sys.stderr.fileno(), out.writable(), out.readable())
print(repr(out), repr(out.buffer), repr(out.buffer.raw))
print(sys.stdout is sys.__stdout__, isinstance(out, io.TextIOBase))
print("a", "b", sep="-", end="!\n", flush=True)
out.write("direct\n")
out.flush()
out.buffer.write(b"bytes\n")
out.buffer.flush()
buf = io.StringIO()
print("to", "stringio", file=buf)
print(repr(buf.getvalue()))

class Recorder:
    def __init__(self):
        self.calls = []
    def write(self, s):
        self.calls.append(s)
    def flush(self):
        self.calls.append("<flush>")
r = Recorder()
print(1, 2, file=r, flush=True)
print(r.calls)
saved = sys.stdout
sys.stdout = io.StringIO()
print("captured")
got = sys.stdout.getvalue()
sys.stdout = saved
print(repr(got))
print("ends without newline", end="")
