# pyexpat: namespace processing (namespace_separator, namespace_prefixes) and its errors.
import pyexpat

def run(data, **kw):
    out = []
    p = pyexpat.ParserCreate(**kw)
    p.StartElementHandler = lambda n, a: out.append(("start", n, sorted(a.items())))
    p.EndElementHandler = lambda n: out.append(("end", n))
    p.StartNamespaceDeclHandler = lambda pre, uri: out.append(("ns", pre, uri))
    p.EndNamespaceDeclHandler = lambda pre: out.append(("endns", pre))
    try:
        p.Parse(data, True)
    except pyexpat.ExpatError as e:
        out.append(("error", str(e), e.code))
    for o in out:
        print(o)
    print("--")
    return p

doc = b"<a xmlns='u' xmlns:p='v' p:x='1' y='2'><p:b xmlns:q='w' q:z='3'/><c xmlns=''/><xml:d xml:lang='en'/></a>"
run(doc)
run(doc, namespace_separator="}")
run(doc, namespace_separator="")
run(doc, namespace_separator=" ")
p = pyexpat.ParserCreate(namespace_separator="!")
p.namespace_prefixes = True
p.StartElementHandler = lambda n, a: print(n, sorted(a.items()))
p.Parse(doc, True)
for bad in [b"<p:a/>", b"<a p:x='1'/>", b"<a xmlns:p=''/>", b"<a xmlns:xml='x'/>", b"<a xmlns:xmlns='x'/>",
            b"<a xmlns:p='http://www.w3.org/XML/1998/namespace'/>", b"<a xmlns:p='u' xmlns:q='u' p:x='1' q:x='2'/>",
            b"<a xmlns:p='a b'/>"]:
    run(bad, namespace_separator=" ")
try:
    pyexpat.ParserCreate(namespace_separator="ab")
except ValueError as e:
    print(e)
try:
    pyexpat.ParserCreate(namespace_separator=1)
except TypeError as e:
    print(e)
