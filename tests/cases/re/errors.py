# re.error from the parser (messages with positions) and engine-level errors.
import re

for pat in ['(', ')', 'a)', '[a', 'a**', '*a', '(?P<1>a)', '(?P<a>a)(?P<a>b)', r'\1', '(?<=a+)b',
            'a{3,2}', '(?z)', r'\p', '(?P=x)', '(?(x)a)', 'a{99999999999}', '[z-a]', '(?<!a|bc)d',
            '(?i', '\\', 'abc\n(', '(?#unterminated', '(?P<>a)', 'x++++']:
    try:
        re.compile(pat)
        print('ok', repr(pat))
    except re.error as e:
        print(repr(pat), '->', e, '|', e.msg, e.pos, e.lineno, e.colno)
    except Exception as e:
        print(repr(pat), '->', type(e).__name__, e)
try:
    re.compile(b'(')
except re.error as e:
    print(e, e.pattern)
print(re.error.__module__, re.error.__name__, issubclass(re.error, Exception))
raise re.error('custom message', 'a\nbc', 3)
