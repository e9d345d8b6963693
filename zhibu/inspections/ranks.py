"""A rank in words as summaries write it: 第四名, 第十二名, 第二十名; past 99 the digits."""

DIGITS = "零一二三四五六七八九"


def cn_rank(n: int) -> str:
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    if tens == 0:
        return DIGITS[ones]
    head = "" if tens == 1 else DIGITS[tens]
    return head + "十" + (DIGITS[ones] if ones else "")
