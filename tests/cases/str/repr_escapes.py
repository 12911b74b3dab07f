for s in ("plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "nl\n", "\\back", "\x00\x07\x1b\x7f", "\x80\xa0\xad", "é ñ 中文", "\u200b\u2028", "\ud800", "\U0001F600", "\U000e0001"):
    print(repr(s), ascii(s))
