# An uncaught exception whose message holds lone surrogates: stderr's
# 'backslashreplace' writes them as escapes such as \udcff.
import sys
print('a\ud800b', file=sys.stderr)
print(sys.stderr.errors)
raise ValueError('x\udcffy')
