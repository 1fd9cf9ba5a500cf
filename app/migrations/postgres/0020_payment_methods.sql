-- Payment methods (issue 14): which ways to pay a brand offers (a comma
-- list of card, transfer and delivery: today's brands keep transfer and
-- payment at delivery), and how many days an unpaid transfer waits before
-- its order is cancelled. An order keeps when its buyer was reminded to
-- pay. A cancelled reward order gives its host credit back: the ledger
-- gains the kind 'restored', once per order.
ALTER TABLE brands ADD COLUMN payment_methods TEXT NOT NULL DEFAULT 'transfer,delivery';
ALTER TABLE brands ADD COLUMN transfer_days INTEGER NOT NULL DEFAULT 7;
ALTER TABLE orders ADD COLUMN pay_reminded_at TIMESTAMPTZ;

ALTER TABLE host_credit_ledger DROP CONSTRAINT host_credit_ledger_kind_check;
ALTER TABLE host_credit_ledger ADD CONSTRAINT host_credit_ledger_kind_check
    CHECK (kind IN ('event_reward', 'booking_bonus', 'redemption', 'restored'));
CREATE UNIQUE INDEX host_credit_restored_once ON host_credit_ledger (order_id) WHERE kind = 'restored';
