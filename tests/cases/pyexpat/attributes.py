# pyexpat: attribute values (normalization, references), ordered_attributes,
# specified_attributes and DTD defaults.
import pyexpat

def run(data, ordered=False, specified=False):
    p = pyexpat.ParserCreate()
    p.ordered_attributes = ordered
    p.specified_attributes = specified
    p.StartElementHandler = lambda n, a: print(n, a)
    try:
        p.Parse(data, True)
    except pyexpat.ExpatError as e:
        print("error", e)

doc = b"""<!DOCTYPE a [
<!ATTLIST a d CDATA "dflt" f CDATA #FIXED "fixed" t NMTOKENS #IMPLIED i ID #IMPLIED>
<!ENTITY e "ent &amp; val">
]>
<a z="1" y="tab\there\nnl&#10;&#9;ref &e; &lt;&gt;&quot;&apos;" t="  x   y  " i=" id "/>"""
run(doc)
run(doc, ordered=True)
run(doc, specified=True)
run(doc, ordered=True, specified=True)
run(b"<a b='&#x1F600;&#233;'/>")
run(b"<a b='x\r\ny\rz'/>")
p = pyexpat.ParserCreate()
for name in ["ordered_attributes", "specified_attributes", "namespace_prefixes", "buffer_text"]:
    vals = []
    for x in (0, 1, 2, "", "a", None, 0):
        setattr(p, name, x)
        vals.append(getattr(p, name))
    print(name, vals)
