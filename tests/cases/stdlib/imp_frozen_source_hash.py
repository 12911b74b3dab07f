# _imp.get_frozen_object/init_frozen (no frozen modules; given marshalled code, that
# code) and _imp.source_hash (keyed SipHash-1-3), with CPython's errors.
import _imp, marshal
for f in [lambda: _imp.get_frozen_object('nosuch'), lambda: _imp.init_frozen('nosuch'), lambda: _imp.get_frozen_object(), lambda: _imp.get_frozen_object(1), lambda: _imp.init_frozen(1), lambda: _imp.get_frozen_object('nosuch', b'x'), lambda: _imp.source_hash(1, b'abc'), lambda: _imp.source_hash(key=1, source=b'abc'), lambda: _imp.check_hash_based_pycs,
    lambda: _imp.source_hash('a', b'x'), lambda: _imp.source_hash(1, 'x'), lambda: _imp.source_hash(1), lambda: _imp.source_hash(2**70, b''), lambda: _imp.source_hash(-1, b'xyz'), lambda: _imp.source_hash(7, bytearray(b'hello world')), lambda: _imp.get_frozen_object('x', 'str'), lambda: _imp.get_frozen_object('x', None),
    lambda: type(_imp.get_frozen_object('x', marshal.dumps(compile('1', 'f', 'eval')))).__name__, lambda: _imp.get_frozen_object('x', marshal.dumps(5))]:
  try: print(repr(f()))
  except Exception as e: print(type(e).__name__, e)
