# pyexpat: the xmlparser object: attributes, positions, ParseFile, SetBase,
# handler errors, module constants and submodules.
import io
import pyexpat
from xml.parsers import expat
from xml.parsers.expat import errors, model

p = pyexpat.ParserCreate()
print(type(p).__name__, type(p) is pyexpat.XMLParserType, p.StartElementHandler, p.intern)
print(p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex, p.ErrorCode)
try:
    pyexpat.XMLParserType()
except TypeError as e:
    print(e)
try:
    p.no_such_attribute
except AttributeError as e:
    print("AttributeError")
try:
    del p.StartElementHandler
except RuntimeError as e:
    print(e)
print(pyexpat.EXPAT_VERSION, pyexpat.version_info, pyexpat.native_encoding)
print(pyexpat.XML_PARAM_ENTITY_PARSING_NEVER, pyexpat.XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE,
      pyexpat.XML_PARAM_ENTITY_PARSING_ALWAYS)
print(errors.XML_ERROR_SYNTAX, errors.codes[errors.XML_ERROR_SYNTAX], len(errors.messages), model.XML_CTYPE_SEQ,
      model.XML_CQUANT_PLUS, expat.errors is errors, errors.__name__, model.__name__)
print(pyexpat.ErrorString(1), pyexpat.ErrorString(43), pyexpat.ErrorString(0), pyexpat.ErrorString(99))
print(expat.ExpatError is pyexpat.ExpatError, expat.ParserCreate is pyexpat.ParserCreate)

# positions seen from handlers
def pos(ev):
    print(ev, p.CurrentByteIndex, p.CurrentLineNumber, p.CurrentColumnNumber)
p = pyexpat.ParserCreate()
p.StartElementHandler = lambda n, a: pos("s " + n)
p.EndElementHandler = lambda n: pos("e " + n)
p.CharacterDataHandler = lambda d: pos("c " + repr(d))
p.Parse(b"<a>\n <b>\n  <c/>\n </b>\xc3\xa9\r\n</a>", True)
print(p.CurrentByteIndex, p.CurrentLineNumber, p.CurrentColumnNumber)

# ParseFile
p = pyexpat.ParserCreate()
p.StartElementHandler = lambda n, a: print("start", n)
print(p.ParseFile(io.BytesIO(b"<r>" + b"<x/>" * 3 + b"</r>")))
for bad in [1, io.StringIO("<a/>")]:
    try:
        pyexpat.ParserCreate().ParseFile(bad)
    except TypeError as e:
        print(e)

# SetBase/GetBase, ExternalEntityRefHandler arguments
p = pyexpat.ParserCreate()
print(p.GetBase())
p.SetBase("base/")
print(p.GetBase())
p.ExternalEntityRefHandler = lambda *a: print("ext", a) or 1
p.Parse(b"<!DOCTYPE a [<!ENTITY e SYSTEM 'sys' >]><a>&e;</a>", True)

# an exception in a handler stops the handlers and comes out of Parse
class Boom(Exception):
    pass
def boom(*a):
    raise Boom("boom")
p = pyexpat.ParserCreate()
p.StartElementHandler = boom
p.EndElementHandler = lambda n: print("end", n)
try:
    p.Parse(b"<a><b/></a>", True)
except Boom as e:
    print("Boom", e, p.StartElementHandler, p.EndElementHandler)

# intern
d = {}
p = pyexpat.ParserCreate(intern=d)
names = []
p.StartElementHandler = lambda n, a: names.append(n)
p.Parse(b"<a><a/><a/></a>", True)
print(sorted(d), names[0] is names[1] is names[2], pyexpat.ParserCreate(intern=None).intern)
try:
    pyexpat.ParserCreate(intern=[])
except TypeError as e:
    print(e)
try:
    pyexpat.ParserCreate(encoding=1)
except TypeError as e:
    print(e)
p = pyexpat.ParserCreate()
print(p.SetParamEntityParsing(pyexpat.XML_PARAM_ENTITY_PARSING_ALWAYS))
p.Parse(b"<a>", False)
try:
    p.UseForeignDTD(True)
except pyexpat.ExpatError as e:
    print(e)
