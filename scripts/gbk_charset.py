"""Writes the characters the bundled packet fonts must cover, one code point per line as U+XXXX.

Why GBK: GB2312 alone misses characters common in personal and organisation names (喆 堃 镕 珺 旻
昇 赟), while GBK (GB 13000.1 / CP936) covers them at about 5 MB per weight. Printable ASCII and
Latin-1 are added for digits, Latin letters and the few symbols (× ÷ ·) forms use. Deterministic:
the same list on every run, so cut-font.sh is idempotent.
"""

import sys


def gbk_code_points():
    points = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100))
    # GBK double-byte area: lead 0x81-0xFE, trail 0x40-0xFE except 0x7F.
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            if trail == 0x7F:
                continue
            try:
                ch = bytes([lead, trail]).decode("gbk")
            except UnicodeDecodeError:
                continue
            cp = ord(ch)
            # Private-use code points carry no glyph in a standard font.
            if 0xE000 <= cp <= 0xF8FF:
                continue
            points.add(cp)
    return sorted(points)


def main():
    out = sys.stdout if len(sys.argv) < 2 else open(sys.argv[1], "w", encoding="ascii")
    with out:
        for cp in gbk_code_points():
            out.write(f"U+{cp:04X}\n")


if __name__ == "__main__":
    main()
