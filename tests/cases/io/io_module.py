import io, _io

print(io.open is open, _io.open is open, io.DEFAULT_BUFFER_SIZE)
print(io.UnsupportedOperation.__mro__)
print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
print(io.BlockingIOError is BlockingIOError)
for c in [io.StringIO, io.BytesIO, io.FileIO, io.BufferedReader, io.BufferedWriter, io.BufferedRandom, io.BufferedRWPair, io.TextIOWrapper, io.IncrementalNewlineDecoder]:
    print(c.__name__, c.__module__, [k.__name__ for k in c.__mro__])
print(isinstance(io.StringIO(), io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase), isinstance(io.StringIO(), io.IOBase))
print(issubclass(io.FileIO, io.RawIOBase), issubclass(io.TextIOWrapper, io.TextIOBase), issubclass(io.BytesIO, io.RawIOBase))
print(io.text_encoding(None), io.text_encoding("latin-1"))
print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)
print(sorted(n for n in dir(_io) if not n.startswith("__")))
