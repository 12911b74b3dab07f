# \ud800-style escapes in an f-string's literal parts and format specs keep the
# lone surrogate; raw f-strings and doubled braces are read as CPython does.
x = 5
s = 'a\udc80'
print(ascii(f'\ud800{x}'), ascii(f'{x}\udc80\U0000dfff'), ascii(f'{{\ud800}}{x}'), ascii(f'\ufffd{x}\ud800'))
print(ascii(f'{x:\ud800>4}'), ascii(f'{s:\udc00<4}'), ascii(f'{s:\udc00^{x}}'), ascii(f'{x=}\udcff'))
print(ascii('\ud800' f'{x}' '\udc01'), ascii(rf'\ud800{x}'), ascii(f'''\ud800
{x}\udfff'''), ascii(f'\N{SNOWMAN}\ud800{x}\x41\ud801'))
print(len(f'\ud800{x}'), f'\ud800{x}' == '\ud8005', f'\ud800' == '\ud800')
def f():
    '\udc80 doc'
print(ascii(f.__doc__))
