# pyexpat: the calls each handler receives for a small document, buffer_text off.
import pyexpat

NAMES = ["StartElementHandler", "EndElementHandler", "CharacterDataHandler", "ProcessingInstructionHandler",
         "CommentHandler", "StartCdataSectionHandler", "EndCdataSectionHandler", "XmlDeclHandler",
         "DefaultHandler"]

def run(data, chunks=None, **kw):
    out = []
    p = pyexpat.ParserCreate(**kw)
    for n in NAMES:
        setattr(p, n, (lambda n: lambda *a: out.append((n[:-7],) + a))(n))
    if chunks is None:
        p.Parse(data, True)
    else:
        for i in range(0, len(data), chunks):
            p.Parse(data[i:i + chunks], False)
        p.Parse(b"", True)
    for o in out:
        print(o)
    print("--")

doc = b"""<?xml version="1.0" encoding="utf-8"?>
<!-- top -->
<?pi some data?>
<root a="1" b='two'>text &amp; &lt;more&gt; &#65;&#x42;
  <child/><![CDATA[raw <stuff> & ]]]]>
  <?inner?><!--c2-->\xc3\xa9\xe2\x82\xac\r\nend</root>
<!-- after -->
"""
run(doc)
run(doc.decode("utf-8"))
run(doc, chunks=1)
run(doc, chunks=7)
run(b"<a>]]</a>")
run(b"<a>x]y]]z</a>", chunks=2)
