# An uncaught exception whose message holds lone surrogates: stderr's
# 'backslashreplace' writes them as \udXXX escapes.
import sys
print('a\ud800b', file=sys.stderr)
print(sys.stderr.errors)
raise ValueError('x\udcffy')
