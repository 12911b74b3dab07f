# Exception classes of C modules: repr shows the bare class name, str the message,
# type() and the traceback the module-qualified name.
import binascii, zlib, _csv, pyexpat, codecs

for c in (binascii.Error, binascii.Incomplete, zlib.error, _csv.Error, pyexpat.ExpatError):
    e = c("x")
    print(repr(e), str(e), type(e), c.__name__, c.__qualname__, c.__module__)
    print(repr(c()), repr(c(1, 2)))
try:
    zlib.decompress(b"xx")
except zlib.error as e:
    print(repr(e))
try:
    codecs.decode(b"abc", "hex")
except Exception as e:
    print(type(e).__name__, repr(e))
raise zlib.error("uncaught")
