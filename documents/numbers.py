"""Document numbers (số ký hiệu) in a form that compares the way citizens type them.

"181/QĐ-UBND", "181/QD-UBND", "181/qđ-ubnd" and "181 QĐ UBND" all name the same
document. The key keeps only letters and digits, folded to ASCII capitals (Đ becomes
D), joined by hyphens: "181-QD-UBND".
"""

import re

from anyascii import anyascii

from home.text import to_nfc

TOKEN = re.compile(r"[A-Z0-9]+")
YEAR_TOKEN = re.compile(r"^(19|20)\d\d$")


def number_key(number):
    """Return the comparison key of a document number, or "" when it has no letter or digit."""
    folded = anyascii(to_nfc(number or "")).upper()
    return "-".join(TOKEN.findall(folded))


def year_in_number(number):
    """Return the year written inside a number such as 42/2022/NĐ-CP, or None."""
    for token in number_key(number).split("-"):
        if YEAR_TOKEN.match(token):
            return int(token)
    return None
