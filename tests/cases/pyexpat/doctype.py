# pyexpat: DOCTYPE and the internal subset: declaration handlers, entities,
# the default handler's view of declarations, content models.
import pyexpat

doc = b"""<?xml version="1.0" encoding="iso-8859-1" standalone="no"?>
<!DOCTYPE quotations SYSTEM "quotations.dtd" [
<!ELEMENT root ANY>
<!ELEMENT e EMPTY>
<!ELEMENT m (#PCDATA|a|b)*>
<!ELEMENT s (a,(b|c)?,d+)*>
<!ELEMENT one (x)>
<!ATTLIST root attr1 CDATA #REQUIRED attr2 CDATA #IMPLIED attr3 (x|y) "x" attr4 NOTATION (n) #FIXED "n">
<!NOTATION notation SYSTEM "notation.jpeg">
<!NOTATION pub PUBLIC "-//pub//id">
<!ENTITY acirc "&#226;">
<!ENTITY text "some &acirc; text">
<!ENTITY external_entity SYSTEM "entity.file">
<!ENTITY pub_entity PUBLIC "-//x//y" "pub.file">
<!ENTITY unparsed_entity SYSTEM "entity.file" NDATA notation>
<!-- a comment -->
<?pi in subset?>
%unparsed_entity;
]>
<root attr1="value1">&acirc;&text;&external_entity;&skipped_entity;</root>
"""

NAMES = ["StartElementHandler", "EndElementHandler", "CharacterDataHandler", "ProcessingInstructionHandler",
         "CommentHandler", "XmlDeclHandler", "StartDoctypeDeclHandler", "EndDoctypeDeclHandler",
         "ElementDeclHandler", "AttlistDeclHandler", "NotationDeclHandler", "EntityDeclHandler",
         "UnparsedEntityDeclHandler", "NotStandaloneHandler", "ExternalEntityRefHandler", "SkippedEntityHandler"]

def run(data, names, default=None, sep=None):
    out = []
    p = pyexpat.ParserCreate(namespace_separator=sep)
    for n in names:
        setattr(p, n, (lambda n: lambda *a: out.append((n[:-7],) + a) or 1)(n))
    if default:
        setattr(p, default, lambda t: out.append(("D", t)))
    try:
        p.Parse(data, True)
    except pyexpat.ExpatError as e:
        out.append(("error", str(e)))
    for o in out:
        print(o)
    print("--")

run(doc, NAMES)
run(doc, NAMES, sep="!")
run(doc, [], default="DefaultHandler")
run(doc, ["StartElementHandler", "CharacterDataHandler"], default="DefaultHandler")
run(doc, ["StartElementHandler", "CharacterDataHandler"], default="DefaultHandlerExpand")
run(b'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"><html/>',
    ["StartDoctypeDeclHandler", "EndDoctypeDeclHandler"])
run(b'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd"><html/>', [], default="DefaultHandlerExpand")
run(b'<!DOCTYPE a [<!ENTITY e "<b>in &amp; entity</b>">]><a>&e;&e;</a>', ["StartElementHandler", "EndElementHandler", "CharacterDataHandler"])
run(b"<!DOCTYPE a [<!ENTITY e '<b>'>]><a>&e;</b></a>", ["StartElementHandler"])
run(b"<!DOCTYPE a [<!ENTITY e '&e;'>]><a>&e;</a>", ["StartElementHandler"])
run(b"<!DOCTYPE a [<!ENTITY e SYSTEM 'x'>]><a b='&e;'/>", ["StartElementHandler"])
run(b"<!DOCTYPE a SYSTEM 'x'><a>&undefined;</a>", ["SkippedEntityHandler", "NotStandaloneHandler"])
run(b"<!DOCTYPE a SYSTEM 'x'><a/>", [], default="DefaultHandler")
p = pyexpat.ParserCreate()
p.NotStandaloneHandler = lambda: 0
try:
    p.Parse(b"<!DOCTYPE a SYSTEM 'x'><a/>", True)
except pyexpat.ExpatError as e:
    print(e, e.code)
