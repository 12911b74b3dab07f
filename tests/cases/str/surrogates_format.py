# Lone surrogates survive %-formatting, str.format, format() and f-strings.
s = '\ud800'
t = 'a\udc80b'
print(ascii('%s' % s), ascii('%s|%s' % (t, 'x')), ascii('<%5s>' % s), ascii('<%-5s>' % t), ascii('%.2s' % t))
print(ascii('%r' % s), ascii('%a' % t), ascii('%c' % 0xd800), ascii('%c' % '\udfff'), ascii('%3c|%-3c' % (s, 0xdc00)))
print(ascii('\udc80%s\ud800' % 'x'), ascii('%%\udc00%d' % 5), ascii('%(\ud800)s' % {'\ud800': t}))
print(ascii('%s' % '\ufffd'), ascii('\ufffd%s' % s), ascii('%(\ufffd)s' % {'\ufffd': 1}))
class R:
    def __repr__(self):
        return 'R\udcff'
    def __str__(self):
        return 'S\udcfe'
    def __format__(self, spec):
        return 'F' + spec
print(ascii('%s %r' % (R(), R())), ascii('{} {!r} {!s}'.format(R(), R(), R())), ascii(f'{R()} {R()!r} {R():x}'))
print(ascii('{}'.format(s)), ascii('\ud800{}\udc00'.format(1)), ascii('{0}{0}'.format(t)), ascii('{:>5}'.format(t)))
print(ascii('{:\ud800^7}'.format('ab')), ascii('{:\udc80<4}'.format(s)), ascii('{:.2}'.format(t)), ascii('{:{}>4}'.format('x', '\ud800')))
print(ascii(format(t, '^6')), ascii(format(s, '\udfff>3')), ascii(format(t, '')), ascii(format('ab', '\ufffd>4')))
print(ascii('{\ud800}'.format(**{'\ud800': 1})), ascii('{x[\udc80]}'.format(x={'\udc80': 2})), ascii('{a}'.format_map({'a': t})))
print(ascii(f'{s}'), ascii(f'x{t}y{s!r}'), ascii(f'{t:>6}'), ascii(f'{s:<3}'), ascii(f'{t!s:.1}'))
print(ascii('{{\ud800}}'.format()), ascii('{!r:}'.format(t)), ascii('{0!a}'.format(t)))
for fmt, arg in [('%c', 0x110000), ('%c', 'ab'), ('%(\ud800)s', {}), ('%s %s', (s,))]:
    try:
        fmt % arg
    except Exception as e:
        print(type(e).__name__, ascii(str(e)))
for fmt in ['{\ud800}', '{!\ud800}']:
    try:
        fmt.format('x')
    except Exception as e:
        print(type(e).__name__, ascii(str(e)))
try:
    format(s, '\ud800=5')
except ValueError as e:
    print('ValueError', e)
print(ascii(format(5, '\ud800>4')), ascii(format(-2.5, '\udc80=+8.2f')), ascii(format(1+2j, '\udfff^10')), ascii('{:\ud800<6,}'.format(12345)))
print(ascii(format(7, '\ufffd>3')), ascii(f'{3.5:\udc00>6}'))
