import io

for nl in [None, "", "\n", "\r", "\r\n"]:
    s = io.StringIO("a\nb\r\nc\rd", newline=nl)
    print(repr(nl), repr(s.getvalue()), s.readlines(), repr(s.newlines))
    s = io.StringIO(newline=nl)
    s.write("x\ny\r\nz\r")
    s.seek(0)
    print(repr(nl), repr(s.read()), [l for l in io.StringIO(s.getvalue(), newline=nl)])
s = io.StringIO(newline=None)
s.write("a\r")
s.write("\nb")
print(repr(s.getvalue()), s.newlines)
