# pyexpat: character data buffering (buffer_text, buffer_size, buffer_used).
import pyexpat

out = []
p = pyexpat.ParserCreate()
p.CharacterDataHandler = out.append
print(p.buffer_text, p.buffer_size, p.buffer_used)
p.buffer_text = 1
print(p.buffer_text)
p.Parse(b"<a>one\ntwo &amp; three", False)
print(out, p.buffer_used)
p.Parse(b"<b/>four", False)
print(out)
p.buffer_text = False
p.Parse(b"x\ny</a>", True)
print(out)

for size in [1, 3, 5]:
    out = []
    p = pyexpat.ParserCreate()
    p.CharacterDataHandler = out.append
    p.buffer_text = True
    p.buffer_size = size
    p.Parse(b"<a>ab\ncdef<b/>g&#65;h</a>", True)
    print(size, out)

# the buffer flushes before other handlers, and only then
out = []
p = pyexpat.ParserCreate()
p.buffer_text = True
p.CharacterDataHandler = lambda d: out.append(("data", d))
p.StartElementHandler = lambda n, a: out.append(("start", n))
p.Parse(b"<a>x<b/>y<c>z</c>w</a>", True)
print(out)

for bad in [0, -1, "3", 2**31]:
    try:
        p.buffer_size = bad
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# latin-1 input: character data come in pieces of at most 1024 bytes
xml1 = b"<?xml version='1.0' encoding='iso8859'?><a>a<s>" + b'a' * 1023
xml2 = b'aaa</s><s>' + b'a' * 1025 + b'</s></a>'
sizes = []
parser = pyexpat.ParserCreate()
parser.CharacterDataHandler = lambda t: sizes.append(len(t))
parser.buffer_text = 1
parser.buffer_size = 2048
parser.Parse(xml1, False)
parser.buffer_size = parser.buffer_size // 2
parser.Parse(xml2, True)
print(sizes)
