"""Reference payments from a camt.054 file: paid, partly paid, unknown, twice, and re-imported."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from jarjestokeskus.db.engine import Database
from jarjestokeskus.db.models import BankPayment, MembershipFee
from jarjestokeskus.domain.fees import PaymentOutcome
from jarjestokeskus.services.fees.invoicing import issue_invoices, list_invoices
from jarjestokeskus.services.fees.payments import NotAPaymentFile, import_payments, read_payment_file
from tests.services.fees.scenario import TODAY, register

NS = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"


def transaction(archive: str, reference: str, amount: str, payer: str) -> str:
    return f"""
      <TxDtls>
        <Refs><AcctSvcrRef>{archive}</AcctSvcrRef></Refs>
        <AmtDtls><TxAmt><Amt Ccy="EUR">{amount}</Amt></TxAmt></AmtDtls>
        <RltdPties><Dbtr><Nm>{payer}</Nm></Dbtr></RltdPties>
        <RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp>
          <Ref>{reference}</Ref></CdtrRefInf></Strd></RmtInf>
      </TxDtls>"""


def camt054(path: Path, transactions: list[str], booked: str = "2027-03-20", debit: str = "") -> Path:
    entries = f"""
    <Ntry>
      <Amt Ccy="EUR">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
      <BookgDt><Dt>{booked}</Dt></BookgDt><AcctSvcrRef>BATCH1</AcctSvcrRef>
      <NtryDtls><Btch><NbOfTxs>{len(transactions)}</NbOfTxs></Btch>{"".join(transactions)}</NtryDtls>
    </Ntry>{debit}"""
    path.write_text(
        f"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="{NS}"><BkToCstmrDbtCdtNtfctn>
  <GrpHdr><MsgId>M1</MsgId><CreDtTm>2027-03-21T06:00:00</CreDtTm></GrpHdr>
  <Ntfctn><Id>N1</Id><Acct><Id><IBAN>FI7944052020036082</IBAN></Id></Acct>{entries}</Ntfctn>
</BkToCstmrDbtCdtNtfctn></Document>""",
        encoding="utf-8",
    )
    return path


DEBIT = """
    <Ntry><Amt Ccy="EUR">99.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><Dt>2027-03-20</Dt></BookgDt>
      <AcctSvcrRef>OUT1</AcctSvcrRef></Ntry>"""


def payments_file(tmp_path: Path) -> Path:
    return camt054(
        tmp_path / "camt054.xml",
        [
            transaction(
                "A1", "00000202700014", "50.00", "AALTO RY"
            ),  # A in full (leading zeros as banks send)
            transaction("B1", "202700027", "100.00", "BJORKBY FORENING"),  # B: 100 of 120
            transaction("X1", "1232", "30.00", "SOMEONE"),  # no such invoice
            transaction("C1", "2027 00030", "250.00", "CELSIUS"),  # C: 250 of 200
            transaction("F1", "202700043", "55.00", "FURA RY"),  # F in full
            transaction("F2", "202700043", "55.00", "FURA RY"),  # F again
            transaction("F1", "202700043", "55.00", "FURA RY"),  # the same transaction twice in the file
        ],
        debit=DEBIT,
    )


def test_reading_takes_credits_only(tmp_path: Path) -> None:
    entries = read_payment_file(payments_file(tmp_path))
    assert [e.entry_reference for e in entries] == ["A1", "B1", "X1", "C1", "F1", "F2", "F1"]
    assert entries[0].amount == Decimal("50.00") and entries[0].booked_on == date(2027, 3, 20)
    assert entries[3].reference == "202700030"  # spaces out


def test_import_marks_paid_and_lists_the_rest(db: Database, tmp_path: Path) -> None:
    ids = register(db)
    issue_invoices(db, 2027, today=TODAY)
    result = import_payments(db, payments_file(tmp_path))
    outcomes = [(line.entry.entry_reference, line.outcome) for line in result.lines]
    assert outcomes == [
        ("A1", PaymentOutcome.PAID),
        ("B1", PaymentOutcome.PARTIAL),
        ("X1", PaymentOutcome.UNKNOWN),
        ("C1", PaymentOutcome.OVERPAID),
        ("F1", PaymentOutcome.PAID),
        ("F2", PaymentOutcome.AGAIN),
        ("F1", None),
    ]
    invoices = {row.organisation_id: row for row in list_invoices(db, 2027)}
    assert invoices[ids["A"]].paid_on == date(2027, 3, 20) and invoices[ids["A"]].is_paid
    assert invoices[ids["B"]].paid_on is None and invoices[ids["B"]].open_amount == Decimal("20.00")
    assert invoices[ids["C"]].paid_amount == Decimal("250.00")
    assert invoices[ids["F"]].paid_amount == Decimal("110.00")
    with db.reading() as session:
        paid = dict(
            session.execute(
                select(MembershipFee.organisation_id, MembershipFee.paid_on).where(MembershipFee.year == 2027)
            ).all()
        )
    assert paid[ids["A"]] == paid[ids["F"]] == paid[ids["C"]] == date(2027, 3, 20)
    assert paid[ids["B"]] is None


def test_the_same_file_again_changes_nothing(db: Database, tmp_path: Path) -> None:
    register(db)
    issue_invoices(db, 2027, today=TODAY)
    path = payments_file(tmp_path)
    import_payments(db, path)
    before = list_invoices(db, 2027)
    again = import_payments(db, path)
    assert {line.outcome for line in again.lines} == {None}
    assert list_invoices(db, 2027) == before
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(BankPayment)) == 6


def test_dry_run_writes_nothing(db: Database, tmp_path: Path) -> None:
    register(db)
    issue_invoices(db, 2027, today=TODAY)
    result = import_payments(db, payments_file(tmp_path), dry_run=True)
    assert result.count(PaymentOutcome.PAID) == 2 and not result.written
    assert all(row.paid_amount == 0 for row in list_invoices(db, 2027))
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(BankPayment)) == 0


@pytest.mark.parametrize(
    "content",
    [
        "not xml at all",
        '<?xml version="1.0"?><Document xmlns="x"><Other/></Document>',
        '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><Document>&b;</Document>',
    ],
)
def test_other_files_are_refused_with_a_message(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(NotAPaymentFile) as raised:
        read_payment_file(path)
    assert "bad.xml" in raised.value.user_message()


def test_a_broken_amount_is_refused(tmp_path: Path) -> None:
    path = camt054(tmp_path / "c.xml", [transaction("A1", "202700014", "fifty", "AALTO")])
    with pytest.raises(NotAPaymentFile):
        read_payment_file(path)
