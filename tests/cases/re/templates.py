# Replacement templates (re._subx / re._expand hooks) and their errors.
import re

print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@host bob@box'))
print(re.sub(r'(?P<user>\w+)@(?P<host>\w+)', r'\g<host>/\g<user>/\g<0>', 'joe@host'))
print(re.sub(r'(a)(b)?', r'[\1|\2]', 'a ab'), re.sub(r'x', r'\\', 'axb'), re.sub(r'x', '\\\\n', 'x'))
print(re.sub('a', r'\n', 'bab') == 'b\nb', re.sub('a', '\\x41\\101', 'a') if False else None)
print(re.sub(r'(.)', r'\g<1>\g<1>', 'abc'), re.sub(r'((((((((((a))))))))))', r'\10', 'a'), re.sub(r'(a)', r'\g<1>' + '0', 'a'))
print(re.subn(r'(\d)', r'<\1>', '1 2 3', 2), re.sub(r'\d', 'no-backslash', 'a1'))
print(re.sub(rb'(\w)', rb'\1\1', b'ab'), re.sub(rb'(?P<c>\w)', rb'\g<c>.', b'ab'))
print(re.sub('a', lambda m: None, 'banana') if False else re.sub('a', lambda m: '', 'banana'))
m = re.match(r'(?P<a>x)(y)', 'xy')
print(m.expand(r'\2\1'), m.expand(r'\g<a>-\g<2>'), m.expand('plain'), m.expand(r'\t') == '\t')
for args in [(r'(a)', r'\2', 'a'), (r'a', r'\g<x>', 'a'), (r'a', r'\g<', 'a'), (r'a', '\\', 'a'),
             (r'(a)', r'\g<1a>', 'a'), (r'a', r'\q', 'a'), (r'a', r'\g<-1>', 'a'), (r'(?P<n>a)', r'\g<n', 'a'),
             (r'a', 5, 'a'), (r'(a)', r'\g<99999999999999999999>', 'a')]:
    try:
        print(re.sub(*args))
    except Exception as e:
        print(type(e).__name__, e)
print(re.sub(r'a', 'b', 'aaa', 0), re.sub(r'a', 'b', 'aaa', count=1))
re.match('(a)', 'a').group(2)
