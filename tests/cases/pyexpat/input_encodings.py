# pyexpat: input encodings: XML declaration, ParserCreate's encoding, BOMs, str input.
import pyexpat

def run(data, **kw):
    out = []
    p = pyexpat.ParserCreate(**kw)
    p.StartElementHandler = lambda n, a: out.append((n, a))
    p.CharacterDataHandler = out.append
    try:
        p.Parse(data, True)
    except pyexpat.ExpatError as e:
        out.append(("error", str(e)))
    except (LookupError, ValueError) as e:
        out.append((type(e).__name__, str(e)))
    print(out)

text = "<a b='\xe9'>caf\xe9 \u20ac</a>"
run(text)
run(text.encode("utf-8"))
run(b"\xef\xbb\xbf" + text.encode("utf-8"))
run(("<?xml version='1.0' encoding='iso-8859-1'?>" + "<a b='\xe9'>caf\xe9</a>").encode("latin-1"))
run(("<?xml version='1.0' encoding='latin-1'?>" + "<a>caf\xe9</a>").encode("latin-1"))
run(("<?xml version='1.0' encoding='cp1252'?>" + "<a>\u20ac</a>").encode("cp1252"))
run("<a>caf\xe9</a>".encode("latin-1"), encoding="iso-8859-1")
run(("<?xml version='1.0' encoding='utf-16'?>" + text).encode("utf-16"))
run(text.encode("utf-16-le"), encoding="utf-16-le")
run(("<?xml version='1.0' encoding='us-ascii'?>" + "<a>abc</a>").encode("ascii"))
run(b"<?xml version='1.0' encoding='no-such-codec'?><a/>")
run(b"<a>caf\xe9</a>")
run("<a>caf\xe9</a>".encode("latin-1"), encoding="latin1")
run("<a>x</a>".encode("utf-8"), encoding="UTF8")

p = pyexpat.ParserCreate()
p.CharacterDataHandler = print
p.Parse("<a>\u20ac", False)
p.Parse(b"\xe2\x82", False)
p.Parse(b"\xac</a>", True)
