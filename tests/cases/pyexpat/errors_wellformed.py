# pyexpat: well-formedness errors: message, code, line/column and byte index.
import pyexpat

cases = [b"<a></b>", b"<a>&</a>", b"<a>", b"<a><b", b"", b"  ", b"<a/><b/>", b"<a/>x", b"<a x='1' x='2'/>",
         b"<a>&foo;</a>", b"<a>]]></a>", b"<a>&#0;</a>", b"<a/><?xml version='1.0'?>", b"<a b=c/>",
         b"<a>\xff</a>", b"<a>\xc3</a>", b"<a><![CDATA[x</a>", b"<!-- x -- y --><a/>", b"<a>\n<b>\n</c></a>",
         b"<a\n  b='1'\n  c></a>", b"<1a/>", b"<a>\xe2\x82\xac\xe2\x82\xac</b>", b"x<a/>", b"foo", b"abc def",
         b"<a><!foo></a>", b"<a><!-- x", b"<a><?pi x", b"<a>&am", b"<a>&#x", b"<a><?xml version='1.0'?></a>",
         b"\xef\xbb\xbf<a/>", b"<a b='<'/>", b"<a b='&x;'/>", b"<a/>\n\n<", b"<a>\x01</a>", b"<a></a  >",
         b"<a></a x>", b"<a>x\xffy</a>", b"<a b='1'c='2'/>", b"<a/ >", b"<a/>&amp;", b"<a/>abc",
         b"<?xml version='1.0' standalone='maybe'?><a/>", b"<?xml encoding='utf-8'?><a/>", b"<a>&#xD800;</a>"]
for c in cases:
    p = pyexpat.ParserCreate()
    try:
        p.Parse(c, True)
        print(c, "ok")
    except pyexpat.ExpatError as e:
        print(c, e, e.code, e.lineno, e.offset, p.ErrorCode, p.ErrorLineNumber, p.ErrorColumnNumber, p.ErrorByteIndex)
        print(pyexpat.ErrorString(e.code) == pyexpat.errors.messages[e.code])

# errors arriving chunk by chunk
p = pyexpat.ParserCreate()
p.Parse(b"<a>", False)
p.Parse(b"<b>text", False)
try:
    p.Parse(b"</a>", False)
except pyexpat.ExpatError as e:
    print(e, e.code)
# the error stays
try:
    p.Parse(b"</b>", True)
except pyexpat.ExpatError as e:
    print("again:", e.code)

# parsing after the end
p = pyexpat.ParserCreate()
p.Parse(b"<a/>", True)
try:
    p.Parse(b"", True)
except pyexpat.ExpatError as e:
    print(e, e.code)
print(issubclass(pyexpat.ExpatError, Exception), pyexpat.error is pyexpat.ExpatError, pyexpat.ExpatError.__module__)
