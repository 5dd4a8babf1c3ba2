#!/usr/bin/python3
# Builds a GnuCash SQLite book with the volumes of `big_books OUT N` (issue 16): N transactions of
# 2 splits each in CNY, with Chinese account names after the 2004 chart the app uses, over the same
# grant years (N / 20,000, at least 2, at most 10, from 2019): each year 2 receipts of 200,000
# (银行存款 ← 政府补助收入) and N/years − 2 expenses on the budget lines by the same weights.
# Run with Debian's /usr/bin/python3 (package python3-gnucash), not a pyenv python.
# Usage: gnucash_book.py OUT.gnucash N
#
# Why it is built the way it is (the traps of building large books with the bindings):
# - Every account stays in BeginEdit while transactions are added: otherwise each new split
#   re-sorts and re-balances its account, and creation grows super-linearly.
# - The book is made in an XML session (nothing reaches the disk while it grows) and then saved
#   once into the SQLite file, as GnuCash's own "Save As" does (swap_data + safe_save): with the
#   SQL backend each committed transaction is its own database transaction, one fsync each.
# - session.end() at the end removes this process's row from `gnclock`; a book left with a lock
#   row opens with a "could not obtain the lock" dialog.
import datetime
import os
import random
import sys
import time

from gnucash import Account, GncNumeric, Session, SessionOpenMode, Split, Transaction
from gnucash.gnucash_core_c import (
    ACCT_TYPE_ASSET,
    ACCT_TYPE_BANK,
    ACCT_TYPE_CASH,
    ACCT_TYPE_EXPENSE,
    ACCT_TYPE_INCOME,
)

# category, expense account (5101 业务活动成本 / 5201 管理费用), weight of the expenses, summary
CATEGORIES = [
    ("项目活动费", "5101", 45, "社区活动物资"),
    ("人员劳务费", "5101", 20, "项目社工劳务费"),
    ("培训费", "5101", 8, "志愿者骨干培训资料"),
    ("宣传费", "5101", 7, "项目宣传折页印制"),
    ("办公费", "5201", 12, "打印纸及文具"),
    ("评估审计费", "5201", 8, "项目评估费"),
]
PAYEES = ["南京某某商贸有限公司", "示范街道某某文化用品店", "示范社区便民超市", "南京某某印务有限公司"]


def main():
    out, n = os.path.abspath(sys.argv[1]), int(sys.argv[2])
    if os.path.exists(out):
        sys.exit(f"gnucash_book: {out} exists")
    years = max(2, min(10, -(-n // 20000)))
    rng = random.Random(2019)
    start = time.time()
    # Session(uri, SESSION_NEW_STORE) of the 4.13 bindings also calls load() on a new SQL store,
    # after which the first commit inserts the book's row a second time ("UNIQUE constraint failed:
    # books.guid", Debian's own simple_sqlite_create.py example fails the same way). So: a session
    # on a new book, begun on the file without loading. The store is pristine until the first
    # save, so nothing reaches the disk while the book grows; save() writes it all at once.
    session = Session()
    session.begin("sqlite3://" + out, SessionOpenMode.SESSION_NEW_STORE)
    book = session.book
    cny = book.get_table().lookup("CURRENCY", "CNY")
    root = book.get_root_account()
    root.BeginEdit()

    def account(parent, name, kind, code=""):
        a = Account(book)
        a.BeginEdit()
        parent.append_child(a)
        a.SetName(name)
        a.SetType(kind)
        a.SetCommodity(cny)
        a.SetCode(code)
        return a

    assets = account(root, "资产", ACCT_TYPE_ASSET)
    bank = account(assets, "银行存款", ACCT_TYPE_BANK, "1002")
    cash = account(assets, "现金", ACCT_TYPE_CASH, "1001")
    income = account(root, "收入", ACCT_TYPE_INCOME)
    grant = account(income, "政府补助收入", ACCT_TYPE_INCOME, "4401")
    expenses = account(root, "费用", ACCT_TYPE_EXPENSE)
    program = account(expenses, "业务活动成本", ACCT_TYPE_EXPENSE, "5101")
    admin = account(expenses, "管理费用", ACCT_TYPE_EXPENSE, "5201")
    lines = [(account(program if code == "5101" else admin, name, ACCT_TYPE_EXPENSE), w, s)
             for name, code, w, s in CATEGORIES]
    weights = [w for _, w, _ in lines]
    accounts = [root, assets, bank, cash, income, grant, expenses, program, admin] + [a for a, _, _ in lines]

    def post(date, num, description, debit, credit, fen):
        tx = Transaction(book)
        tx.BeginEdit()
        tx.SetCurrency(cny)
        tx.SetDate(date.day, date.month, date.year)
        tx.SetNum(num)
        tx.SetDescription(description)
        for acct, amount in ((debit, fen), (credit, -fen)):
            split = Split(book)
            split.SetParent(tx)
            split.SetAccount(acct)
            split.SetValue(GncNumeric(amount, 100))
            split.SetAmount(GncNumeric(amount, 100))
        tx.CommitEdit()

    left = n
    for k in range(years):
        year = 2019 + k
        count = left if k + 1 == years else n // years
        left -= count
        post(datetime.date(year, 1, 15), f"记-{year}-0001", f"{year}年度市级专项资金到账", bank, grant, 20_000_000)
        post(datetime.date(year, 1, 20), f"记-{year}-0002", f"{year}年度区级配套资金到账", bank, grant, 20_000_000)
        spent = count - 2
        average = 32_000_000 // max(spent, 1)  # 80% of the year's 400,000.00, in fen
        days = [datetime.date(year, 2, 1) + datetime.timedelta(days=rng.randrange(334)) for _ in range(spent)]
        days.sort()
        for i, day in enumerate(days):
            acct, _, summary = rng.choices(lines, weights)[0]
            fen = max(1, average * rng.randrange(80, 121) // 100)
            money = cash if fen < 30_000 else bank
            post(day, f"记-{year}-{i + 3:04d}", summary, acct, money, fen)
        print(f"gnucash_book: {year}: {count} transactions ({time.time() - start:.1f} s)", file=sys.stderr)

    for a in reversed(accounts):
        a.CommitEdit()
    built = time.time() - start
    session.save()
    session.end()
    session.destroy()
    print(f"{out}: {n} transactions ({2 * n} splits), {years} years, CNY, {os.path.getsize(out) / 1e6:.1f} MB; "
          f"built in memory in {built:.1f} s, saved to SQLite in {time.time() - start - built:.1f} s")


if __name__ == "__main__":
    main()
