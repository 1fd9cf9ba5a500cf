-- Payments (issue 14): card payments through Stripe, and the account a
-- guest pays a bank transfer to. A brand keeps its Stripe keys
-- (the secret key and the webhook secret never leave the server); an order
-- paid by card keeps its PaymentIntent and the time after which a worker
-- cancels it unpaid. Stripe's event ids go to payment_events, so each is
-- handled once.
ALTER TABLE brands ADD COLUMN stripe_secret_key TEXT;
ALTER TABLE brands ADD COLUMN stripe_publishable_key TEXT;
ALTER TABLE brands ADD COLUMN stripe_webhook_secret TEXT;
ALTER TABLE brands ADD COLUMN bank_iban TEXT;
ALTER TABLE brands ADD COLUMN bank_bic TEXT;
ALTER TABLE brands ADD COLUMN bank_account_name TEXT;
ALTER TABLE orders ADD COLUMN payment_method TEXT;
ALTER TABLE orders ADD COLUMN stripe_intent_id TEXT;
ALTER TABLE orders ADD COLUMN pay_by TIMESTAMPTZ;
CREATE UNIQUE INDEX orders_stripe_intent ON orders (stripe_intent_id);
CREATE INDEX orders_pay_by ON orders (pay_by) WHERE pay_by IS NOT NULL;
